// `pnpm release:local`: build, check every tarball, publish every public package to a real local
// registry through `changeset publish`, then install and use them from a fresh consumer project.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createConsumer } from "./consumer.mjs";
import { changesetPublish, publishedVersions } from "./publish.mjs";
import { startRegistry } from "./registry.mjs";
import { inspectTarball } from "./tarball.mjs";
import { publicPackages, repoRoot, turboBin } from "./workspace.mjs";

export class ReleaseError extends Error {}

/**
 * Fails with one message listing every problem of every public package's tarball.
 * @param {string} root
 */
export function checkTarballs(root) {
  const report = [];
  for (const { dir, manifest } of publicPackages(root)) {
    const { files, problems } = inspectTarball(dir, manifest);
    if (problems.length > 0) {
      report.push(
        `${manifest.name} would ship a broken tarball:\n${problems.map((p) => `  - ${p}`).join("\n")}`,
      );
    } else {
      console.log(`  ${manifest.name}@${manifest.version}: ${files.length} files, entry points present`);
    }
  }
  if (report.length > 0) {
    throw new ReleaseError(`${report.join("\n")}\nNothing was published.`);
  }
}

/**
 * @param {{ root?: string, build?: boolean, log?: (line: string) => void }} [options]
 */
export async function releaseLocal({ root = repoRoot, build = true, log = console.log } = {}) {
  if (build) {
    log("Building the public packages...");
    execFileSync(turboBin(root), ["run", "build", "--filter=./packages/*", "--output-logs=errors-only"], {
      cwd: root,
      stdio: "inherit",
    });
  }
  log("Checking tarballs...");
  checkTarballs(root);

  const work = mkdtempSync(join(tmpdir(), "calldesk-release-"));
  const registry = await startRegistry({ dir: join(work, "registry") });
  try {
    log(`Local registry: ${registry.url}`);
    changesetPublish({ root, registry });
    const packages = publicPackages(root);
    for (const { manifest } of packages) {
      const versions = await publishedVersions(registry.url, manifest.name);
      if (!versions.includes(manifest.version)) {
        throw new ReleaseError(
          `${manifest.name}@${manifest.version} is not in the registry after publishing`,
        );
      }
      log(`  published ${manifest.name}@${manifest.version}`);
    }

    const version = JSON.parse(readFileSync(join(root, "packages/client/package.json"), "utf8")).version;
    log(`Installing ${version} in a fresh consumer project with npm...`);
    const consumer = createConsumer({ dir: join(work, "consumer"), registry, version });
    consumer.compile();
    for (const result of consumer.run()) {
      log(`  ${result.module}: created ${result.call_id} (${result.status})`);
      if (result.status !== "queued") {
        throw new ReleaseError(`the ${result.module} consumer did not create a queued call`);
      }
    }
    log(`  docs page: ${consumer.docsPage(version)}`);
    log("release:local passed.");
  } finally {
    await registry.close();
    rmSync(work, { recursive: true, force: true });
  }
}
