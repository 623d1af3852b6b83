#!/usr/bin/env node
// Entry point of the root release scripts (`pnpm version-packages`, `pnpm release:local`,
// `pnpm release:snapshot`).
import { checkTarballs, ReleaseError, releaseLocal } from "./local.mjs";
import { releaseSnapshot } from "./snapshot.mjs";
import { versionPackages } from "./version.mjs";
import { repoRoot } from "./workspace.mjs";

const command = process.argv[2] ?? "";
const commands = {
  version: async () => versionPackages({ root: repoRoot }),
  // What `pnpm release` runs before `changeset publish`: no tarball ships without its build.
  check: async () => checkTarballs(repoRoot),
  local: () => releaseLocal(),
  snapshot: async () => {
    await releaseSnapshot({ tag: process.argv[3] ?? "preview" });
  },
};

if (!(command in commands)) {
  console.error(`usage: calldesk-release ${Object.keys(commands).join("|")}`);
  process.exit(2);
}
try {
  await commands[/** @type {keyof typeof commands} */ (command)]();
} catch (error) {
  if (error instanceof ReleaseError) {
    console.error(`\nrelease failed: ${error.message}`);
    process.exit(1);
  }
  throw error;
}
