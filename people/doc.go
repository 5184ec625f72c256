// Package people reads many people's profiles from the ways people keep
// them: a profile document, a JSON array of profiles, JSON Lines, CSV and
// Excel workbooks (.xlsx), folders of such files and glob patterns. Each
// profile comes back with the [Place] it came from (a file and its JSON
// pointer, line, or row and column), and is checked against a framework,
// so that a mistyped competency is reported, never scored as 0.
//
// [ReadFile] and [Read] return the people of one input; [All] walks many
// inputs as an iterator that holds one input's people at a time (one
// person at a time for JSON arrays and wide sheets, a few batches of
// lines decoded on every CPU for JSON Lines), so that inputs too large to
// hold can still be scored. Every problem of an input
// is reported at once, each with its place, in an [*Error]. A profile
// keeps its reviews as read: the match engine scores ratings only, so
// merge a 360-degree profile's reviews first with
// [profile.Profile.Combine], as the wlp command does (by median unless
// told otherwise).
//
// # Spreadsheets
//
// A sheet (CSV, or the first visible sheet of a workbook, or the one
// Options.Sheet names) is read in one of two layouts, told apart by its
// header row,
// the first of its first 10 rows to have an id column (rows above it,
// such as a title, are skipped):
//
//   - Wide: one row per person, with the columns id and name, and one
//     column per competency or area, headed by its ID or its name in any
//     case, spacing or punctuation ("Building Trust", "building-trust",
//     "BUILDING TRUST"). A cell holds a level (0 to 5, "4.0"), a level's
//     name ("proficient"), a label ("4 - proficient"), or nothing: not
//     rated. Optional columns source, date and evidence apply to the
//     whole row. With a rater column, a row is one rater's review of the
//     person (the 360-degree form, see [profile.Review]), and a person
//     has one row per rater (and one without a rater for their own
//     ratings); without one, the same ID on two rows is a problem naming
//     both.
//   - Long: one row per rating, with the columns id, competency (an ID or
//     a name) and level, and optional name, source, rater, date and
//     evidence. Rows with a rater become that rater's review; rows
//     without one become the person's own ratings. The same competency
//     rated twice by the same rater, or twice without a rater, is a
//     problem naming both rows.
//
// A workbook's hidden sheets are passed over: without Options.Sheet, its
// first visible sheet is read.
//
// Dates are read as YYYY-MM-DD (a time after it is dropped), as a
// workbook's date serial numbers (in its 1900 or 1904 date system), and
// in the other orders office programs show them in, where the order is
// certain: with dots, day first (02.03.2026 is 2 March, as in German or
// Russian); with slashes or dashes, day or month first when the date
// tells (31/03/2026, 03/31/2026: a day above 12) and every such date of
// the sheet puts the same one first, so that 03/04/2026, which could be
// either, is a problem asking for YYYY-MM-DD, unless Options.Dates says
// which comes first (MonthFirst for what US Excel writes). A two-digit
// year yy is 20yy (20.02.26, 02/27/26; not with dashes, where it could
// come first), and a time of day after a date ("03/31/26 12:00 AM") is
// dropped.
//
// A column that names nothing the framework knows is a problem, with the
// closest name it might mean; Options.Ignore names columns to skip.
// [WriteTemplate] writes an empty wide sheet for a framework, which reads
// back as it is written.
//
// A sheet's problems come at its end, all in one [*Error], after every
// person without a problem: a wide sheet without a rater column yields
// each person as soon as its row is read, so that a sheet too large to
// hold streams, and the other sheets yield their people at the end, in
// the order of their first rows. So before a sheet's error a caller may
// have received the people of its other rows, and the person of the
// first of two rows with the same ID. No one is yielded from a row with
// a problem; no one at all when the header row has one; no one from the
// row where a column without a header is found holding something, nor
// from the rows after it. A row that cannot be read (a CSV syntax error;
// a row past the size bound, which ends the reading; a workbook the
// library cannot read to its end) may be anyone's: a wide sheet yields
// the people of the rows read, the other sheets no one. A caller that
// wants all or nothing, as the wlp command does, collects the people
// (see [Collect]) and drops them when there is an error.
package people
