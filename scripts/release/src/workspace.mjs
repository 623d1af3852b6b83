// The workspace's packages, read from disk (the same globs as pnpm-workspace.yaml).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** @typedef {{ name: string, version: string, private?: boolean, files?: string[], [key: string]: unknown }} PackageJson */
/** @typedef {{ dir: string, manifest: PackageJson }} WorkspacePackage */

export const repoRoot = new URL("../../..", import.meta.url).pathname.replace(/\/$/, "");

/** @param {string} root @returns {WorkspacePackage[]} */
export function workspacePackages(root = repoRoot) {
  const dirs = ["spec"];
  for (const parent of ["packages", "scripts"].filter((name) => existsSync(join(root, name)))) {
    for (const name of readdirSync(join(root, parent))) {
      dirs.push(join(parent, name));
    }
  }
  return dirs
    .map((dir) => join(root, dir))
    .filter((dir) => existsSync(join(dir, "package.json")))
    .map((dir) => ({ dir, manifest: JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) }));
}

/** @param {string} root */
export function publicPackages(root = repoRoot) {
  return workspacePackages(root).filter((pkg) => pkg.manifest.private !== true);
}
