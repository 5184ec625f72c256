package crosswalk

import (
	"fmt"
	"net/netip"
	"net/url"
	"strings"
	"unicode/utf8"

	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/internal/suggest"
	"github.com/wlpmodel/wlp/problem"
)

// Validate checks the crosswalk on its own, without the frameworks it
// maps: that its ID, From, To and every item ID are well formed
// (lower-case kebab-case slugs, as [competency.ValidID] says); that every
// source has a well-formed key, no other source has it, and it has a
// title and, if any, an http or https URL; that every link has a known
// relation and carry, a Cap from 1 to 4 when its carry is "capped" and
// none otherwise, a Why, and a Source among the declared keys (or none);
// that no two links join the same two items; that no Unmapped item is
// the From of a link and no New item the To of one; and that no item is
// noted twice in Unmapped or in New. Every text (the name, the
// description, the sources' titles, the links' and notes' whys) must be
// valid UTF-8 with no control characters: no C0 or C1 character (line
// breaks and tabs included), no DEL, and no bidirectional embedding,
// override or isolate (U+202A to U+202E, U+2066 to U+2069). A source's
// URL must be an absolute http or https URL.
//
// It returns nil or a *[ValidationError] listing every problem at once,
// each with its JSON pointer, such as "/links/3/cap".
//
// Validate costs O(n) time and memory for a crosswalk of n links, notes
// and sources (one map entry each).
func (c *Crosswalk) Validate() error {
	var l problem.List
	c.check(&l, true)
	return l.Err("crosswalk")
}

// Check validates c as [Crosswalk.Validate] does and checks it against
// the frameworks it maps: every link's From and every Unmapped item must
// be an item a person can be rated on in from (a competency or an area),
// every link's To and every New item one of to; and c.From must be
// from's ID, c.To to's ID, when the framework has one. When either ID
// differs, Check reports that (with Validate's problems) and does not
// look the items up, as a crosswalk meant for other frameworks would
// fault at every one. An unknown item's problem suggests the closest ID
// the framework has. The items of a composed link's Via, which belong to
// frameworks between, are not checked. Both frameworks must be non-nil.
//
// It returns nil or a *[ValidationError] listing every problem at once.
//
// Check costs O(n) time for a crosswalk of n links and notes, plus, for
// each of the first few unknown items, a comparison with every item of
// the framework.
func (c *Crosswalk) Check(from, to *wlp.Framework) error {
	var l problem.List
	c.check(&l, true)
	if from == nil || to == nil {
		l.Add("", "cannot check a crosswalk against a nil framework")
		return l.Err("crosswalk")
	}
	mismatch := false
	if id := from.ID(); id != "" && c.From != id {
		l.Add("/from", fmt.Sprintf("the crosswalk maps from %s, not from the framework %s", problem.Quote(c.From), problem.Quote(id)))
		mismatch = true
	}
	if id := to.ID(); id != "" && c.To != id {
		l.Add("/to", fmt.Sprintf("the crosswalk maps to %s, not to the framework %s", problem.Quote(c.To), problem.Quote(id)))
		mismatch = true
	}
	if mismatch {
		// The crosswalk is for other frameworks: its items would all
		// be reported too, and say nothing more.
		return l.Err("crosswalk")
	}
	s := suggester{}
	for i, k := range c.Links {
		if from.Index(k.From) < 0 {
			s.unknown(&l, problem.Join("/links", i, "from"), k.From, from)
		}
		if to.Index(k.To) < 0 {
			s.unknown(&l, problem.Join("/links", i, "to"), k.To, to)
		}
	}
	for i, n := range c.Unmapped {
		if from.Index(n.ID) < 0 {
			s.unknown(&l, problem.Join("/unmapped", i, "id"), n.ID, from)
		}
	}
	for i, n := range c.New {
		if to.Index(n.ID) < 0 {
			s.unknown(&l, problem.Join("/new", i, "id"), n.ID, to)
		}
	}
	return l.Err("crosswalk")
}

// maxSuggested bounds how many unknown items Check looks for a near ID
// for, and maxCandidates how many IDs a framework may have for it to
// look at all: each look compares the item with every ID.
const (
	maxSuggested  = 16
	maxCandidates = 4096
)

// suggester reports unknown items, with a did-you-mean for the first
// few.
type suggester struct {
	n   int
	ids map[*wlp.Framework][]string
}

func (s *suggester) unknown(l *problem.List, path string, id competency.ID, f *wlp.Framework) {
	if l.Full() {
		l.Omit(1)
		return
	}
	name := f.ID()
	if name == "" {
		name = f.Name()
	}
	msg := fmt.Sprintf("%s is not an item of the framework %s", problem.Quote(string(id)), problem.Quote(name))
	if s.n < maxSuggested {
		s.n++
		if s.ids == nil {
			s.ids = map[*wlp.Framework][]string{}
		}
		ids, ok := s.ids[f]
		if !ok {
			if all := f.IDs(); len(all) <= maxCandidates {
				ids = make([]string, len(all))
				for i, x := range all {
					ids[i] = string(x)
				}
			}
			s.ids[f] = ids
		}
		if near, ok := suggest.Closest(string(id), ids); ok {
			msg += fmt.Sprintf(" (did you mean %q?)", near)
		}
	}
	l.Add(path, msg)
}

// pair is the two items a link joins.
type pair struct{ from, to competency.ID }

// check adds c's problems to l. With whole false (some values of the
// document could not be read and hold their zero value) it checks each
// value on its own only, not references between them.
func (c *Crosswalk) check(l *problem.List, whole bool) {
	checkSlug(l, "/id", "the crosswalk's ID", c.ID)
	checkSlug(l, "/from", "the From framework's ID", c.From)
	checkSlug(l, "/to", "the To framework's ID", c.To)
	checkText(l, "/name", c.Name, false)
	checkText(l, "/description", c.Description, false)

	keys := make(map[string]int, len(c.Sources))
	for i, s := range c.Sources {
		at := problem.Join("/sources", i)
		checkSlug(l, at+"/key", "a source's key", s.Key)
		if j, ok := keys[s.Key]; ok && whole && s.Key != "" {
			l.Add(at+"/key", fmt.Sprintf("the key %s is already the key of /sources/%d", problem.Quote(s.Key), j))
		} else if !ok {
			keys[s.Key] = i
		}
		checkText(l, at+"/title", s.Title, true)
		if s.URL != "" {
			if msg := checkURL(s.URL); msg != "" {
				l.Add(at+"/url", msg)
			}
		}
	}

	links := make(map[pair]int, len(c.Links))
	froms := make(map[competency.ID]bool, len(c.Links))
	tos := make(map[competency.ID]bool, len(c.Links))
	for i, k := range c.Links {
		at := problem.Join("/links", i)
		checkItem(l, at+"/from", k.From)
		checkItem(l, at+"/to", k.To)
		froms[k.From], tos[k.To] = true, true
		if !k.Relation.Valid() {
			l.Add(at+"/relation", fmt.Sprintf("unknown relation %s (want exact, close, broader, narrower or related)", problem.Quote(string(k.Relation))))
		}
		switch k.Carry {
		case CarryCapped:
			if k.Cap < 1 || k.Cap > 4 {
				l.Add(at+"/cap", fmt.Sprintf("a capped carry needs a cap from 1 to 4, not %d", k.Cap))
			}
		case CarryLevel, CarryNone:
			if k.Cap != 0 {
				l.Add(at+"/cap", fmt.Sprintf("a cap of %d goes with the carry \"capped\" only, not %s", k.Cap, problem.Quote(string(k.Carry))))
			}
		default:
			l.Add(at+"/carry", fmt.Sprintf("unknown carry %s (want level, capped or none)", problem.Quote(string(k.Carry))))
		}
		checkText(l, at+"/why", k.Why, true)
		if k.Source != "" {
			if !competency.ValidID(k.Source) {
				checkSlug(l, at+"/source", "a source's key", k.Source)
			} else if _, ok := keys[k.Source]; !ok && whole {
				l.Add(at+"/source", fmt.Sprintf("the source %s is not declared under /sources", problem.Quote(k.Source)))
			}
		}
		for j, v := range k.Via {
			checkItem(l, problem.Join(at+"/via", j), v)
		}
		if !whole {
			continue
		}
		p := pair{k.From, k.To}
		if j, ok := links[p]; ok {
			l.Add(at, fmt.Sprintf("a second link from %s to %s (the first is /links/%d)", problem.Quote(string(k.From)), problem.Quote(string(k.To)), j))
		} else {
			links[p] = i
		}
	}

	c.checkNotes(l, "/unmapped", c.Unmapped, froms, "is the From of a link: a mapped item", whole)
	c.checkNotes(l, "/new", c.New, tos, "is the To of a link: a reached item", whole)
}

// checkNotes checks the notes at base: each well formed, none repeated,
// none about an item in linked.
func (c *Crosswalk) checkNotes(l *problem.List, base string, notes []Note, linked map[competency.ID]bool, linkedMsg string, whole bool) {
	seen := make(map[competency.ID]int, len(notes))
	for i, n := range notes {
		at := problem.Join(base, i)
		checkItem(l, at+"/id", n.ID)
		checkText(l, at+"/why", n.Why, true)
		if !whole || n.ID == "" {
			continue
		}
		if j, ok := seen[n.ID]; ok {
			l.Add(at+"/id", fmt.Sprintf("%s is noted already at %s/%d", problem.Quote(string(n.ID)), base, j))
			continue
		}
		seen[n.ID] = i
		if linked[n.ID] {
			l.Add(at+"/id", fmt.Sprintf("%s %s", problem.Quote(string(n.ID)), linkedMsg))
		}
	}
}

// checkSlug reports s, named what, unless it is a well-formed ID.
func checkSlug(l *problem.List, path, what, s string) {
	switch {
	case s == "":
		l.Add(path, what+" is empty")
	case !competency.ValidID(s):
		l.Add(path, fmt.Sprintf("%s %s is not lower-case ASCII words joined by hyphens, of at most %d bytes", what, problem.Quote(s), competency.MaxIDLen))
	}
}

// checkItem reports an item ID that is not well formed.
func checkItem(l *problem.List, path string, id competency.ID) {
	checkSlug(l, path, "the item ID", string(id))
}

// checkText reports a text that is not valid UTF-8, that holds a
// control character (see [textProblem]), or that is blank when required.
func checkText(l *problem.List, path, s string, required bool) {
	switch msg := textProblem(s); {
	case msg != "":
		l.Add(path, msg)
	case required && strings.TrimSpace(s) == "":
		l.Add(path, "the text is empty")
	}
}

// textProblem says what is wrong with a text, or returns "": it must be
// valid UTF-8 and hold no control character: none of C0 (U+0000 to
// U+001F, line breaks and tabs included), DEL and C1 (U+007F to U+009F),
// nor the bidirectional embeddings, overrides and isolates (U+202A to
// U+202E, U+2066 to U+2069), which can make a text read otherwise than
// it is stored.
func textProblem(s string) string {
	if !utf8.ValidString(s) {
		return "the text is not valid UTF-8"
	}
	for i, r := range s {
		if controlRune(r) {
			return fmt.Sprintf("the text holds the control character %U at byte %d", r, i)
		}
	}
	return ""
}

// controlRune reports whether r is a character [textProblem] rejects.
func controlRune(r rune) bool {
	return r < 0x20 || 0x7f <= r && r <= 0x9f || 0x202a <= r && r <= 0x202e || 0x2066 <= r && r <= 0x2069
}

// checkURL returns what is wrong with a source's URL, or "": it must be
// an absolute http or https URL, the scheme written in lower case, with
// a host, and hold no control character (see [textProblem]). Besides,
// it passes the test of the JSON Schema format "uri" of the schema
// validator.
func checkURL(s string) string {
	if msg := textProblem(s); msg != "" {
		return strings.Replace(msg, "the text", "the URL", 1)
	}
	if !strings.HasPrefix(s, "http://") && !strings.HasPrefix(s, "https://") {
		if u, err := url.Parse(s); err == nil && !u.IsAbs() {
			return fmt.Sprintf("%s is not an absolute URL", problem.Quote(s))
		}
		return fmt.Sprintf("%s is not an http or https URL", problem.Quote(s))
	}
	u, err := url.Parse(s)
	if err != nil {
		return fmt.Sprintf("%s is not a URL", problem.Quote(s))
	}
	if u.Host == "" {
		return fmt.Sprintf("%s names no host", problem.Quote(s))
	}
	if host := u.Hostname(); strings.Contains(host, ":") {
		a, err := netip.ParseAddr(host)
		if !strings.Contains(u.Host, "[") || !strings.Contains(u.Host, "]") || err != nil || a.Zone() != "" {
			return fmt.Sprintf("%s has a malformed IPv6 host", problem.Quote(s))
		}
	}
	return ""
}
