// Publishes through the changesets publish path (the same command the release workflow runs),
// pointed at a local registry.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { scopedNpmrc } from "./registry.mjs";

/**
 * @param {{ root: string, registry: { url: string, token: string }, tag?: string }} options
 * @returns {string} what `changeset publish` printed
 */
export function changesetPublish({ root, registry, tag }) {
  const configDir = mkdtempSync(join(tmpdir(), "calldesk-npmrc-"));
  const userconfig = join(configDir, ".npmrc");
  writeFileSync(userconfig, `registry=${registry.url}/\n${scopedNpmrc(registry)}`);
  try {
    const args = ["exec", "changeset", "publish", "--no-git-tag", ...(tag ? ["--tag", tag] : [])];
    return execFileSync("pnpm", args, {
      cwd: root,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
      env: {
        ...process.env,
        NPM_CONFIG_USERCONFIG: userconfig,
        npm_config_registry: `${registry.url}/`,
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
  const response = await fetch(`${url}/${name.replace("/", "%2f")}`);
  if (response.status === 404) {
    return [];
  }
  const body = /** @type {{ versions: Record<string, unknown> }} */ (await response.json());
  return Object.keys(body.versions);
}
