#!/usr/bin/env node
// Proves that `pnpm check:generated` bites: raise a limit in the spec without regenerating and
// expect the check to fail. The spec file is restored byte for byte afterwards and the generated
// files are regenerated from it, so local work in the checkout is left as it was.
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";

const SCHEMA = new URL("../spec/openapi/components/schemas/Metadata.yaml", import.meta.url);
const LIMIT = /^maxProperties: (\d+)$/m;

const original = readFileSync(SCHEMA, "utf8");
const match = LIMIT.exec(original);
if (!match) {
  console.error("spec/openapi/components/schemas/Metadata.yaml has no maxProperties line to edit");
  process.exit(1);
}
const raised = Number(match[1]) + 1;
writeFileSync(SCHEMA, original.replace(LIMIT, `maxProperties: ${raised}`));

let caught = false;
try {
  execFileSync("node", ["scripts/check-generated.mjs"], { stdio: "pipe", encoding: "utf8" });
} catch (error) {
  caught = /Generated files are stale/.test(String(error.stderr));
} finally {
  writeFileSync(SCHEMA, original);
  execFileSync("turbo", ["run", "generate", "--output-logs=errors-only"], { stdio: "inherit" });
}

if (!caught) {
  console.error(`check:generated did not fail when maxProperties became ${raised}: the gate is broken`);
  process.exit(1);
}
console.log(`check:generated failed when maxProperties became ${raised} without regenerating, as it must.`);
