package alloctest

import (
	"strings"
	"testing"
)

func TestBytes(t *testing.T) {
	var sink []byte
	small := Bytes(func() { sink = make([]byte, 1<<10) })
	large := Bytes(func() { sink = make([]byte, 1<<20) })
	_ = sink
	if small < 1<<10 || small > 2<<10 {
		t.Errorf("1 KiB allocation measured as %d bytes", small)
	}
	if large < 1<<20 || large > 1<<20+4096 {
		t.Errorf("1 MiB allocation measured as %d bytes", large)
	}
	if n := Bytes(func() {}); n != 0 {
		t.Errorf("nothing allocated measured as %d bytes", n)
	}
}

func TestFill(t *testing.T) {
	for _, size := range []int{0, 10, 11, 12, 100} {
		b := string(Fill("[", "{}", "]", size))
		if !strings.HasPrefix(b, "[{}") || !strings.HasSuffix(b, "]") {
			t.Errorf("size %d: %q", size, b)
		}
		if size >= 4 && len(b) > size {
			t.Errorf("size %d: %d bytes, more than asked", size, len(b))
		}
		if size >= 4 && len(b)+3 <= size {
			t.Errorf("size %d: %d bytes, room for another item", size, len(b))
		}
	}
}
