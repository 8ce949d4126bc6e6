// Package wasmdata merges the many small data segments the Go linker
// writes into a WebAssembly module (one per symbol run, ~43 000 for the
// signer, each with its own header of about eight bytes and the zeros
// between them left out) into a few large ones, the gaps filled with the
// zeros the memory holds there anyway. The module behaves the same: an
// active segment only copies its bytes into linear memory at
// instantiation, which starts zeroed.
//
// Owns: reading and rewriting the data section (id 11) and the data count
// section (id 12) of a module binary, WebAssembly Core Specification
// §5.5.12-§5.5.13. Must never: change any other section, reorder segments,
// merge a passive segment or one whose offset is not a constant, or merge
// segments that overlap or are out of order.
package wasmdata

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
)

// MaxGap is the default longest run of zeros Merge fills to join two
// segments: about the size of a segment's header, so the module never
// grows by more than the headers it loses.
const MaxGap = 64

const (
	sectionData      = 11
	sectionDataCount = 12
	opI32Const       = 0x41
	opEnd            = 0x0b
)

// Segment is one active data segment of memory 0 with a constant offset.
type Segment struct {
	Offset uint32
	Data   []byte
}

// Stats says what Merge did.
type Stats struct {
	Before, After int // segment counts
	Filled        int // zero bytes written into gaps
}

// Merge returns module with every run of adjacent active data segments
// whose gaps are at most maxGap bytes joined into one segment. A module it
// cannot safely rewrite (a passive segment, a non-constant offset, an
// unknown segment kind) is returned unchanged with Before == After; a
// module that is not a well-formed binary is an error.
func Merge(module []byte, maxGap int) ([]byte, Stats, error) {
	if len(module) < 8 || !bytes.Equal(module[:4], []byte("\x00asm")) {
		return nil, Stats{}, errors.New("not a wasm module")
	}
	out := append([]byte(nil), module[:8]...)
	var st Stats
	var merged []Segment
	dataCountAt := -1
	for i := 8; i < len(module); {
		id := module[i]
		size, n, err := uleb(module[i+1:])
		if err != nil {
			return nil, Stats{}, fmt.Errorf("section at %d: %w", i, err)
		}
		body := i + 1 + n
		end := body + int(size)
		if end > len(module) || end < body {
			return nil, Stats{}, fmt.Errorf("section at %d runs past the end", i)
		}
		switch id {
		case sectionDataCount:
			dataCountAt = len(out) // rewritten once the data section is read
			out = append(out, module[i:end]...)
		case sectionData:
			segs, ok, err := ReadSegments(module[body:end])
			if err != nil {
				return nil, Stats{}, err
			}
			if !ok {
				return module, Stats{Before: len(segs), After: len(segs)}, nil
			}
			merged, st.Filled = join(segs, maxGap)
			st.Before, st.After = len(segs), len(merged)
			out = appendSection(out, sectionData, encodeSegments(merged))
		default:
			out = append(out, module[i:end]...)
		}
		i = end
	}
	if dataCountAt >= 0 && st.Before != st.After {
		// The data count section goes before the code section, so it was
		// copied before the data section was read: write it again.
		rest := append([]byte(nil), out[dataCountAt:]...)
		_, n, _ := uleb(rest[1:])
		size, _, _ := uleb(rest[1:])
		tail := rest[1+n+int(size):]
		out = appendSection(out[:dataCountAt], sectionDataCount, binary.AppendUvarint(nil, uint64(len(merged))))
		out = append(out, tail...)
	}
	return out, st, nil
}

// ReadSegments reads a data section's body. ok is false when a segment is
// not an active memory-0 segment with an i32.const offset (then Merge
// leaves the module alone).
func ReadSegments(b []byte) (segs []Segment, ok bool, err error) {
	count, n, err := uleb(b)
	if err != nil {
		return nil, false, err
	}
	b = b[n:]
	for k := uint64(0); k < count; k++ {
		flags, n, err := uleb(b)
		if err != nil {
			return nil, false, err
		}
		b = b[n:]
		if flags != 0 || len(b) == 0 || b[0] != opI32Const {
			return segs, false, nil
		}
		off, n, err := sleb32(b[1:])
		if err != nil {
			return nil, false, err
		}
		b = b[1+n:]
		if len(b) == 0 || b[0] != opEnd {
			return segs, false, nil
		}
		b = b[1:]
		size, n, err := uleb(b)
		if err != nil {
			return nil, false, err
		}
		b = b[n:]
		if uint64(len(b)) < size {
			return nil, false, errors.New("data segment runs past its section")
		}
		segs = append(segs, Segment{Offset: uint32(off), Data: b[:size]})
		b = b[size:]
	}
	if len(b) != 0 {
		return nil, false, errors.New("bytes after the last data segment")
	}
	return segs, true, nil
}

// join merges each segment into the one before it when it starts at most
// maxGap bytes after that one ends (never before: overlapping or
// out-of-order segments stay apart, as their order decides which byte wins).
func join(segs []Segment, maxGap int) ([]Segment, int) {
	var out []Segment
	filled := 0
	for _, s := range segs {
		if len(out) > 0 {
			last := &out[len(out)-1]
			end := uint64(last.Offset) + uint64(len(last.Data))
			if uint64(s.Offset) >= end && uint64(s.Offset)-end <= uint64(maxGap) {
				gap := int(uint64(s.Offset) - end)
				last.Data = append(last.Data, make([]byte, gap)...)
				last.Data = append(last.Data, s.Data...)
				filled += gap
				continue
			}
		}
		out = append(out, Segment{Offset: s.Offset, Data: append([]byte(nil), s.Data...)})
	}
	return out, filled
}

func encodeSegments(segs []Segment) []byte {
	b := binary.AppendUvarint(nil, uint64(len(segs)))
	for _, s := range segs {
		b = append(b, 0, opI32Const)
		b = appendSleb(b, int64(int32(s.Offset)))
		b = append(b, opEnd)
		b = binary.AppendUvarint(b, uint64(len(s.Data)))
		b = append(b, s.Data...)
	}
	return b
}

func appendSection(out []byte, id byte, body []byte) []byte {
	out = append(out, id)
	out = binary.AppendUvarint(out, uint64(len(body)))
	return append(out, body...)
}

// uleb reads an unsigned LEB128 of at most 32 bits (§5.2.2).
func uleb(b []byte) (uint64, int, error) {
	v, n := binary.Uvarint(b)
	if n <= 0 || n > 5 || v > 1<<32-1 {
		return 0, 0, errors.New("bad unsigned LEB128")
	}
	return v, n, nil
}

// sleb32 reads a signed LEB128 of at most 32 bits (§5.2.2).
func sleb32(b []byte) (int64, int, error) {
	var v int64
	var shift uint
	for i := 0; i < len(b) && i < 5; i++ {
		c := b[i]
		v |= int64(c&0x7f) << shift
		shift += 7
		if c&0x80 == 0 {
			if shift < 64 && c&0x40 != 0 {
				v |= -1 << shift
			}
			return v, i + 1, nil
		}
	}
	return 0, 0, errors.New("bad signed LEB128")
}

func appendSleb(b []byte, v int64) []byte {
	for {
		c := byte(v & 0x7f)
		v >>= 7
		if v == 0 && c&0x40 == 0 || v == -1 && c&0x40 != 0 {
			return append(b, c)
		}
		b = append(b, c|0x80)
	}
}
