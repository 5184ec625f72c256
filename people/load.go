package people

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"strings"

	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/problem"
	"github.com/wlpmodel/wlp/profile"
)

// defaultMaxBytes is the bound on one profile document when
// Options.MaxBytes is 0.
const defaultMaxBytes = profile.DefaultMaxBytes

// LoadProfile reads one profile document from r, strictly, as
// [profile.Load] does, and checks it against f, as
// [wlp.Framework.ValidateProfile] does, reporting every problem of both
// in one *[profile.ValidationError], with JSON pointers: a document that
// fails to load is decoded leniently too, so that an ID f does not know
// is reported alongside a level typed as the text "3", and the user fixes
// the document in one pass. A nil f means wlp.Default(). It reads at
// most profile.DefaultMaxBytes.
//
// LoadProfile costs time and memory linear in the document's size: what
// profile.Load costs, and for a document that fails, about as much again.
func LoadProfile(r io.Reader, f *wlp.Framework) (profile.Profile, error) {
	if f == nil {
		f = wlp.Default()
	}
	b, err := io.ReadAll(io.LimitReader(r, defaultMaxBytes+1))
	if err != nil {
		return profile.Profile{}, problem.New("profile", []problem.Problem{{Message: "cannot read: " + err.Error()}}, 0)
	}
	p, probs := load(b, f, defaultMaxBytes)
	if err := probs.Err("profile"); err != nil {
		return profile.Profile{}, err
	}
	return p, nil
}

// load reads the profile document b strictly and checks it against f,
// and returns the profile, or every problem found: the strict loader's,
// and the framework's (an ID f does not know) even where the document
// has others, such as a level typed as the text "3". The problems are in
// the loaders' words, with JSON pointers.
//
// load costs time linear in len(b): the strict load, and for a document
// that fails it, one lenient decode and two checks more.
func load(b []byte, f *wlp.Framework, max int64) (profile.Profile, problem.List) {
	p, err := profile.Loader{MaxBytes: max}.Load(bytes.NewReader(b))
	if err == nil {
		if err := f.ValidateProfile(p); err != nil {
			return profile.Profile{}, problemsOf(err)
		}
		return p, problem.List{}
	}
	probs := problemsOf(err)
	if probs.Omitted > 0 || int64(len(b)) > max {
		// The list is full, or the document too large to look into:
		// report what the strict load found.
		return profile.Profile{}, probs
	}
	// Decode what can be decoded, leniently: a value of the wrong type
	// is left out, the rest is read, so that the framework's checks can
	// run on it too.
	var lenient profile.Profile
	if err := json.Unmarshal(b, &lenient); err != nil {
		var te *json.UnmarshalTypeError
		if !errors.As(err, &te) {
			return profile.Profile{}, probs
		}
	}
	// The framework's own problems: those of ValidateProfile that
	// Validate, the profile's checks on its own, does not report.
	own := map[problem.Problem]bool{}
	ownAll := true // own holds every problem of Validate
	if err := lenient.Validate(); err != nil {
		ol := problemsOf(err)
		ownAll = ol.Omitted == 0
		for _, pr := range ol.Problems {
			own[pr] = true
		}
	}
	seen := map[problem.Problem]bool{}
	for _, pr := range probs.Problems {
		seen[pr] = true
	}
	// encoding/json matches field names in any case: keep only what the
	// document's own "ratings" and "reviews" hold.
	keys := topKeys(b)
	if err := f.ValidateProfile(lenient); err != nil {
		fl := problemsOf(err)
		for _, pr := range fl.Problems {
			if !keys[firstToken(pr.Path)] {
				continue
			}
			if !own[pr] && !seen[pr] {
				probs.Append(pr)
				seen[pr] = true
			}
		}
		// ValidateProfile lists Validate's problems first, then the
		// unknown IDs: when Validate's are all listed, those it left
		// out are unknown IDs, which the strict load does not report.
		if ownAll {
			probs.Omitted += fl.Omitted
		}
	}
	return profile.Profile{}, probs
}

// problemsOf returns the problems err lists, or err itself as one
// problem of the whole document.
func problemsOf(err error) problem.List {
	var l problem.List
	l.AppendError(err)
	return l
}

// jsonValue reports whether line holds one whole JSON object.
func jsonValue(line []byte) bool {
	line = bytes.TrimSpace(line)
	return len(line) > 0 && line[0] == '{' && json.Valid(line)
}

// topKeys returns the member names of the JSON object b, as written.
func topKeys(b []byte) map[string]bool {
	keys := map[string]bool{}
	dec := json.NewDecoder(bytes.NewReader(b))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return keys
	}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		if k, ok := tok.(string); ok {
			keys[k] = true
		}
		var skip json.RawMessage
		if dec.Decode(&skip) != nil {
			break
		}
	}
	return keys
}

// firstToken returns the first reference token of the JSON pointer
// path: "ratings" for "/ratings/coaching".
func firstToken(path string) string {
	tok, _, _ := strings.Cut(strings.TrimPrefix(path, "/"), "/")
	return tok
}
