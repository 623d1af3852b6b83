#!/usr/bin/env node
// The main job, run after `turbo run build`: reports what was built. Later issues make it
// serve the sandbox and the docs.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const contract = JSON.parse(readFileSync(join(root, "spec/dist/openapi.json"), "utf8"));
console.log(`\nCalldesk API ${contract.info.version}: ${Object.keys(contract.paths).join(", ")}`);

for (const dir of ["spec", ...readdirSync(join(root, "packages")).map((name) => `packages/${name}`)]) {
  const pkg = JSON.parse(readFileSync(join(root, dir, "package.json"), "utf8"));
  const dist = join(root, dir, "dist");
  const files = readdirSync(dist, { recursive: true }).filter((file) => statSync(join(dist, file)).isFile());
  console.log(`  built ${pkg.name}@${pkg.version}: ${files.length} files in ${dir}/dist`);
}
