// Package wlp is a Go SDK for the ASTD (now ATD) Workplace Learning and
// Performance (WLP) Competency Model of 2004.
//
// # The model
//
// The model has three tiers, each in a package of its own:
//
//   - package competency: twelve foundational competencies in three
//     clusters (interpersonal, business/management, personal), wanted of
//     every learning professional, and the 0 to 5 proficiency scale;
//   - package aoe: nine areas of expertise, the specialised fields such as
//     coaching or designing learning that build on those competencies;
//   - package role: four roles (learning strategist, business partner,
//     project manager, professional specialist), each needing a chosen
//     set of competencies and areas.
//
// Roles are hats, not job titles: a person takes one off and puts another
// on as the work demands. A job blends several roles with weights and may
// add needs of its own. The model's own example, the Chief Learning
// Officer ([role.CLO]), is mostly learning strategist and business partner
// and relies on others for the other two roles.
//
// # Where to start
//
// [Default] returns the model as a validated, immutable [Framework] that is
// safe for concurrent use. Look things up with [Framework.Role],
// [Framework.Job], [Framework.Competency] and friends, or walk the tiers
// with [Framework.Competencies], [Framework.Areas] and [Framework.Roles].
//
// A framework's document form is [Spec]. Build your own framework (a
// company's model, or the default extended with new competencies, roles
// and jobs) by editing a Spec and passing it to [New], or read one from
// JSON with [Load]. Both validate the whole document and report every
// problem with its JSON pointer.
//
// Person profiles live in package profile; package match scores them
// against roles and jobs, explains each score part by part, lists the gaps
// in the order that would raise the fit most, and ranks people.
//
// The default requirements are this project's documented reading of the
// model's role definitions in "ASTD Competency Study: Mapping the Future
// (2004)"; every requirement carries a Why so it can be audited and
// overridden.
package wlp
