package people

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/profile"
)

// TestLevelsParse reads every way a level is written, and every way it
// is wrong.
func TestLevelsParse(t *testing.T) {
	ls := newLevels(competency.DefaultScale())
	const accepted = ": write a whole number from 0 to 5, a level's name such as 'proficient', or a label such as '4 - proficient'"
	tests := []struct {
		text  string
		l     competency.Level
		rated bool
		msg   string
	}{
		{"", 0, false, ""},
		{"n/a", 0, false, ""},
		{"N/A", 0, false, ""},
		{"NA", 0, false, ""},
		{"n.a.", 0, false, ""},
		{"-", 0, false, ""},
		{"–", 0, false, ""},
		{"—", 0, false, ""},
		{"0", 0, true, ""},
		{"4", 4, true, ""},
		{"+4", 4, true, ""},
		{"4.0", 4, true, ""},
		{"4,0", 4, true, ""},
		{"4.00", 4, true, ""},
		{"3.9999999999999996", 4, true, ""},
		{"4E0", 4, true, ""},
		{"proficient", 4, true, ""},
		{"PROFICIENT", 4, true, ""},
		{"Advanced beginner", 2, true, ""},
		{"advanced-beginner", 2, true, ""},
		{"not demonstrated", 0, true, ""},
		{"4 - proficient", 4, true, ""},
		{"4 – proficient", 4, true, ""},
		{"4: Proficient", 4, true, ""},
		{"4. proficient", 4, true, ""},
		{"4 proficient", 4, true, ""},
		{"Proficient (4)", 4, true, ""},
		{"0 - not demonstrated", 0, true, ""},
		{"4.5", 0, false, "4.5 is not a whole level: write a whole number from 0 to 5"},
		{"4,5", 0, false, "4,5 is not a whole level: write a whole number from 0 to 5"},
		{"6", 0, false, "6 is above the scale's top level 5"},
		{"6.0", 0, false, "6 is above the scale's top level 5"},
		{"-1", 0, false, "-1 is below the scale's bottom level 0"},
		{"1e300", 0, false, "'1e300' is above the scale's top level 5"},
		{"1e400", 0, false, "'1e400' is above the scale's top level 5"},
		{"2026-03-31", 0, false, "'2026-03-31' is not a level: write a whole number from 0 to 5"},
		{"4 - expert", 0, false, "'4 - expert' says 4 but names level 5 (expert): write one of them"},
		{"Expert (4)", 0, false, "'Expert (4)' says 4 but names level 5 (expert): write one of them"},
		{"4.0 - proficient", 4, true, ""},
		{"4,0: Proficient", 4, true, ""},
		{"Proficient (4.0)", 4, true, ""},
		{"7 - expert", 0, false, "'7 - expert' is not a level" + accepted},
		{"4.5 - proficient", 0, false, "'4.5 - proficient' is not a level" + accepted},
		{"Proficient (4.5)", 0, false, "'Proficient (4.5)' is not a level" + accepted},
		{"3/4", 0, false, "'3/4' is not a level" + accepted},
		{"3 - 4", 0, false, "'3 - 4' is not a level" + accepted},
		{"0x4", 0, false, "'0x4' is not a level" + accepted},
		{"4 -", 0, false, "'4 -' is not a level" + accepted},
		{"4.0.1 - x", 0, false, "'4.0.1 - x' is not a level" + accepted},
		{"4 (proficient)", 0, false, "'4 (proficient)' is not a level" + accepted + "; did you mean 'proficient'?"},
		{"TRUE", 0, false, "'TRUE' is not a level" + accepted},
		{"4 - profishent", 0, false, "'4 - profishent' is not a level: 'profishent' is not the name of a level; did you mean 'proficient'?"},
		{"4 - good", 0, false, "'4 - good' is not a level: 'good' is not the name of a level"},
		{"proficent", 0, false, "'proficent' is not a level" + accepted + "; did you mean 'proficient'?"},
		{"good", 0, false, "'good' is not a level" + accepted},
		{"x", 0, false, "'x' is not a level" + accepted},
		{"yes", 0, false, "'yes' is not a level" + accepted},
	}
	for _, tt := range tests {
		l, rated, msg := ls.parse(tt.text, true)
		if diff := cmp.Diff([]any{tt.l, tt.rated, tt.msg}, []any{l, rated, msg}); diff != "" {
			t.Errorf("parse(%q) (-want +got):\n%s", tt.text, diff)
		}
	}
}

// TestParseSource reads sources by ID or name, in any case.
func TestParseSource(t *testing.T) {
	tests := []struct {
		text string
		want profile.Source
		msg  string
	}{
		{"", profile.Unstated, ""},
		{"self", profile.Self, ""},
		{"MANAGER", profile.Manager, ""},
		{"Direct report", profile.DirectReport, ""},
		{"direct-report", profile.DirectReport, ""},
		{"Assessment", profile.Assessment, ""},
		{"Peer", profile.Peer, ""},
		{"managr", "", "unknown source 'managr' (want self, manager, peer, direct-report or assessment); did you mean 'manager'?"},
		{"boss", "", "unknown source 'boss' (want self, manager, peer, direct-report or assessment)"},
	}
	for _, tt := range tests {
		got, msg := parseSource(tt.text, true)
		if got != tt.want || msg != tt.msg {
			t.Errorf("parseSource(%q) = %q, %q; want %q, %q", tt.text, got, msg, tt.want, tt.msg)
		}
	}
}

// TestParseDate reads dates as office programs write them, in the order
// of a sheet's rows: d/m/y and m/d/y only when the day tells, and the
// same way all through the sheet; d.m.y always; two-digit years; times
// of day after a date.
func TestParseDate(t *testing.T) {
	const iso = ": write it as YYYY-MM-DD, such as 2026-03-31"
	type step struct {
		text     string
		serials  bool
		date1904 bool
		want     string
		msg      string
	}
	tests := []struct {
		name  string
		steps []step
	}{
		{"ISO dates, and dates with times", []step{
			{text: "2026-03-31", want: "2026-03-31"},
			{text: "2026-03-31T09:30:00Z", want: "2026-03-31"},
			{text: "2026-03-31 09:30", want: "2026-03-31"},
			{text: "2026/03/31", want: "2026-03-31"},
			{text: "2026-02-30", msg: "'2026-02-30' is not a date" + iso},
			{text: "2026-03-31x", msg: "'2026-03-31x' is not a date" + iso},
			{text: "31 March 2026", msg: "'31 March 2026' is not a date" + iso},
			{text: "46112", msg: "'46112' is not a date" + iso},
		}},
		{"serial numbers of a workbook", []step{
			{text: "46112", serials: true, want: "2026-03-31"},
			{text: "46112.75", serials: true, want: "2026-03-31"},
			{text: "1", serials: true, want: "1900-01-01"},
			{text: "61", serials: true, want: "1900-03-01"},
			{text: "44650", serials: true, date1904: true, want: "2026-03-31"},
			{text: "0", serials: true, msg: "'0' is not a date" + iso},
			{text: "3000000", serials: true, msg: "'3000000' is not a date" + iso},
			{text: "2026-03-31", serials: true, want: "2026-03-31"},
		}},
		{"day first, told by a day above 12", []step{
			{text: "31/03/2026", want: "2026-03-31"},
			{text: "03/03/2026", want: "2026-03-03"},
			{text: "13.1.2026 10:00", want: "2026-01-13"},
			{text: "03/04/2026", msg: "'03/04/2026' could be 2026-04-03 or 2026-03-04: write the date as YYYY-MM-DD, or say which comes first with Options.Dates (wlp -dates dmy or mdy)"},
			{text: "12/31/2026", msg: "'12/31/2026' puts the month first, but '31/03/2026' on row 1 puts the day first: write dates as YYYY-MM-DD"},
			{text: "31/02/2026", msg: "'31/02/2026' is not a calendar date"},
		}},
		{"month first", []step{
			{text: "03/31/2026", want: "2026-03-31"},
			{text: "31/03/2026", msg: "'31/03/2026' puts the day first, but '03/31/2026' on row 1 puts the month first: write dates as YYYY-MM-DD"},
			{text: "1/2/26", msg: "'1/2/26' could be 2026-02-01 or 2026-01-02: write the date as YYYY-MM-DD, or say which comes first with Options.Dates (wlp -dates dmy or mdy)"},
			{text: "31/31/2026", msg: "'31/31/2026' is not a calendar date"},
			{text: "NaN", serials: true, msg: "'NaN' is not a date" + iso},
		}},
		{"dots: day first, whatever the sheet's other dates say", []step{
			{text: "03/31/2026", want: "2026-03-31"},
			{text: "02.03.2026", want: "2026-03-02"},
			{text: "2.3.2026", want: "2026-03-02"},
			{text: "31.12.2026 00:00:00", want: "2026-12-31"},
			{text: "12.31.2026", msg: "'12.31.2026' is not a calendar date (a date with dots is read day first: DD.MM.YYYY)"},
			{text: "02.03.2026.", msg: "'02.03.2026.' is not a date" + iso},
		}},
		{"two-digit years are 20yy, when the day and month are certain", []step{
			{text: "20.02.26", want: "2026-02-20"},
			{text: "02/27/26", want: "2026-02-27"},
			{text: "03/03/26", want: "2026-03-03"},
			{text: "03/02/26 12:00 AM", msg: "'03/02/26 12:00 AM' could be 2026-02-03 or 2026-03-02: write the date as YYYY-MM-DD, or say which comes first with Options.Dates (wlp -dates dmy or mdy)"},
			{text: "27/02/26", msg: "'27/02/26' puts the day first, but '02/27/26' on row 2 puts the month first: write dates as YYYY-MM-DD"},
			{text: "27-02-26", msg: "'27-02-26' is not a date" + iso},
			{text: "02/27/026", msg: "'02/27/026' is not a date" + iso},
			{text: "02/30/26", msg: "'02/30/26' is not a calendar date"},
		}},
		{"a time of day after the date is dropped, anything else is not a date", []step{
			{text: "13/03/2026 12:00 AM", want: "2026-03-13"},
			{text: "13/03/2026 9:30PM", want: "2026-03-13"},
			{text: "13/03/2026 00:00:00", want: "2026-03-13"},
			{text: "13/03/2026 10:00:00.000", want: "2026-03-13"},
			{text: "13/03/2026 noon", msg: "'13/03/2026 noon' is not a date" + iso},
			{text: "13/03/2026 10", msg: "'13/03/2026 10' is not a date" + iso},
			{text: "13/03/2026 10:0", msg: "'13/03/2026 10:0' is not a date" + iso},
			{text: "13/03/2026 AM", msg: "'13/03/2026 AM' is not a date" + iso},
			{text: "13/03/2026 1:00:00:00", msg: "'13/03/2026 1:00:00:00' is not a date" + iso},
			{text: "13/03/2026 1:00.x", msg: "'13/03/2026 1:00.x' is not a date" + iso},
		}},
		{"not dates", []step{
			{text: "13/03", msg: "'13/03' is not a date" + iso},
			{text: "13/03-2026", msg: "'13/03-2026' is not a date" + iso},
			{text: "13_03_2026", msg: "'13_03_2026' is not a date" + iso},
			{text: "0/03/2026", msg: "'0/03/2026' is not a date" + iso},
			{text: "123/03/2026", msg: "'123/03/2026' is not a date" + iso},
			{text: "13/03/20266", msg: "'13/03/20266' is not a date" + iso},
			{text: "13\u00a003\u00a02026", msg: `'13\u00a003\u00a02026' is not a date` + iso},
			{text: "2026", msg: "'2026' is not a date" + iso},
			{text: "abcd-03-31", msg: "'abcd-03-31' is not a date" + iso},
		}},
	}
	given := func(dayFirst bool) dateOrder { return dateOrder{dayFirst: dayFirst, set: true, given: true} }
	for _, tt := range []struct {
		name  string
		start dateOrder
		steps []step
	}{
		{"Options.Dates MonthFirst: what could be either is month first", given(false), []step{
			{text: "03/04/2026", want: "2026-03-04"},
			{text: "1/2/26", want: "2026-01-02"},
			{text: "03/31/2026", want: "2026-03-31"},
			{text: "02.03.2026", want: "2026-03-02"},
			{text: "31/03/2026", msg: "'31/03/2026' puts the day first, but the dates are read month first (Options.Dates, wlp -dates): write it as YYYY-MM-DD"},
		}},
		{"Options.Dates DayFirst: what could be either is day first", given(true), []step{
			{text: "03/04/2026", want: "2026-04-03"},
			{text: "31/03/2026", want: "2026-03-31"},
			{text: "03/31/2026", msg: "'03/31/2026' puts the month first, but the dates are read day first (Options.Dates, wlp -dates): write it as YYYY-MM-DD"},
		}},
	} {
		d := tt.start
		for i, st := range tt.steps {
			got, msg := d.parseDate(st.text, i+1, st.serials, st.date1904)
			if got != st.want || msg != st.msg {
				t.Errorf("%s: parseDate(%q) = %q, %q; want %q, %q", tt.name, st.text, got, msg, st.want, st.msg)
			}
		}
	}
	for _, tt := range tests {
		var d dateOrder
		for i, st := range tt.steps {
			got, msg := d.parseDate(st.text, i+1, st.serials, st.date1904)
			if got != st.want || msg != st.msg {
				t.Errorf("%s: parseDate(%q) = %q, %q; want %q, %q", tt.name, st.text, got, msg, st.want, st.msg)
			}
		}
	}
}
