// Cross-checks the federation's schemas with ajv, a validator independent of the gateway's:
// every schema compiles under Draft 2020-12 in strict mode with formats asserted; every valid
// example passes; every invalid example meant for the schema stage fails at its expected pointer
// with its expected keyword; every invalid example meant for the semantic stage passes the schema.
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const schemaDir = join(root, "schemas");
const exampleDir = join(schemaDir, "examples");
const PAYLOAD_ID = "https://schemas.ncb-gateway.org/v1/payload.json";

// ajv names the keyword of a `false` subschema "false schema"; the gateway says "false".
const KEYWORD = { "false schema": "false" };

// Strict, but without the strictTypes and strictRequired lints, which want "type" and "properties"
// repeated in every if/then branch.
const ajv = new Ajv2020({ strict: true, strictTypes: false, strictRequired: false, allErrors: true });
addFormats(ajv);

const failures = [];
const jsonFiles = (dir) => readdirSync(dir).filter((f) => f.endsWith(".json") && !f.endsWith(".expect.json")).sort();

for (const file of jsonFiles(schemaDir)) {
  ajv.addSchema(JSON.parse(readFileSync(join(schemaDir, file), "utf8")));
}
for (const file of jsonFiles(schemaDir)) {
  const { $id } = JSON.parse(readFileSync(join(schemaDir, file), "utf8"));
  try {
    ajv.getSchema($id);
  } catch (e) {
    failures.push(`schemas/${file}: does not compile: ${e.message}`);
  }
}
const validate = failures.length === 0 ? ajv.getSchema(PAYLOAD_ID) : undefined;
if (validate === undefined) {
  failures.forEach((f) => console.error(`schema-check: ${f}`));
  process.exit(1);
}

// Where a reader looks for the error: a missing or extra property is placed at the property.
function pointerOf(error) {
  const p = error.params ?? {};
  const property = p.missingProperty ?? p.unevaluatedProperty ?? p.additionalProperty;
  return property === undefined ? error.instancePath : `${error.instancePath}/${property}`;
}

let checked = 0;
for (const file of jsonFiles(join(exampleDir, "valid"))) {
  checked++;
  if (!validate(JSON.parse(readFileSync(join(exampleDir, "valid", file), "utf8")))) {
    failures.push(`valid/${file}: rejected: ${ajv.errorsText(validate.errors)}`);
  }
}
for (const file of jsonFiles(join(exampleDir, "invalid"))) {
  const expect = JSON.parse(readFileSync(join(exampleDir, "invalid", file.replace(/\.json$/, ".expect.json")), "utf8"));
  if (expect.stage === "json") {
    continue; // not well-formed on purpose: no schema verdict to compare
  }
  checked++;
  const ok = validate(JSON.parse(readFileSync(join(exampleDir, "invalid", file), "utf8")));
  if (expect.stage === "semantic") {
    if (!ok) failures.push(`invalid/${file}: meant for the semantic stage but the schema rejects it: ${ajv.errorsText(validate.errors)}`);
    continue;
  }
  if (ok) {
    failures.push(`invalid/${file}: accepted, expected ${expect.rule} at '${expect.pointer}'`);
  } else if (!validate.errors.some((e) => pointerOf(e) === expect.pointer && (KEYWORD[e.keyword] ?? e.keyword) === expect.rule)) {
    failures.push(`invalid/${file}: no ${expect.rule} error at '${expect.pointer}': ${ajv.errorsText(validate.errors)}`);
  }
}

if (failures.length > 0) {
  failures.forEach((f) => console.error(`schema-check: ${f}`));
  console.error(`schema-check: ${failures.length} disagreement(s) in ${checked} examples`);
  process.exit(1);
}
console.log(`schema-check: ajv agrees on every schema and ${checked} examples`);
