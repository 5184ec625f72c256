// Package problem reports what is wrong with a document, and where, as one
// error that lists every problem found, so that a user can fix a document
// in one pass instead of one problem at a time.
//
// # Problems and JSON pointers
//
// A [Problem] is one thing wrong at one place of a document: its Path and
// its Message. The path is a JSON pointer (RFC 6901): the object keys and
// array indexes that lead from the top of the document to the value, each
// after a slash, so "/roles/2/requirements/0/level" is the level of the
// first requirement of the third role. The empty path names the whole
// document, for a problem such as "the document is empty". A key's "~"
// and "/" are written "~0" and "~1" in a pointer; [Escape] and [Join]
// build pointers that way.
//
// # The error
//
// An [Error] is the error value of a document that failed. The loaders
// and validators of this module (wlp.Load, wlp.New, profile.Load,
// profile.Profile.Validate, wlp.Framework.ValidateProfile) return a
// *Error. Its Error method prints one line per problem, each starting with
// the name of the package that reports it:
//
//	wlp: /roles/2/requirements/0/level: 7 is above the scale's top level 5
//	wlp: /roles/3/requirements/1/of/0: unknown competency or area "coachin"
//
// To walk the problems, take the *Error out of the error with errors.As
// and range over its Problems:
//
//	var pe *problem.Error
//	if errors.As(err, &pe) {
//		for _, p := range pe.Problems {
//			fmt.Println(p.Path, p.Message)
//		}
//	}
//
// The names wlp.ValidationError and profile.ValidationError are aliases of
// Error, and wlp.Problem, profile.Problem and schema.Problem aliases of
// Problem: they are the same types, so errors.As with a
// *wlp.ValidationError finds the same value. An Error encodes to JSON as
// {"problems": [{"path": ..., "message": ...}, ...], "omitted": N}.
//
// # The cap
//
// A hostile document can hold millions of problems, and a report of them
// all would cost many times the document. An Error therefore lists at
// most [MaxReported] problems, whose paths and messages take at most
// [MaxReportedBytes] bytes, and counts the others in its field Omitted.
// The problems listed are always the first ones found. Omitted is a lower
// bound, not a total: once its list is full, a loader reads the rest of
// the document to its end but checks nothing more, so fixing the listed
// problems can bring others to light.
//
// # Checkers of one's own
//
// A [List] gathers problems under the same cap, for a program that checks
// documents of its own (a spreadsheet, a house rule about profiles): call
// [List.Add] for each problem, [List.AppendError] to take in the problems
// of an error from this module, then return [List.Err], which is nil when
// nothing was added. Messages quote the values they name with [Quote],
// which shortens long ones, so that each problem stays about a line long
// whatever the document holds. [Compare] orders problems by place, for a
// program that merges the problems of several checkers.
package problem
