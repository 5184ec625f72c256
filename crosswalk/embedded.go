package crosswalk

import (
	"bytes"
	"embed"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/wlpmodel/wlp/internal/suggest"
)

// The IDs of the embedded crosswalks.
const (
	// ASTD2004ToATD2013 maps the ASTD model of 2004 (the default
	// framework) onto the ATD Competency Model of 2013.
	ASTD2004ToATD2013 = "astd-2004-to-atd-2013"
	// ATD2013ToATD2020 maps the ATD Competency Model of 2013 onto the ATD
	// Talent Development Capability Model of 2020.
	ATD2013ToATD2020 = "atd-2013-to-atd-2020"
	// ASTD2004ToATD2020 maps the 2004 model onto the 2020 one: the
	// [Compose] of the two others, [Amend]ed with a few direct readings
	// where the coarser 2013 model leaves a composed pair only related.
	ASTD2004ToATD2020 = "astd-2004-to-atd-2020"
)

var embeddedIDs = []string{ASTD2004ToATD2013, ATD2013ToATD2020, ASTD2004ToATD2020}

//go:embed data/*.json
var data embed.FS

// Embedded returns the IDs of the crosswalks compiled into this package,
// in a fresh slice: "astd-2004-to-atd-2013", "atd-2013-to-atd-2020" and
// "astd-2004-to-atd-2020", the composition of the first two with eight
// links read directly (see [ASTD2004ToATD2020]).
func Embedded() []string { return slices.Clone(embeddedIDs) }

// amendFile holds the direct readings [Amend] puts into the composed
// 2004 to 2020 crosswalk.
const amendFile = "data/" + ASTD2004ToATD2020 + ".amend.json"

// embedded parses the embedded crosswalks, and composes and amends the
// third, once.
var embedded = sync.OnceValues(func() (map[string]*Crosswalk, error) {
	out := map[string]*Crosswalk{}
	for _, id := range []string{ASTD2004ToATD2013, ATD2013ToATD2020} {
		b, err := data.ReadFile("data/" + id + ".json")
		if err != nil {
			return nil, fmt.Errorf("crosswalk: embedded %s: %v", id, err)
		}
		c, err := Load(bytes.NewReader(b))
		if err != nil {
			return nil, fmt.Errorf("crosswalk: embedded %s:\n%w", id, err)
		}
		if c.ID != id {
			return nil, fmt.Errorf("crosswalk: embedded %s holds the crosswalk %q", id, c.ID)
		}
		out[id] = c
	}
	c, err := Compose(out[ASTD2004ToATD2013], out[ATD2013ToATD2020])
	if err != nil {
		return nil, err
	}
	b, err := data.ReadFile(amendFile)
	if err != nil {
		return nil, fmt.Errorf("crosswalk: embedded %s: %v", amendFile, err)
	}
	am, err := readAmendment(bytes.NewReader(b))
	if err != nil {
		return nil, fmt.Errorf("crosswalk: embedded %s:\n%w", amendFile, err)
	}
	if am.Crosswalk != c.ID {
		return nil, fmt.Errorf("crosswalk: embedded %s amends %q, not %q", amendFile, am.Crosswalk, c.ID)
	}
	if c, err = Amend(c, am.Links); err != nil {
		return nil, fmt.Errorf("crosswalk: embedded %s:\n%w", amendFile, err)
	}
	c.Name = "ASTD 2004 to ATD 2020"
	c.Description = "The composition of the crosswalks " + ASTD2004ToATD2013 + " and " + ATD2013ToATD2020 +
		", amended with direct readings. A composed link follows a link from an item of the 2004 model to one of the 2013 model, named in its via, and from there a link to an item of the 2020 model. " +
		"Where the 2013 model joins several 2004 competencies into one and the 2020 model splits it again, a path up into the 2013 item and down out of it joins siblings: the composition calls them related and carries no level across, as a level in one part says little about another. " +
		"For four pairs that match closely when read side by side (communicating and communication, planning assignments and project management, personal development and lifelong learning, networking and collaboration) and one where the 2004 item is a part of the 2020 one (building trust, within collaboration and leadership), a direct link, with no via, takes the composed one's place and carries the level; the other sibling pairs carry nothing. " +
		"Three direct links join pairs no path through 2013 reaches: influencing stakeholders and analyzing needs, each a part of consulting and business partnering, and building trust, the integrity half of compliance and ethical behavior (carrying up to level 3). " +
		"Like its parts, it is this project's reading of the published renames."
	out[c.ID] = c
	return out, nil
})

// LoadEmbedded returns the embedded crosswalk with the given ID (see
// [Embedded]), as a fresh deep copy the caller may change. An unknown ID
// is an error naming the known ones. The first call parses the embedded
// documents (22 KB) and composes and amends the third, about half a
// millisecond;
// later calls cost a copy, linear in the crosswalk's size.
func LoadEmbedded(id string) (*Crosswalk, error) {
	all, err := embedded()
	if err != nil {
		return nil, err
	}
	c, ok := all[id]
	if !ok {
		msg := fmt.Sprintf("crosswalk: no embedded crosswalk %q", id)
		if near, ok := suggest.Closest(id, embeddedIDs); ok {
			msg += fmt.Sprintf(" (did you mean %q?)", near)
		}
		return nil, fmt.Errorf("%s; the embedded ones are %s", msg, strings.Join(embeddedIDs, ", "))
	}
	return c.Clone(), nil
}

// Between returns the embedded crosswalk from the framework with ID from
// to the one with ID to, as a fresh deep copy, and true; or nil and
// false when none is embedded. It costs what [LoadEmbedded] costs.
func Between(from, to string) (*Crosswalk, bool) {
	all, err := embedded()
	if err != nil {
		return nil, false
	}
	for _, id := range embeddedIDs {
		if c := all[id]; c.From == from && c.To == to {
			return c.Clone(), true
		}
	}
	return nil, false
}
