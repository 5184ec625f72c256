package wlp_test

import (
	"testing"

	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/problem"
)

// MaxReported is written as a literal, so that its value shows in the
// documentation; it must still be the cap of package problem, which is
// the cap a ValidationError applies.
func TestMaxReportedAgrees(t *testing.T) {
	if wlp.MaxReported != problem.MaxReported {
		t.Errorf("wlp.MaxReported = %d, problem.MaxReported = %d; want them equal", wlp.MaxReported, problem.MaxReported)
	}
}
