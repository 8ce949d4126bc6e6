//go:build load && !js

package main

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"runtime"
	"sort"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestLoad is `make load`: a bounded check, on loopback only, that the dev
// server stays responsive under 1 000 concurrent connections and while
// slow-header clients hold sockets open, and that it closes those after
// ReadHeaderTimeout. It prints requests/s, errors, latency and peak memory.
func TestLoad(t *testing.T) {
	base := startServer(t)
	addr := base[len("http://") : len(base)-1]

	var peak atomic.Uint64
	stopSampling := make(chan struct{})
	go func() {
		var m runtime.MemStats
		for {
			runtime.ReadMemStats(&m)
			if m.HeapInuse > peak.Load() {
				peak.Store(m.HeapInuse)
			}
			select {
			case <-stopSampling:
				return
			case <-time.After(20 * time.Millisecond):
			}
		}
	}()
	defer close(stopSampling)

	// Phase 1: 1 000 concurrent keep-alive clients, 20 requests each,
	// bounded to 60 s.
	const conns, perConn = 1000, 20
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	tr := &http.Transport{MaxIdleConnsPerHost: conns, MaxConnsPerHost: conns}
	defer tr.CloseIdleConnections()
	client := &http.Client{Transport: tr}
	var ok, failed atomic.Int64
	var mu sync.Mutex
	var latencies []time.Duration
	start := time.Now()
	var wg sync.WaitGroup
	for range conns {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mine := make([]time.Duration, 0, perConn)
			for range perConn {
				req, _ := http.NewRequestWithContext(ctx, http.MethodGet, base, nil)
				t0 := time.Now()
				resp, err := client.Do(req)
				if err != nil {
					failed.Add(1)
					continue
				}
				_, _ = io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				if resp.StatusCode == http.StatusOK {
					ok.Add(1)
				} else {
					failed.Add(1)
				}
				mine = append(mine, time.Since(t0))
			}
			mu.Lock()
			latencies = append(latencies, mine...)
			mu.Unlock()
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)
	sort.Slice(latencies, func(i, j int) bool { return latencies[i] < latencies[j] })
	pct := func(p float64) time.Duration {
		if len(latencies) == 0 {
			return 0
		}
		return latencies[int(p*float64(len(latencies)-1))]
	}
	fmt.Printf("load: %d connections x %d requests: %d ok, %d errors in %v = %.0f requests/s; latency p50 %v, p99 %v\n",
		conns, perConn, ok.Load(), failed.Load(), elapsed.Round(time.Millisecond),
		float64(ok.Load())/elapsed.Seconds(), pct(0.5).Round(time.Microsecond), pct(0.99).Round(time.Microsecond))
	assert.Zero(t, failed.Load(), "errors under load")

	// Phase 2: 200 slow-header clients send half a request line and stall.
	const slow = 200
	var slowConns []net.Conn
	for range slow {
		c, err := net.Dial("tcp", addr)
		require.NoError(t, err)
		_, err = c.Write([]byte("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: "))
		require.NoError(t, err)
		slowConns = append(slowConns, c)
	}
	t0 := time.Now()
	resp, err := client.Get(base)
	require.NoError(t, err, "a normal request while slow clients hold sockets")
	resp.Body.Close()
	during := time.Since(t0)
	fmt.Printf("load: with %d slow-header clients open, a normal request took %v\n", slow, during.Round(time.Microsecond))
	assert.Less(t, during, time.Second)

	// The server must drop them after ReadHeaderTimeout (5 s).
	closed := 0
	deadline := time.Now().Add(8 * time.Second)
	for _, c := range slowConns {
		_ = c.SetReadDeadline(deadline)
		buf := make([]byte, 512)
		for {
			if _, err := c.Read(buf); err != nil {
				if ne, isNet := err.(net.Error); !isNet || !ne.Timeout() {
					closed++
				}
				break
			}
		}
		c.Close()
	}
	fmt.Printf("load: %d of %d slow-header clients were cut off by the server within %v\n", closed, slow, 8*time.Second)
	assert.Equal(t, slow, closed, "slow-header clients dropped by ReadHeaderTimeout")
	fmt.Printf("load: peak heap in use (server and clients in one process): %.1f MiB\n", float64(peak.Load())/(1<<20))
}
