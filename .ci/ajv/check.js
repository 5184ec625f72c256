// Checks wlp's committed JSON Schemas with an independent validator, Ajv
// in strict mode: every schema compiles; the default framework, the sample
// profiles and a score result validate; documents the Go loaders reject
// for structural reasons are rejected at the same JSON pointers; the
// default framework's form schema accepts the samples and rejects unknown
// IDs, read as draft 2020-12 and as draft 07 alike (it names no $schema:
// react-jsonschema-form's stock validator is Ajv's draft-07 class).
// Usage: node check.js WORKDIR (the files .ci/run writes there).
"use strict";
const Ajv2020 = require("ajv/dist/2020");
const Ajv7 = require("ajv");
const addFormats = require("ajv-formats");
const fs = require("fs");
const path = require("path");

const dir = process.argv[2];
const read = (f) => JSON.parse(fs.readFileSync(path.join(dir, f)));
const ajv = new Ajv2020({ strict: true, allErrors: true });
addFormats(ajv);
const kinds = ["framework", "profile", "result", "ranking", "team", "assignment", "plan", "crosswalk", "migration", "diff"];
for (const k of kinds) ajv.addSchema(read(k + ".schema.json"));
const schema = (k) => ajv.getSchema("https://wlpmodel.github.io/wlp/schema/" + k + ".schema.json");
const form = ajv.compile(read("form.schema.json"));
const ajv7 = new Ajv7({ strict: true, allErrors: true });
addFormats(ajv7);
const form7 = ajv7.compile(read("form.schema.json"));

let failed = 0;
const expect = (what, ok, errors) => {
  if (!ok) {
    failed++;
    console.log("FAIL " + what + (errors ? " " + JSON.stringify(errors) : ""));
  } else {
    console.log("ok   " + what);
  }
};
const places = (v) => (v.errors || []).map((e) => e.instancePath);

for (const k of kinds) expect("compiles " + k, typeof schema(k) === "function");
const fw = schema("framework"), pr = schema("profile");
expect("default framework validates", fw(read("default.json")), fw.errors);
expect("learning2 framework validates", fw(read("learning2.json")), fw.errors);
expect("score result validates", schema("result")(read("result.json")), schema("result").errors);
for (const f of fs.readdirSync(dir).filter((f) => f.startsWith("profile-"))) {
  expect(f + " validates", pr(read(f)), pr.errors);
  if (!read(f).reviews) {
    expect(f + " fits the form", form(read(f)), form.errors);
    expect(f + " fits the form read as draft 07", form7(read(f)), form7.errors);
  }
}

// Lineage: crosswalks, migrated profiles (each rating with its carried
// record) and their reports, a diff document.
const lines = (f) => fs.readFileSync(path.join(dir, f), "utf8").split("\n").filter((l) => l !== "").map((l) => JSON.parse(l));
const cw = schema("crosswalk"), mg = schema("migration"), df = schema("diff");
for (const f of fs.readdirSync(dir).filter((f) => f.startsWith("crosswalk-"))) expect(f + " validates", cw(read(f)), cw.errors);
let migrated = 0, carried = 0;
for (const p of lines("migrated.jsonl")) {
  migrated++;
  carried += Object.values(p.ratings || {}).filter((r) => r.carried).length;
  expect("migrated profile " + p.id + " validates", pr(p), pr.errors);
}
expect(migrated + " migrated profiles, " + carried + " ratings with a carried record", migrated === 5 && carried > 0);
for (const r of lines("migration.jsonl")) expect("migration report of " + r.profile + " validates", mg(r), mg.errors);
expect("diff document validates", df(read("diff.json")), df.errors);

const bad = [
  [pr, "profile level 7", { id: "a", ratings: { coaching: { level: 7 } } }, "/ratings/coaching/level"],
  [pr, "profile unknown source", { id: "a", ratings: { coaching: { level: 1, source: "boss" } } }, "/ratings/coaching/source"],
  [pr, "profile impossible date", { id: "a", ratings: { coaching: { level: 1, assessedAt: "2026-02-30" } } }, "/ratings/coaching/assessedAt"],
  [pr, "profile unknown field", { id: "a", colour: "red" }, ""],
  [pr, "profile malformed ID", { id: "a", ratings: { "Coaching!": { level: 1 } } }, "/ratings"],
  [fw, "framework zero weight", { roles: [{ id: "r", name: "R", requirements: [{ of: ["x"], level: 3, weight: 0 }] }] }, "/roles/0/requirements/0/weight"],
  [fw, "framework level 6", { roles: [{ id: "r", name: "R", requirements: [{ of: ["x"], level: 6, weight: 1 }] }] }, "/roles/0/requirements/0/level"],
  [fw, "framework empty of", { roles: [{ id: "r", name: "R", requirements: [{ of: [], level: 3, weight: 1 }] }] }, "/roles/0/requirements/0/of"],
  [fw, "framework wrong type", { competencies: [{ id: "x", name: 7, cluster: "personal" }] }, "/competencies/0/name"],
  [cw, "crosswalk unknown relation", { id: "c", from: "a", to: "b", links: [{ from: "x", to: "y", relation: "same", carry: "level", why: "W." }] }, "/links/0/relation"],
  [cw, "crosswalk cap 5", { id: "c", from: "a", to: "b", links: [{ from: "x", to: "y", relation: "close", carry: "capped", cap: 5, why: "W." }] }, "/links/0/cap"],
  [cw, "crosswalk link without a why", { id: "c", from: "a", to: "b", links: [{ from: "x", to: "y", relation: "exact", carry: "level" }] }, "/links/0"],
  [cw, "crosswalk control character in a why", { id: "c", from: "a", to: "b", links: [{ from: "x", to: "y", relation: "exact", carry: "level", why: "a\u0007b" }] }, "/links/0/why"],
  [pr, "profile carried record without sources", { id: "a", ratings: { coaching: { level: 1, carried: { crosswalk: "c", relation: "exact", sources: [] } } } }, "/ratings/coaching/carried/sources"],
  [form, "form unknown ID", { id: "a", ratings: { juggling: { level: 1 } } }, "/ratings"],
  [form, "form level 6", { id: "a", ratings: { coaching: { level: 6 } } }, "/ratings/coaching/level"],
  [form, "form rating without a level", { id: "a", ratings: { coaching: {} } }, "/ratings/coaching"],
  [form, "form value under a heading", { id: "a", ratings: { "cluster:interpersonal": { level: 1 } } }, "/ratings/cluster:interpersonal"],
];
for (const [v, what, doc, at] of bad.filter(([v]) => v === form)) bad.push([form7, what + " (draft 07)", doc, at]);
for (const [v, what, doc, at] of bad) {
  const ok = v(doc);
  expect(what + " is rejected at '" + at + "'", !ok && places(v).includes(at), places(v));
}
if (failed) {
  console.log(failed + " check(s) failed");
  process.exit(1);
}
console.log("all Ajv checks passed");
