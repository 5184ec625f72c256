package jsonx_test

import (
	"bytes"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/wlpmodel/wlp/internal/jsonx"
	"github.com/wlpmodel/wlp/problem"
	"github.com/wlpmodel/wlp/profile"

	"github.com/wlpmodel/wlp/internal/alloctest"
)

// memReadProfile reads doc as a profile through jsonx.Read, with the
// profile's own checks, and returns the bytes allocated and the error.
func memReadProfile(doc []byte) (uint64, error) {
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	var p profile.Profile
	err := jsonx.Read(bytes.NewReader(doc), &p, jsonx.Limits{MaxBytes: profile.DefaultMaxBytes}, "profile", func(bool) error { return p.Validate() })
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc, err
}

// TestReadProfileMemory reads profiles of the shapes that cost the most
// per byte: at the profile size bound (1 MiB), many empty reviews (each
// a problem) and many unknown fields; at a quarter of it, many tiny valid
// reviews and many ratings; and a deeply nested one. Each must allocate
// within the stated bound.
func TestReadProfileMemory(t *testing.T) {
	// Valid documents take longest: they are read at a quarter of the
	// bound, which changes nothing per byte.
	small := profile.DefaultMaxBytes / 4
	var ratings strings.Builder
	ratings.WriteString(`{"id":"a","ratings":{`)
	for i := 0; ratings.Len() < small-40; i++ {
		if i > 0 {
			ratings.WriteString(",")
		}
		fmt.Fprintf(&ratings, `"c%d":{"level":1}`, i)
	}
	ratings.WriteString(`}}`)
	size := profile.DefaultMaxBytes
	tests := []struct {
		name  string
		doc   []byte
		valid bool
	}{
		{"empty reviews", alloctest.Fill(`{"id":"a","reviews":[`, `{"levels":{}}`, `]}`, size), false},
		{"tiny reviews", alloctest.Fill(`{"id":"a","reviews":[`, `{"levels":{"a":0}}`, `]}`, small), true},
		{"many ratings", []byte(ratings.String()), true},
		{"unknown fields in reviews", alloctest.Fill(`{"id":"a","reviews":[`, `{"x":1}`, `]}`, size), false},
		{"deep evidence", []byte(`{"id":"a","ratings":{"a":{"level":1,"evidence":` + strings.Repeat("[", 60) + strings.Repeat("]", 60) + `}}}`), false},
	}
	memReadProfile([]byte(`{"id":"a"}`)) // fill the caches first
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if len(tt.doc) > size {
				t.Fatalf("the document is %d bytes, over the bound %d", len(tt.doc), size)
			}
			got, err := memReadProfile(tt.doc)
			var pe *problem.Error
			switch {
			case tt.valid && err != nil:
				t.Fatalf("a valid profile does not read: %.300v", err)
			case !tt.valid && !errors.As(err, &pe):
				t.Fatalf("a bad profile read, or failed without problems: %.300v", err)
			}
			limit := alloctest.MaxPerByte
			if !tt.valid {
				limit = alloctest.MaxPerByteRejected
			}
			t.Logf("%d bytes: %d allocated, %.1f per byte", len(tt.doc), got, float64(got)/float64(len(tt.doc)))
			if got > uint64(limit*len(tt.doc)+alloctest.FixedBytes) {
				t.Errorf("reading %d bytes allocated %d, %.1f per byte: over the %d per byte that SECURITY.md states",
					len(tt.doc), got, float64(got)/float64(len(tt.doc)), limit)
			}
		})
	}
}

// BenchmarkGrowthRead reads documents of N, 2N and 4N bytes with
// jsonx.Read: a profile of tiny valid reviews, one of empty reviews
// (every one a problem), and arrays nested N, 2N and 4N deep.
func BenchmarkGrowthRead(b *testing.B) {
	memReadProfile([]byte(`{"id":"a"}`))
	for _, s := range []struct {
		name, item string
		valid      bool
	}{
		{"tiny-reviews", `{"levels":{"a":0}}`, true},
		{"empty-reviews", `{"levels":{}}`, false},
	} {
		for _, n := range []int{128 << 10, 256 << 10, 512 << 10} {
			doc := alloctest.Fill(`{"id":"a","reviews":[`, s.item, `]}`, n)
			b.Run(fmt.Sprintf("%s/n=%d", s.name, n), func(b *testing.B) {
				b.SetBytes(int64(len(doc)))
				for b.Loop() {
					var p profile.Profile
					err := jsonx.Read(bytes.NewReader(doc), &p, jsonx.Limits{}, "profile", func(bool) error { return p.Validate() })
					if (err == nil) != s.valid {
						b.Fatalf("valid %v: %.200v", s.valid, err)
					}
				}
			})
		}
	}
}
