package profile_test

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/wlpmodel/wlp/internal/jsonx"
	"github.com/wlpmodel/wlp/profile"
)

// The exported constants are written as literals, so that their values
// show in the documentation; they must still agree with what they stand
// for.
func TestConstantsAgree(t *testing.T) {
	type consts struct {
		MaxDepth int
		Layout   string
	}
	want := consts{jsonx.DefaultMaxDepth, time.DateOnly}
	got := consts{profile.DefaultMaxDepth, profile.DateLayout}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("profile constants against what they stand for (-want +got):\n%s", diff)
	}
}
