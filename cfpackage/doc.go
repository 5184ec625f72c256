// Package cfpackage exchanges frameworks with the systems that hold
// competency standards, in 1EdTech's CASE 1.1 (Competencies and Academic
// Standards Exchange) package format: a CFPackage of one CFDocument with
// its CFItems, CFAssociations, CFDefinitions and CFRubrics. (The name is
// not "case", which is a Go keyword.)
//
// [Export] writes a framework as a package that validates against CASE
// 1.1's official JSON Schema; [Encode] writes it as JSON, the same bytes
// every time. [Read] and [Decode] read packages from other systems, CASE
// 1.0 and 1.1, accepting what real packages get wrong with a located
// warning; [Import] maps a package onto the model's tiers.
package cfpackage
