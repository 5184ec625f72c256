package main

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/wlpmodel/wlp/problem"
)

// TestWithSchema checks that validate adds the schema's problems at the
// places the loaders' problems leave out, and only there.
func TestWithSchema(t *testing.T) {
	full := problem.List{}
	for range problem.MaxReported {
		full.Add("/x", "a problem")
	}
	tests := []struct {
		name  string
		kind  string
		doc   string
		probs []problem.Problem
		want  []problem.Problem
	}{
		{"valid profile", kindProfile, `{"id":"a"}`, nil, nil},
		{"a place the loader missed", kindProfile, `{"id":"a","ratings":{"coaching":{"level":6}}}`, nil,
			[]problem.Problem{{Path: "/ratings/coaching/level", Message: "6 is above the highest value allowed, 5"}}},
		{"the same place", kindProfile, `{"id":"a","ratings":{"coaching":{"level":6}}}`,
			[]problem.Problem{{Path: "/ratings/coaching/level", Message: "too high"}},
			[]problem.Problem{{Path: "/ratings/coaching/level", Message: "too high"}}},
		{"a place inside", kindFramework, `{"roles":[{"id":"r","name":"R","requirements":[]}]}`,
			[]problem.Problem{{Path: "/roles/0/requirements/0", Message: "inside"}},
			[]problem.Problem{{Path: "/roles/0/requirements/0", Message: "inside"}}},
		{"a place around is not enough", kindFramework, `{"roles":[{"id":"r","name":"R","requirements":[]}]}`,
			[]problem.Problem{{Path: "/roles", Message: "around"}},
			[]problem.Problem{{Path: "/roles", Message: "around"}, {Path: "/roles/0/requirements", Message: "minItems: got 0, want 1"}}},
		{"not JSON", kindProfile, `{"id":`, []problem.Problem{{Message: "truncated"}}, []problem.Problem{{Message: "truncated"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := withSchema(problem.List{Problems: tt.probs}, tt.kind, []byte(tt.doc))
			if diff := cmp.Diff(tt.want, got.Problems); diff != "" {
				t.Errorf("problems (-want +got):\n%s", diff)
			}
		})
	}
	t.Run("full list", func(t *testing.T) {
		got := withSchema(full, kindProfile, []byte(`{"id":"a","ratings":{"coaching":{"level":6}}}`))
		if diff := cmp.Diff(full, got, cmp.AllowUnexported(problem.List{})); diff != "" {
			t.Errorf("a full list changed (-want +got):\n%s", diff)
		}
	})
}
