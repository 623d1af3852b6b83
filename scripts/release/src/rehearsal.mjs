// Release rehearsals in a scratch workspace: the same steps as a real release (changeset,
// `version-packages`, build, `changeset publish`), against a local registry.
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { changesetPublish } from "./publish.mjs";
import { versionPackages } from "./version.mjs";
import { publicPackages, turboBin } from "./workspace.mjs";

/**
 * Writes a changeset that bumps every public package.
 * @param {string} root @param {"patch" | "minor" | "major"} bump @param {string} summary
 */
export function writeChangeset(root, bump, summary) {
  const names = publicPackages(root).map(({ manifest }) => manifest.name);
  const frontMatter = names.map((name) => `"${name}": ${bump}`).join("\n");
  const file = join(root, ".changeset", `rehearsal-${Date.now()}.md`);
  writeFileSync(file, `---\n${frontMatter}\n---\n\n${summary}\n`);
  return file;
}

/**
 * Versions, builds and publishes the scratch workspace; returns the released version.
 * @param {{ root: string, registry: { url: string, token: string }, snapshot?: string }} options
 */
export function release({ root, registry, snapshot }) {
  versionPackages({ root, refreshLockfile: false, log: () => {}, ...(snapshot ? { snapshot } : {}) });
  execFileSync(turboBin(root), ["run", "build", "--filter=./packages/*", "--output-logs=errors-only"], {
    cwd: root,
    stdio: "inherit",
  });
  changesetPublish({ root, registry, ...(snapshot ? { tag: snapshot } : {}) });
  return JSON.parse(readFileSync(join(root, "packages/client/package.json"), "utf8")).version;
}
