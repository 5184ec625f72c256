package wlp

import (
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/wlpmodel/wlp/internal/suggest"
	"github.com/wlpmodel/wlp/problem"
)

// The IDs of the later ATD models, embedded beside the default.
const (
	// ATD2013ID is the ID of the ATD Competency Model of 2013.
	ATD2013ID = "atd-2013"
	// ATD2020ID is the ID of the ATD Talent Development Capability
	// Model of 2020.
	ATD2020ID = "atd-2020"
)

// embedded lists the embedded frameworks, oldest first: each one's ID,
// a fresh copy of its document, and its framework, built on first use.
var embedded = []struct {
	id   string
	spec func() Spec
	load func() *Framework
}{
	{DefaultID, DefaultSpec, defaultFramework},
	{ATD2013ID, atd2013Spec, sync.OnceValue(func() *Framework { return mustNew(atd2013Spec()) })},
	{ATD2020ID, atd2020Spec, sync.OnceValue(func() *Framework { return mustNew(atd2020Spec()) })},
}

// mustNew returns the framework of an embedded model's document.
func mustNew(s Spec) *Framework {
	f, err := New(s)
	if err != nil {
		// The embedded models are data compiled into this package and
		// checked by its tests; failing here is a bug in the package.
		panic("wlp: the embedded framework " + s.ID + " is invalid: " + err.Error())
	}
	return f
}

// Embedded returns the IDs of the frameworks compiled into this package,
// oldest first: "astd-2004" (the default, [DefaultID]), "atd-2013"
// ([ATD2013ID]) and "atd-2020" ([ATD2020ID]). It returns a fresh slice.
//
// The two later models have no roles or jobs, as the models themselves
// define none; their items carry the models' names and this project's
// own short summaries. In "atd-2020" the three domains are the clusters
// and each of the 23 capabilities is a competency.
func Embedded() []string {
	ids := make([]string, len(embedded))
	for i, e := range embedded {
		ids[i] = e.id
	}
	return ids
}

// LoadEmbedded returns the embedded framework with the given ID (see
// [Embedded]); LoadEmbedded([DefaultID]) is [Default]. Every call with one
// ID returns the same *Framework; the first builds it, later calls cost
// O(1). An unknown ID is an error that names the embedded IDs, and the
// one it most likely means.
func LoadEmbedded(id string) (*Framework, error) {
	i, err := embeddedIndex(id)
	if err != nil {
		return nil, err
	}
	return embedded[i].load(), nil
}

// EmbeddedSpec returns a fresh copy of the document of the embedded
// framework with the given ID (see [Embedded]), a starting point for a
// framework of one's own: changing it changes nothing else. Each call
// costs time and memory linear in the size of the document. An unknown
// ID is an error, as for [LoadEmbedded].
func EmbeddedSpec(id string) (Spec, error) {
	i, err := embeddedIndex(id)
	if err != nil {
		return Spec{}, err
	}
	return embedded[i].spec(), nil
}

// embeddedIndex returns the place of id in embedded, or an error naming
// the embedded IDs.
func embeddedIndex(id string) (int, error) {
	ids := Embedded()
	if i := slices.Index(ids, id); i >= 0 {
		return i, nil
	}
	hint := ""
	if s, ok := suggest.Closest(id, ids); ok {
		hint = fmt.Sprintf("; did you mean %s?", s)
	}
	return -1, fmt.Errorf("wlp: no embedded framework %s%s (the embedded ones are %s)", problem.Quote(id), hint, strings.Join(ids, ", "))
}
