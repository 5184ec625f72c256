package wlp

import (
	"fmt"
	"slices"
)

// The IDs of the later ATD models, embedded beside the default.
const (
	// ATD2013ID is the ID of the ATD Competency Model of 2013.
	ATD2013ID = "atd-2013"
	// ATD2020ID is the ID of the ATD Talent Development Capability
	// Model of 2020.
	ATD2020ID = "atd-2020"
)

// Embedded returns the IDs of the frameworks compiled into this package,
// oldest first: "astd-2004" (the default), "atd-2013" and "atd-2020".
// It returns a fresh slice.
func Embedded() []string { return slices.Clone(embeddedIDs) }

var embeddedIDs = []string{DefaultID}

// LoadEmbedded returns the embedded framework with the given ID (see
// [Embedded]). Every call with one ID returns the same *Framework; the
// first builds it, later calls cost O(1).
func LoadEmbedded(id string) (*Framework, error) {
	switch id {
	case DefaultID:
		return Default(), nil
	}
	return nil, fmt.Errorf("wlp: no embedded framework %q; the embedded ones are %v", id, embeddedIDs)
}
