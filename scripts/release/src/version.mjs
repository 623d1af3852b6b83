// `pnpm version-packages`: changesets bumps the packages, then the contract's `info.version`
// follows the released version, everything generated from the contract is regenerated, and the
// docs page of the new version is kept (`packages/docs/versions/<version>/`) for good.
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pnpmCommand, turboBin } from "./workspace.mjs";

const SPEC_ROOT = "spec/openapi/openapi.yaml";
// The contract's version is the version of the package that publishes it.
const CONTRACT_PACKAGE = "packages/types/package.json";

const INFO_VERSION = /^(info:\n(?: {2}.*\n| {4}.*\n|\n)*? {2}version: )(.+)$/m;

/** @param {string} root @returns {{ from: string, to: string }} */
export function syncContractVersion(root) {
  const version = JSON.parse(readFileSync(join(root, CONTRACT_PACKAGE), "utf8")).version;
  const path = join(root, SPEC_ROOT);
  const source = readFileSync(path, "utf8");
  const match = INFO_VERSION.exec(source);
  if (!match) {
    throw new Error(`${SPEC_ROOT}: no info.version line found`);
  }
  writeFileSync(path, source.replace(INFO_VERSION, `$1${version}`));
  return { from: /** @type {string} */ (match[2]), to: version };
}

/**
 * @param {{ root: string, snapshot?: string, refreshLockfile?: boolean, log?: (line: string) => void }} options
 */
export function versionPackages({ root, snapshot, refreshLockfile = true, log = console.log }) {
  /** @param {string} command @param {string[]} args */
  const run = (command, args) => execFileSync(command, args, { cwd: root, stdio: "inherit" });
  /** @param {string[]} args */
  const pnpm = (args) => run(...pnpmCommand(args, root));
  const turbo = (/** @type {string[]} */ args) => run(turboBin(root), [...args, "--output-logs=errors-only"]);
  pnpm(["exec", "changeset", "version", ...(snapshot ? ["--snapshot", snapshot] : [])]);
  if (!snapshot) {
    // A snapshot previews a pull request: the contract keeps its released version, and no page
    // of it is kept among the released docs.
    const { from, to } = syncContractVersion(root);
    log(`Contract info.version: ${from} -> ${to}`);
    turbo(["run", "generate"]);
    turbo(["run", "build", "--filter=@calldesk/docs"]);
    pnpm(["--filter", "@calldesk/docs", "run", "freeze"]);
  }
  if (refreshLockfile) {
    pnpm(["install", "--lockfile-only"]);
  }
}
