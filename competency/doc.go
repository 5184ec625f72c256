// Package competency holds the first tier of the workplace learning and
// performance (WLP) competency model: the foundational competencies, their
// clusters, and the proficiency scale on which people are rated.
//
// An [ID] names anything a person can be rated on. Foundational competencies
// and areas of expertise (package aoe) share this one ID space, so a
// profile's ratings and a role's requirements use the same keys for both.
//
// The twelve foundational competencies of the ASTD 2004 model are available
// as constants ([BuildingTrust], [ThinkingStrategically], ...) and as values
// ([All]), in the model's order. Their descriptions are this project's own
// summaries of "ASTD Competency Study: Mapping the Future (2004)".
package competency
