package people

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/internal/suggest"
	"github.com/wlpmodel/wlp/profile"
)

// notRated lists, by suggest.Key or as written, what a cell holds to say
// "not rated" besides nothing.
var notRated = map[string]bool{"na": true, "-": true, "–": true, "—": true, "--": true}

// levels reads a cell's level on a framework's scale.
type levels struct {
	scale competency.Scale
	byKey map[string]competency.Level
	shown []string // the levels' names, for did-you-mean
}

// newLevels indexes the names of scale's levels.
func newLevels(scale competency.Scale) *levels {
	ls := &levels{scale: scale, byKey: make(map[string]competency.Level, len(scale.Levels))}
	for _, l := range scale.Levels {
		ls.byKey[suggest.Key(l.Name)] = l.Level
		ls.shown = append(ls.shown, l.Name)
	}
	return ls
}

// label returns level l as the template's lists write it: "4 - proficient".
func (ls *levels) label(l competency.Level) string {
	return strconv.Itoa(int(l)) + " - " + ls.scale.Name(l)
}

// parse reads the level a cell holds, as trimmed text: a whole number on
// the scale ("4", "4.0", "4,0"), a level's name in any case
// ("proficient"), or a label with both ("4 - proficient", "4: Proficient",
// "Proficient (4)"). rated is false when the cell says nothing is rated
// (empty, "n/a", "-"); msg says what is wrong, or is empty.
func (ls *levels) parse(text string, hint bool) (l competency.Level, rated bool, msg string) {
	if text == "" || notRated[text] {
		return 0, false, ""
	}
	if numeric(text) {
		l, msg = ls.number(text)
		return l, msg == "", msg
	}
	key := suggest.Key(text)
	if notRated[key] && len(text) <= 4 {
		return 0, false, ""
	}
	if l, ok := ls.byKey[key]; ok {
		return l, true, ""
	}
	if num, name, ok := splitLabel(text); ok {
		return ls.fromLabel(text, num, name, hint)
	}
	return 0, false, ls.notLevel(text) + didYouMean(text, ls.shown, hint)
}

// notLevel is the message for a cell's text that is no level, quoting it
// whole and saying what a level cell holds.
func (ls *levels) notLevel(text string) string {
	return fmt.Sprintf("%s is not a level: write a whole number from %d to %d, a level's name such as %s, or a label such as %s",
		quote(text), ls.scale.Min(), ls.scale.Max(), quote(ls.scale.Name(ls.scale.Max()-1)), quote(ls.label(ls.scale.Max()-1)))
}

// didYouMean returns "; did you mean 'x'?" for the candidate closest to
// word, or "" when none is close or hint is false: a reader stops
// looking for hints once its problems are only counted, so that a
// million misspelt cells cost no more than a million right ones.
func didYouMean(word string, candidates []string, hint bool) string {
	if !hint {
		return ""
	}
	if near, ok := suggest.Closest(word, candidates); ok {
		return "; did you mean " + quote(near) + "?"
	}
	return ""
}

// numeric reports whether text is written as a number: digits, at most
// one decimal point or comma, a sign, an exponent.
func numeric(text string) bool {
	digits := false
	for i := 0; i < len(text); i++ {
		switch c := text[i]; {
		case '0' <= c && c <= '9':
			digits = true
		case strings.IndexByte("+-.,eE", c) < 0:
			return false
		}
	}
	return digits && strings.Count(text, ",")+strings.Count(text, ".") <= 1
}

// number reads the level the numeric text holds, or says why it is none.
// A value within a billionth of a whole number is that number: a
// workbook's formulas give 3.9999999999999996 for 4.
func (ls *levels) number(text string) (competency.Level, string) {
	v, err := strconv.ParseFloat(strings.Replace(text, ",", ".", 1), 64)
	if err != nil && !math.IsInf(v, 0) {
		return 0, fmt.Sprintf("%s is not a level: write a whole number from %d to %d", quote(text), ls.scale.Min(), ls.scale.Max())
	}
	r := math.Round(v)
	switch {
	case math.Abs(v-r) > 1e-9:
		return 0, fmt.Sprintf("%s is not a whole level: write a whole number from %d to %d", text, ls.scale.Min(), ls.scale.Max())
	case r < float64(ls.scale.Min()):
		return 0, fmt.Sprintf("%s is below the scale's bottom level %d", shownNumber(r, text), ls.scale.Min())
	case r > float64(ls.scale.Max()):
		return 0, fmt.Sprintf("%s is above the scale's top level %d", shownNumber(r, text), ls.scale.Max())
	}
	return competency.Level(r), ""
}

// shownNumber returns the whole number r as a message shows it: as a
// number when it is short, else as text, quoted.
func shownNumber(r float64, text string) string {
	if math.Abs(r) < 1e9 {
		return strconv.Itoa(int(r))
	}
	return quote(text)
}

// splitLabel splits a label into its number and its name: "4 - proficient"
// (or "4: proficient", "4 – proficient", "4. proficient", "4.0 -
// proficient") and "proficient (4)". The number is digits, perhaps with
// a decimal point or comma and more digits; the name follows it past a
// space or a dash, colon, dot or bracket, and starts with a letter:
// "3/4", "3 - 4" and "0x4" are no labels.
func splitLabel(text string) (num, name string, ok bool) {
	if n := labelNumber(text); n > 0 {
		sep, _ := utf8.DecodeRuneInString(text[n:])
		name = strings.TrimLeft(text[n:], labelSeparators)
		return text[:n], name, strings.ContainsRune(labelSeparators, sep) && startsWithLetter(name)
	}
	open := strings.LastIndexByte(text, '(')
	if open > 0 && strings.HasSuffix(text, ")") && numeric(strings.TrimSpace(text[open+1:len(text)-1])) {
		name = strings.TrimSpace(text[:open])
		return strings.TrimSpace(text[open+1 : len(text)-1]), name, startsWithLetter(name)
	}
	return "", "", false
}

// labelSeparators are what may stand between a label's number and its
// name.
const labelSeparators = " \t-–—:.)="

// labelNumber returns the length of the number a label starts with:
// digits, and a decimal point or comma followed by digits; 0 if none.
func labelNumber(text string) int {
	n := digitsAt(text, 0)
	if n > 0 && n+1 < len(text) && (text[n] == '.' || text[n] == ',') {
		if k := digitsAt(text, n+1); k > 0 {
			n += 1 + k
		}
	}
	return n
}

// digitsAt returns how many ASCII digits text has from i on.
func digitsAt(text string, i int) int {
	n := 0
	for i+n < len(text) && text[i+n] >= '0' && text[i+n] <= '9' {
		n++
	}
	return n
}

// startsWithLetter reports whether s starts with a letter, as a level's
// name does.
func startsWithLetter(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLetter(r)
}

// fromLabel reads the label text, split into num and name, which must
// agree. A number that is no level on the scale makes the whole cell no
// level.
func (ls *levels) fromLabel(text, num, name string, hint bool) (competency.Level, bool, string) {
	l, msg := ls.number(num)
	if msg != "" {
		return 0, false, ls.notLevel(text)
	}
	named, ok := ls.byKey[suggest.Key(name)]
	if !ok {
		return 0, false, fmt.Sprintf("%s is not a level: %s is not the name of a level", quote(text), quote(name)) + didYouMean(name, ls.shown, hint)
	}
	if named != l {
		return 0, false, fmt.Sprintf("%s says %d but names level %d (%s): write one of them", quote(text), l, named, ls.scale.Name(named))
	}
	return l, true, ""
}

// parseSource reads a source cell: a source's ID or name in any case
// ("Direct report"), or nothing.
func parseSource(text string, hint bool) (profile.Source, string) {
	if text == "" {
		return profile.Unstated, ""
	}
	key := suggest.Key(text)
	var shown []string
	for _, src := range profile.Sources() {
		if key == suggest.Key(string(src)) {
			return src, ""
		}
		shown = append(shown, string(src))
	}
	return profile.Unstated, fmt.Sprintf("unknown source %s (want self, manager, peer, direct-report or assessment)", quote(text)) + didYouMean(text, shown, hint)
}

// dateOrder is the order of a sheet's day and month in dates written
// d/m/y or m/d/y: the first date that tells them apart sets it for the
// sheet.
type dateOrder struct {
	dayFirst bool
	set      bool
	given    bool   // set by Options.Dates, not by a date
	text     string // the date that set it
	row      int    // and its row
}

// maxSerial is the serial number of 9999-12-31, the last day a workbook
// can hold.
const maxSerial = 2958465

// parseDate reads a date cell on row n: YYYY-MM-DD, a date and time
// (the date is kept), a workbook's serial number when serials is true,
// or a date written with the day and month in another order (see
// dayMonth). It returns the date as YYYY-MM-DD, or a message saying what
// is wrong.
func (d *dateOrder) parseDate(text string, n int, serials, date1904 bool) (string, string) {
	if text == "" {
		return "", ""
	}
	if _, err := strconv.ParseFloat(text, 64); serials && err == nil {
		return fromSerial(text, date1904)
	}
	if len(text) >= 10 && digits(text[:4], 4) && strings.IndexByte("-/.", text[4]) >= 0 && text[7] == text[4] {
		if day, err := time.Parse(profile.DateLayout, text[:4]+"-"+text[5:7]+"-"+text[8:10]); err == nil &&
			(len(text) == 10 || text[10] == 'T' || text[10] == ' ') {
			return day.Format(profile.DateLayout), ""
		}
		return "", notDate(text)
	}
	return d.dayMonth(text, n)
}

// notDate is the message for text that is no date.
func notDate(text string) string {
	return fmt.Sprintf("%s is not a date: write it as YYYY-MM-DD, such as 2026-03-31", quote(text))
}

// digits reports whether s is 1 to max ASCII digits.
func digits(s string, max int) bool {
	if s == "" || len(s) > max {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// fromSerial reads a workbook's date serial number, in the 1900 or 1904
// date system.
func fromSerial(text string, date1904 bool) (string, string) {
	v, _ := strconv.ParseFloat(text, 64)
	if !(v >= 1 && v <= maxSerial) {
		return "", notDate(text)
	}
	base := time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC) // serial 0, counting Excel's 1900-02-29
	if date1904 {
		base = time.Date(1904, 1, 1, 0, 0, 0, 0, time.UTC)
	} else if v < 61 {
		base = base.AddDate(0, 0, 1) // before the day 1900-02-29 that never was
	}
	return base.AddDate(0, 0, int(v)).Format(profile.DateLayout), ""
}

// dayMonth reads a date written with the day and the month before the
// year, perhaps followed by a time of day, which is dropped ("12:00 AM",
// "00:00:00"):
//
//   - with dots, day first, as in German or Russian: 02.03.2026 is
//     2026-03-02;
//   - with slashes or dashes, d/m/y or m/d/y, only when the day tells
//     (it is above 12, or the same as the month) and the sheet's dates
//     all put the same one first: the first date that tells sets the
//     order for the sheet.
//
// A two-digit year yy is 20yy (26/02/26 is 2026-02-26), but not with
// dashes, where 26-02-20 could as well be year first.
func (d *dateOrder) dayMonth(text string, n int) (string, string) {
	datePart, clock, timed := strings.Cut(text, " ")
	if timed && !timeOfDay(clock) {
		return "", notDate(text)
	}
	sep := strings.IndexFunc(datePart, func(r rune) bool { return r < '0' || r > '9' })
	if sep < 0 {
		return "", notDate(text)
	}
	parts := strings.Split(datePart, datePart[sep:sep+1])
	if len(parts) != 3 || !digits(parts[0], 2) || !digits(parts[1], 2) || !digits(parts[2], 4) ||
		len(parts[2]) == 3 || len(parts[2]) == 1 || len(parts[2]) == 2 && datePart[sep] == '-' {
		return "", notDate(text)
	}
	a, _ := strconv.Atoi(parts[0])
	b, _ := strconv.Atoi(parts[1])
	y, _ := strconv.Atoi(parts[2])
	if len(parts[2]) == 2 {
		y += 2000
	}
	iso := func(day, month int) string { return fmt.Sprintf("%04d-%02d-%02d", y, month, day) }
	var dayFirst bool
	switch {
	case datePart[sep] == '.':
		if day, msg := checkDay(iso(a, b), text); msg == "" {
			return day, ""
		}
		return "", fmt.Sprintf("%s is not a calendar date (a date with dots is read day first: DD.MM.YYYY)", quote(text))
	case datePart[sep] != '/' && datePart[sep] != '-' || a < 1 || b < 1:
		return "", notDate(text)
	case a == b:
		return checkDay(iso(a, b), text)
	case a > 12 && b <= 12:
		dayFirst = true
	case b > 12 && a <= 12:
		dayFirst = false
	case a <= 12 && b <= 12 && d.given:
		dayFirst = d.dayFirst
	case a <= 12 && b <= 12:
		return "", fmt.Sprintf("%s could be %s or %s: write the date as YYYY-MM-DD, or say which comes first with Options.Dates (wlp -dates dmy or mdy)",
			quote(text), iso(a, b), iso(b, a))
	default:
		return "", fmt.Sprintf("%s is not a calendar date", quote(text))
	}
	if !d.set {
		*d = dateOrder{dayFirst: dayFirst, set: true, text: text, row: n}
	} else if d.dayFirst != dayFirst && d.given {
		return "", fmt.Sprintf("%s puts the %s first, but the dates are read %s first (Options.Dates, wlp -dates): write it as YYYY-MM-DD",
			quote(text), dayOrMonth(dayFirst), dayOrMonth(d.dayFirst))
	} else if d.dayFirst != dayFirst {
		return "", fmt.Sprintf("%s puts the %s first, but %s on row %d puts the %s first: write dates as YYYY-MM-DD",
			quote(text), dayOrMonth(dayFirst), quote(d.text), d.row, dayOrMonth(d.dayFirst))
	}
	if dayFirst {
		return checkDay(iso(a, b), text)
	}
	return checkDay(iso(b, a), text)
}

// timeOfDay reports whether s is a time of day as office programs write
// one after a date: H:MM, H:MM:SS or H:MM:SS.fff, perhaps followed by AM
// or PM.
func timeOfDay(s string) bool {
	s = strings.TrimSpace(s)
	if len(s) > 2 && (strings.EqualFold(s[len(s)-2:], "AM") || strings.EqualFold(s[len(s)-2:], "PM")) {
		s = strings.TrimSpace(s[:len(s)-2])
	}
	s, frac, hasFrac := strings.Cut(s, ".")
	if hasFrac && !digits(frac, 9) {
		return false
	}
	parts := strings.Split(s, ":")
	if len(parts) < 2 || len(parts) > 3 || !digits(parts[0], 2) {
		return false
	}
	for _, p := range parts[1:] {
		if len(p) != 2 || !digits(p, 2) {
			return false
		}
	}
	return true
}

// dayOrMonth names what a date puts first.
func dayOrMonth(dayFirst bool) string {
	if dayFirst {
		return "day"
	}
	return "month"
}

// checkDay returns iso if it is a calendar date, else a message about
// text.
func checkDay(iso, text string) (string, string) {
	if _, err := time.Parse(profile.DateLayout, iso); err != nil {
		return "", fmt.Sprintf("%s is not a calendar date", quote(text))
	}
	return iso, ""
}
