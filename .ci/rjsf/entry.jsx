// The page rjsf_test.go drives: react-jsonschema-form 6 rendering one JSON
// Schema with one validator, with no uiSchema and the Form's default
// props, as a site that drops wlp's form schema into RJSF would.
//
// It reads its settings from window.wlpRJSF, if the page set it, else from
// the query string:
//   schema     the schema itself (window.wlpRJSF only), or
//              schemaURL, a URL to fetch it from (?schema=URL);
//   validator  "stock" (@rjsf/validator-ajv8's default export, Ajv's
//              draft-07 class) or "ajv2020" (customizeValidator with
//              ajv/dist/2020); "stock" when absent.
//
// What the form does is kept on window.wlpRJSFState for the test to read:
// ready once the form is mounted, and one entry in submits per submit
// attempt that reached RJSF: {formData} or {errors}. An unknown validator
// name or a schema that cannot be read is reported in state.failure.
import React, { useEffect } from "react";
import { createRoot } from "react-dom/client";
import Form from "@rjsf/core";
import validator, { customizeValidator } from "@rjsf/validator-ajv8";
import Ajv2020 from "ajv/dist/2020";

const state = { ready: false, submits: [], failure: "" };
window.wlpRJSFState = state;

const query = new URLSearchParams(window.location.search);
const settings = window.wlpRJSF || {};
const which = settings.validator || query.get("validator") || "stock";
const validators = {
  stock: () => validator,
  ajv2020: () => customizeValidator({ AjvClass: Ajv2020 }),
};

function Page({ schema, chosen }) {
  useEffect(() => {
    state.ready = true;
  }, []);
  return (
    <Form
      schema={schema}
      validator={chosen}
      onSubmit={({ formData }) => state.submits.push({ formData })}
      onError={(errors) => state.submits.push({ errors: errors.map((e) => ({ property: e.property, message: e.message, stack: e.stack })) })}
    />
  );
}

async function main() {
  if (!validators[which]) throw new Error("unknown validator " + JSON.stringify(which));
  let schema = settings.schema;
  if (!schema) {
    const url = settings.schemaURL || query.get("schema");
    if (!url) throw new Error("no schema: set window.wlpRJSF.schema or ?schema=URL");
    const resp = await fetch(url);
    if (!resp.ok) throw new Error("fetching " + url + ": " + resp.status);
    schema = await resp.json();
  }
  createRoot(document.getElementById("root")).render(<Page schema={schema} chosen={validators[which]()} />);
}

main().catch((err) => {
  state.failure = String(err);
  document.getElementById("root").textContent = "rjsf harness: " + err;
});
