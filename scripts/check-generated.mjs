#!/usr/bin/env node
// Regenerates every committed generated file and fails if any differs from what is committed.
// CI must detect stale generated files, never silently refresh them.
import { execFileSync } from "node:child_process";

// `:(glob)` makes `*` stop at `/` and `**` cross directories, as in a shell.
const GENERATED = [":(glob)packages/*/src/generated/**"];

execFileSync("turbo", ["run", "generate", "--output-logs=errors-only"], { stdio: "inherit" });

const changed = execFileSync("git", ["status", "--porcelain", "--", ...GENERATED], {
  encoding: "utf8",
}).trim();
if (changed) {
  console.error("\nGenerated files are stale (the spec changed but they were not regenerated):");
  console.error(changed);
  console.error(execFileSync("git", ["diff", "--stat", "--", ...GENERATED], { encoding: "utf8" }));
  console.error("Fix: run `pnpm generate` and commit the result.");
  process.exit(1);
}
console.log("Generated files are up to date.");
