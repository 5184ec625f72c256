// Checks wlp's CASE 1.1 packages with an independent validator, Ajv's
// draft 2019-09 class with its formats: every package in WORKDIR named
// case-*.json validates against wlp's transcription of the CASE 1.1
// CFPackage schema and, when a copy of 1EdTech's official schema is
// given (it is not kept in the repository), against that too. It also
// checks what the schema does not: identifiers are lower-case UUIDs (an
// association's end outside the package may have any identifier) and a
// strict package (case-*strict*.json) has no extensions; and that faults
// an exporter commonly makes are rejected. Unless WORKDIR holds them
// already, it exports (with go run, from the repository's root) the
// embedded ATD 2020 framework and the crosswalk from the default model
// to it, plain and strict, and checks that every association of a
// crosswalk package points at an item of the framework packages exactly
// as they name it (identifier, uri and title).
// Usage: node case.js WORKDIR TRANSCRIPTION [OFFICIAL]
"use strict";
const Ajv2019 = require("ajv/dist/2019");
const addFormats = require("ajv-formats");
const fs = require("fs");
const path = require("path");
const { execFileSync } = require("child_process");

const [dir, transcription, official] = process.argv.slice(2);
const load = (f) => JSON.parse(fs.readFileSync(f));
const compile = (file) => {
  const ajv = new Ajv2019({ strict: false, allErrors: true, validateFormats: true });
  addFormats(ajv);
  return ajv.compile(load(file));
};
const schemas = [["transcription", compile(transcription)]];
if (official) {
  if (fs.existsSync(official)) schemas.push(["official schema", compile(official)]);
  else console.log("note: no official schema at " + official + "; checked against the transcription only");
}

let failed = 0;
const expect = (what, ok, errors) => {
  if (!ok) {
    failed++;
    console.log("FAIL " + what + (errors ? " " + JSON.stringify(errors.slice(0, 5)) : ""));
  } else {
    console.log("ok   " + what);
  }
};

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
// walk calls f(key, value, pointer) for every member of every object in v.
const walk = (v, f, ptr = "") => {
  if (Array.isArray(v)) v.forEach((x, i) => walk(x, f, ptr + "/" + i));
  else if (v && typeof v === "object")
    for (const [k, x] of Object.entries(v)) {
      f(k, x, ptr + "/" + k);
      walk(x, f, ptr + "/" + k);
    }
};

// The crosswalk packages and the framework package they point into,
// besides case-default.json (the default model, which .ci/run exports).
const root = path.resolve(__dirname, "../..");
const exportTo = (file, ...args) => {
  if (!fs.existsSync(path.join(dir, file)))
    execFileSync("go", ["run", "./cmd/wlp", "export", "-case", ...args, "-o", path.join(dir, file)], { cwd: root, stdio: "inherit" });
};
exportTo("case-atd-2020.json", "-framework", "atd-2020");
exportTo("case-crosswalk-astd-2004-to-atd-2020.json", "-crosswalk", "astd-2004-to-atd-2020");
exportTo("case-crosswalk-astd-2004-to-atd-2020-strict.json", "-crosswalk", "astd-2004-to-atd-2020", "-strict");

const packages = fs.readdirSync(dir).filter((f) => /^case-.*\.json$/.test(f)).sort();
expect("found packages to check (" + packages.length + ")", packages.length >= 3);
for (const f of packages) {
  const p = load(path.join(dir, f));
  for (const [name, v] of schemas) expect(f + " validates against the " + name, v(p), v.errors);
  const bad = [];
  walk(p, (k, x, ptr) => {
    // An association's end may lie outside CASE, with any identifier;
    // one that is a UUID must be written in lower case all the same.
    const end = /NodeURI\/identifier$/.test(ptr);
    const ok = end ? uuid.test(x) || !uuid.test(String(x).toLowerCase()) : uuid.test(x);
    if (["identifier", "rubricId", "rubricCriterionId"].includes(k) && !ok) bad.push(ptr);
    if (x === null) bad.push(ptr + " (null)");
    if (k === "uri" && !/^[a-z][a-z0-9+.-]*:/.test(x)) bad.push(ptr + " (not an absolute URI)");
  });
  expect(f + ": identifiers are lower-case UUIDs, URIs absolute, no nulls", bad.length === 0, bad);
  if (f.includes("strict")) {
    const ext = [];
    walk(p, (k, x, ptr) => k === "extensions" && ext.push(ptr));
    expect(f + ": no extensions", ext.length === 0, ext);
  }
}

// A crosswalk package has no items: each association's ends are items
// of the two frameworks' packages, named as those packages name them.
const items = {};
for (const f of ["case-default.json", "case-atd-2020.json"]) {
  if (!fs.existsSync(path.join(dir, f))) continue;
  for (const it of load(path.join(dir, f)).CFItems || [])
    items[it.identifier] = { uri: it.uri, title: it.abbreviatedStatement || it.fullStatement };
}
for (const f of packages.filter((f) => f.startsWith("case-crosswalk-"))) {
  const p = load(path.join(dir, f));
  const bad = [];
  (p.CFAssociations || []).forEach((a, i) => {
    if (!["exactMatchOf", "isRelatedTo"].includes(a.associationType)) bad.push(i + " (type " + a.associationType + ")");
    for (const end of [a.originNodeURI, a.destinationNodeURI]) {
      const it = items[end.identifier];
      if (!it || it.uri !== end.uri || it.title !== end.title) bad.push(i + " (" + end.identifier + " " + end.title + ")");
    }
  });
  expect(f + ": " + (p.CFAssociations || []).length + " links, each between items of the frameworks' packages", !p.CFItems && (p.CFAssociations || []).length > 0 && bad.length === 0, bad);
}

// Faults a CASE exporter commonly makes, each applied to the first
// package that has items and rubrics.
const base = load(path.join(dir, packages.find((f) => load(path.join(dir, f)).CFRubrics)));
const faults = [
  ["a CFPackage wrapper", (p) => ({ CFPackage: p })],
  ["a date without a time zone", (p) => ((p.CFDocument.lastChangeDateTime = "2026-03-01T10:00:00"), p)],
  ["a date alone", (p) => ((p.CFItems[0].lastChangeDateTime = "2026-03-01"), p)],
  ["a null field", (p) => ((p.CFItems[0].notes = null), p)],
  ["no creator", (p) => (delete p.CFDocument.creator, p)],
  ["no uri on an item", (p) => (delete p.CFItems[0].uri, p)],
  ["CFDefinitions as a list", (p) => ((p.CFDefinitions = []), p)],
  ["CFDocumentURI on an item", (p) => ((p.CFItems[0].CFDocumentURI = { title: "x", identifier: p.CFDocument.identifier, uri: p.CFDocument.uri }), p)],
  ["a LinkURI without a title", (p) => (delete p.CFItems[0].CFItemTypeURI.title, p)],
  ["caseVersion 1.0", (p) => ((p.CFDocument.caseVersion = "1.0"), p)],
  ["a weight as a string", (p) => ((p.CFRubrics[0].CFRubricCriteria[0].weight = "2"), p)],
  ["an identifier that is no UUID", (p) => ((p.CFItems[0].identifier = "coaching"), p)],
];
for (const [what, fault] of faults) {
  const p = fault(JSON.parse(JSON.stringify(base)));
  for (const [name, v] of schemas) expect(what + " is rejected by the " + name, !v(p));
}

if (failed) {
  console.log(failed + " check(s) failed");
  process.exit(1);
}
console.log("all Ajv checks of the CASE packages passed");
