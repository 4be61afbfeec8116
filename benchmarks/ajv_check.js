// ajv, the JavaScript JSON Schema validator, as the peer of `ogpctl check`: validates every
// .json file of a folder (the corpus's commitment files converted from YAML by run.py)
// against schemas/commitment.schema.json, compiled once.
//
//     NODE_PATH=benchmarks/.peers/node_modules node benchmarks/ajv_check.js schemas DIR
//
// Prints one JSON object: files, invalid files, and the milliseconds spent compiling the
// schema and validating (reading and JSON.parse included). ajv and ajv-formats are installed
// by run.py with `npm install` into benchmarks/.peers/ (git-ignored).
"use strict";
const fs = require("fs");
const path = require("path");
const Ajv2020 = require("ajv/dist/2020");
const addFormats = require("ajv-formats");

const [schemas, folder] = process.argv.slice(2);
const read = (name) => JSON.parse(fs.readFileSync(path.join(schemas, name), "utf8"));
const started = process.hrtime.bigint();
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
// The schemas carry no $id: name them, so "common.schema.json#/..." resolves.
ajv.addSchema(read("common.schema.json"), "common.schema.json");
const validate = ajv.compile({ ...read("commitment.schema.json"), $id: "commitment.schema.json" });
const compiled = process.hrtime.bigint();
let files = 0;
let invalid = 0;
for (const name of fs.readdirSync(folder).sort()) {
  if (!name.endsWith(".json")) continue;
  files += 1;
  if (!validate(JSON.parse(fs.readFileSync(path.join(folder, name), "utf8")))) invalid += 1;
}
const done = process.hrtime.bigint();
console.log(JSON.stringify({
  files, invalid,
  compile_ms: Number(compiled - started) / 1e6,
  validate_ms: Number(done - compiled) / 1e6,
}));
