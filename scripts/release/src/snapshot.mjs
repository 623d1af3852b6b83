// `pnpm release:snapshot`: publishes a preview of the current commit as 0.0.0-<tag>-<datetime>
// under the dist-tag <tag>, without touching the checkout, and proves it installs.
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createConsumer } from "./consumer.mjs";
import { startRegistry } from "./registry.mjs";
import { release, writeChangeset } from "./rehearsal.mjs";
import { scratchWorkspace } from "./scratch.mjs";
import { repoRoot } from "./workspace.mjs";

/** @param {string} root */
function hasPendingChangesets(root) {
  const dir = join(root, ".changeset");
  return existsSync(dir) && readdirSync(dir).some((file) => file.endsWith(".md") && file !== "README.md");
}

/**
 * @param {{ root?: string, tag?: string, registry?: { url: string, token: string }, log?: (line: string) => void }} [options]
 * @returns {Promise<string>} the snapshot version
 */
export async function releaseSnapshot({
  root = repoRoot,
  tag = "preview",
  registry,
  log = console.log,
} = {}) {
  if (!/^[a-z][a-z0-9-]*$/.test(tag)) {
    throw new Error(`snapshot tag must be lowercase letters, digits and dashes, got ${JSON.stringify(tag)}`);
  }
  const work = mkdtempSync(join(tmpdir(), "calldesk-snapshot-"));
  const ownRegistry = registry ? null : await startRegistry({ dir: join(work, "registry") });
  const target = registry ?? /** @type {{ url: string, token: string }} */ (ownRegistry);
  const scratch = scratchWorkspace(root);
  try {
    if (!hasPendingChangesets(scratch.root)) {
      // A preview of a commit without release notes still deserves a build to try.
      writeChangeset(scratch.root, "patch", "Snapshot preview.");
    }
    const version = release({ root: scratch.root, registry: target, snapshot: tag });
    log(`Published snapshot ${version} under the dist-tag "${tag}" to ${target.url}`);
    const consumer = createConsumer({ dir: join(work, "consumer"), registry: target, version });
    consumer.compile();
    log(`  a fresh consumer installed and compiled against ${version}`);
    return version;
  } finally {
    scratch.dispose();
    await ownRegistry?.close();
    rmSync(work, { recursive: true, force: true });
  }
}
