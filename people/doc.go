// Package people reads many people's profiles from the ways people keep
// them: a profile document, a JSON array of profiles, JSON Lines, CSV and
// Excel workbooks (.xlsx), folders of such files and glob patterns. Each
// profile comes back with the [Place] it came from (a file and its JSON
// pointer, line, or row and column), and is checked against a framework,
// so that a mistyped competency is reported, never scored as 0.
//
// [ReadFile] and [Read] return the people of one input; [All] walks many
// inputs as an iterator that holds one input's people at a time (one
// person at a time for JSON Lines, JSON arrays and wide sheets), so that
// inputs too large to hold can still be scored. Every problem of an input
// is reported at once, each with its place, in an [*Error].
//
// # Spreadsheets
//
// A sheet (CSV or the first sheet of a workbook, or the one Options.Sheet
// names) is read in one of two layouts, told apart by its header row:
//
//   - Wide: one row per person, with the columns id and name, and one
//     column per competency or area, headed by its ID or its name in any
//     case, spacing or punctuation ("Building Trust", "building-trust",
//     "BUILDING TRUST"). A cell holds a level (0 to 5, "4.0"), a level's
//     name ("proficient"), a label ("4 - proficient"), or nothing: not
//     rated. Optional columns source and date apply to the whole row.
//   - Long: one row per rating, with the columns id, competency (an ID or
//     a name) and level, and optional name, source, rater, date and
//     evidence. Rows with a rater become that rater's review (the
//     360-degree form, see [profile.Review]); rows without one become the
//     person's own ratings. The same competency rated twice by the same
//     rater, or twice without a rater, is a problem naming both rows.
//
// A column that names nothing the framework knows is a problem, with the
// closest name it might mean; Options.Ignore names columns to skip.
// [WriteTemplate] writes an empty wide sheet for a framework, which reads
// back as it is written.
package people
