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

/**
 * How to run pnpm from here: the pnpm that runs this script when there is one, else the version
 * the workspace pins, through npx (what the README's quick start uses).
 * @param {string[]} args @param {string} root @returns {[string, string[]]}
 */
export function pnpmCommand(args, root = repoRoot) {
  const execpath = process.env.npm_execpath;
  if (execpath && /pnpm/.test(execpath)) {
    return [process.execPath, [execpath, ...args]];
  }
  const { packageManager } = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
  return ["npx", ["--yes", packageManager, ...args]];
}

/** The workspace's own turbo binary. @param {string} root */
export function turboBin(root = repoRoot) {
  return join(root, "node_modules/.bin/turbo");
}
