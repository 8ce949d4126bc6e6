package wasmdata

import (
	"encoding/binary"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// module builds a small wasm binary: a memory section, an optional data
// count section, the data section of segs and a custom section after it.
func module(segs []Segment, dataCount bool) []byte {
	b := []byte("\x00asm\x01\x00\x00\x00")
	b = appendSection(b, 5, []byte{1, 0, 1}) // one memory, min 1 page
	if dataCount {
		b = appendSection(b, sectionDataCount, binary.AppendUvarint(nil, uint64(len(segs))))
	}
	b = appendSection(b, sectionData, encodeSegments(segs))
	return appendSection(b, 0, []byte("\x04nameX"))
}

// memory is what instantiating the module writes into a zeroed memory.
func memory(t *testing.T, m []byte) []byte {
	t.Helper()
	mem := make([]byte, 1<<16)
	for i := 8; i < len(m); {
		size, n, err := uleb(m[i+1:])
		require.NoError(t, err)
		body := m[i+1+n : i+1+n+int(size)]
		if m[i] == sectionData {
			segs, ok, err := ReadSegments(body)
			require.NoError(t, err)
			require.True(t, ok)
			for _, s := range segs {
				copy(mem[s.Offset:], s.Data)
			}
		}
		i += 1 + n + int(size)
	}
	return mem
}

func TestMerge(t *testing.T) {
	segs := []Segment{
		{Offset: 16, Data: []byte("abc")},
		{Offset: 19, Data: []byte("de")},     // adjacent
		{Offset: 30, Data: []byte("f")},      // gap 9
		{Offset: 200, Data: []byte("g")},     // gap 169: too far
		{Offset: 100, Data: []byte("early")}, // out of order: stays apart
		{Offset: 9000, Data: []byte("h")},    // an offset of two LEB bytes and its sign bit
	}
	for _, tc := range []struct {
		name      string
		maxGap    int
		dataCount bool
		want      []Segment
	}{
		{"gap 64", 64, false, []Segment{{16, []byte("abcde\x00\x00\x00\x00\x00\x00\x00\x00\x00f")}, {200, []byte("g")}, {100, []byte("early")}, {9000, []byte("h")}}},
		{"gap 0 joins adjacent only", 0, false, []Segment{{16, []byte("abcde")}, {30, []byte("f")}, {200, []byte("g")}, {100, []byte("early")}, {9000, []byte("h")}}},
		{"data count rewritten", 64, true, []Segment{{16, []byte("abcde\x00\x00\x00\x00\x00\x00\x00\x00\x00f")}, {200, []byte("g")}, {100, []byte("early")}, {9000, []byte("h")}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := module(segs, tc.dataCount)
			got, st, err := Merge(in, tc.maxGap)
			require.NoError(t, err)
			assert.Equal(t, module(tc.want, tc.dataCount), got)
			assert.Equal(t, len(segs), st.Before)
			assert.Equal(t, len(tc.want), st.After)
			assert.Equal(t, memory(t, in), memory(t, got), "the same bytes land in memory")
		})
	}
}

func TestMergeLeavesUnsafeModulesAlone(t *testing.T) {
	passive := []byte("\x00asm\x01\x00\x00\x00")
	passive = appendSection(passive, sectionData, []byte{2, 1, 1, 'a', 1, 1, 'b'}) // two passive segments
	got, st, err := Merge(passive, 64)
	require.NoError(t, err)
	assert.Equal(t, passive, got)
	assert.Equal(t, st.Before, st.After)

	for name, bad := range map[string][]byte{
		"not wasm":           []byte("\x7fELF...."),
		"section past end":   append([]byte("\x00asm\x01\x00\x00\x00"), sectionData, 50, 1),
		"segment past end":   appendSection([]byte("\x00asm\x01\x00\x00\x00"), sectionData, []byte{1, 0, opI32Const, 0, opEnd, 9, 'a'}),
		"bytes after last":   appendSection([]byte("\x00asm\x01\x00\x00\x00"), sectionData, []byte{1, 0, opI32Const, 0, opEnd, 1, 'a', 'z'}),
		"overlong LEB count": appendSection([]byte("\x00asm\x01\x00\x00\x00"), sectionData, []byte{0xff, 0xff, 0xff, 0xff, 0xff, 0x0f}),
	} {
		_, _, err := Merge(bad, 64)
		assert.Error(t, err, name)
	}
}

func TestSleb(t *testing.T) {
	for _, v := range []int64{0, 1, 63, 64, -1, -64, -65, 8191, 8192, 1<<31 - 1, -1 << 31} {
		b := appendSleb(nil, v)
		got, n, err := sleb32(b)
		require.NoError(t, err, v)
		assert.Equal(t, v, got)
		assert.Equal(t, len(b), n)
	}
}

func FuzzMerge(f *testing.F) {
	f.Add(module([]Segment{{16, []byte("ab")}, {20, []byte("c")}}, true))
	f.Fuzz(func(t *testing.T, in []byte) {
		out, st, err := Merge(in, 64)
		if err != nil || st.Before == st.After {
			return
		}
		again, st2, err := Merge(out, 64)
		require.NoError(t, err)
		assert.Equal(t, out, again, "merging twice changes nothing")
		assert.Equal(t, st2.Before, st2.After)
	})
}
