// Publishes through the changesets publish path (the same command the release workflow runs),
// pointed at a local registry.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { registryRequest, scopedNpmrc } from "./registry.mjs";
import { pnpmCommand } from "./workspace.mjs";

/**
 * @param {{ root: string, registry: { url: string, token: string }, tag?: string }} options
 * @returns {string} what `changeset publish` printed
 */
export function changesetPublish({ root, registry, tag }) {
  const configDir = mkdtempSync(join(tmpdir(), "calldesk-npmrc-"));
  const userconfig = join(configDir, ".npmrc");
  // Only the @calldesk scope goes to the local registry: everything else, pnpm itself included,
  // still comes from the usual registry.
  writeFileSync(userconfig, scopedNpmrc(registry));
  try {
    const [command, args] = pnpmCommand(
      ["exec", "changeset", "publish", "--no-git-tag", ...(tag ? ["--tag", tag] : [])],
      root,
    );
    return execFileSync(command, args, {
      cwd: root,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
      env: {
        ...process.env,
        NPM_CONFIG_USERCONFIG: userconfig,
        // Provenance needs a CI identity provider (GitHub OIDC); a local registry has none.
        npm_config_provenance: "false",
      },
    });
  } finally {
    rmSync(configDir, { recursive: true, force: true });
  }
}

/**
 * The versions of a package the registry holds.
 * @param {string} url @param {string} name @returns {Promise<string[]>}
 */
export async function publishedVersions(url, name) {
  const { status, json } = await registryRequest("GET", `${url}/${name.replace("/", "%2f")}`);
  return status === 404 ? [] : Object.keys(json.versions);
}
