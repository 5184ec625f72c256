package crosswalk

import "io"

// ReadAmendment reads an amendment document, for the tests: the ID of
// the crosswalk it amends and its links.
func ReadAmendment(r io.Reader) (string, []Link, error) {
	a, err := readAmendment(r)
	if err != nil {
		return "", nil, err
	}
	return a.Crosswalk, a.Links, nil
}
