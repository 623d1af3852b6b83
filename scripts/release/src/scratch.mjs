// A throwaway copy of the workspace for release rehearsals (versioning rewrites manifests and
// changelogs in place): a local git clone with its own install (offline, from the pnpm store
// the real checkout filled) and the already-built outputs copied in.
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { pnpmCommand, workspacePackages } from "./workspace.mjs";

/** @param {string} root @returns {{ root: string, dispose: () => void }} */
export function scratchWorkspace(root) {
  const scratch = mkdtempSync(join(tmpdir(), "calldesk-scratch-"));
  execFileSync("git", ["clone", "--quiet", "--local", root, scratch]);
  execFileSync("git", ["-C", scratch, "config", "user.email", "release@calldesk.invalid"]);
  execFileSync("git", ["-C", scratch, "config", "user.name", "Release rehearsal"]);
  const [pnpm, args] = pnpmCommand(["install", "--offline", "--frozen-lockfile", "--reporter=silent"], root);
  execFileSync(pnpm, args, {
    cwd: scratch,
    stdio: "inherit",
  });
  for (const { dir } of workspacePackages(root)) {
    const target = join(scratch, relative(root, dir));
    if (existsSync(join(dir, "dist")) && existsSync(target)) {
      cpSync(join(dir, "dist"), join(target, "dist"), { recursive: true });
    }
  }
  return { root: scratch, dispose: () => rmSync(scratch, { recursive: true, force: true }) };
}
