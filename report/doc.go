// Package report draws what package match finds, for people to read.
//
// Today it draws one picture: a radar (spider) chart of one or more people
// against a role or job of a framework. [NewRadar] scores the people and
// lays the target out on axes, one per requirement, and returns the chart
// as plain data, a [Radar]; [Radar.WriteSVG] draws it as a standalone SVG
// document that scales to any size and reads aloud to screen readers (its
// data is in the document's description). The wlp command's chart
// subcommand is NewRadar followed by WriteSVG, so a Go program draws the
// same chart, byte for byte.
//
// A Radar is plain data with exported fields, JSON tags and no hidden
// state: a program may build or edit one by hand (to add notes, say) before
// drawing it.
//
// # Cost
//
// NewRadar costs one [match.Matcher.Score] per person (and one
// [match.Matcher.Team] for a team chart) plus time linear in the target's
// requirements and the people's ratings. WriteSVG costs time and memory
// linear in the axes times the people; the default model's largest chart,
// one person against the CLO job's 21 axes, is 12 KB. Charts of more than
// 256 axes are drawn, but their labels are not moved apart (such a chart
// cannot be read anyway), which keeps the cost linear.
package report
