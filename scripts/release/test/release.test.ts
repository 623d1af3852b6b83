// End to end, for real: a Verdaccio registry on 127.0.0.1, `changeset publish`, and consumer
// projects that install with plain npm, compile strict TypeScript and run against the sandbox.
import { readFileSync, writeFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createConsumer } from "../src/consumer.mjs";
import { releaseLocal } from "../src/local.mjs";
import { publishedVersions } from "../src/publish.mjs";
import { registryRequest, startRegistry } from "../src/registry.mjs";
import { release, writeChangeset } from "../src/rehearsal.mjs";
import { scratchWorkspace } from "../src/scratch.mjs";
import { releaseSnapshot } from "../src/snapshot.mjs";
import { publicPackages, repoRoot } from "../src/workspace.mjs";

const PUBLIC = ["@calldesk/api-types", "@calldesk/client", "@calldesk/docs", "@calldesk/sandbox"];

describe("release:local", () => {
  it("publishes every public package and a fresh npm consumer uses them as ESM and CJS", async () => {
    const lines: string[] = [];
    await releaseLocal({ build: false, log: (line) => lines.push(line) });
    expect(
      publicPackages()
        .map(({ manifest }) => manifest.name)
        .sort(),
    ).toEqual(PUBLIC);
    expect(lines.filter((line) => line.startsWith("  published "))).toHaveLength(PUBLIC.length);
    expect(lines.find((line) => line.startsWith("  esm: "))).toMatch(
      /^ {2}esm: created call_[a-z0-9]+ \(queued\)$/,
    );
    expect(lines.find((line) => line.startsWith("  cjs: "))).toMatch(
      /^ {2}cjs: created call_[a-z0-9]+ \(queued\)$/,
    );
    expect(lines.at(-1)).toBe("release:local passed.");
  });
});

describe("releases in a row", () => {
  let work = "";
  let registry: Awaited<ReturnType<typeof startRegistry>>;
  let scratch: ReturnType<typeof scratchWorkspace>;

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), "calldesk-releases-"));
    registry = await startRegistry({ dir: join(work, "registry") });
    scratch = scratchWorkspace(repoRoot);
  });
  afterAll(async () => {
    scratch?.dispose();
    await registry?.close();
    await rm(work, { recursive: true, force: true });
  });

  it("a minor then a breaking major: versions, contract version, docs pages and a pinned consumer", async () => {
    const start = JSON.parse(
      readFileSync(join(scratch.root, "packages/client/package.json"), "utf8"),
    ).version;
    const [major, minor] = start.split(".").map(Number);

    writeChangeset(scratch.root, "minor", "Add a minor feature.");
    const first = release({ root: scratch.root, registry });
    expect(first).toBe(`${major}.${minor + 1}.0`);

    const consumer = createConsumer({ dir: join(work, "pinned"), registry, version: first });
    consumer.compile();
    expect(consumer.run().map((result) => result.status)).toEqual(["queued", "queued"]);

    // A breaking contract change: `male` is no longer a voice changer.
    const voiceChanger = join(scratch.root, "spec/openapi/components/schemas/VoiceChanger.yaml");
    writeFileSync(voiceChanger, readFileSync(voiceChanger, "utf8").replace("  - male\n", ""));
    writeChangeset(scratch.root, "major", "Remove the male voice changer.");
    const second = release({ root: scratch.root, registry });
    expect(second).toBe(`${major + 1}.0.0`);

    for (const name of PUBLIC) {
      expect(await publishedVersions(registry.url, name)).toEqual(expect.arrayContaining([first, second]));
    }
    const contract = readFileSync(join(scratch.root, "spec/openapi/openapi.yaml"), "utf8");
    expect(contract).toMatch(new RegExp(`^ {2}version: ${second.replaceAll(".", "\\.")}$`, "m"));

    const latest = createConsumer({ dir: join(work, "latest"), registry, version: second });
    expect(latest.docsPage(first)).toMatch(/index\.html$/);
    expect(readFileSync(latest.docsPage(second), "utf8")).toContain(second);

    // The consumer pinned to the first release still installs and compiles.
    consumer.install(first);
    consumer.compile();
    expect(consumer.run().map((result) => result.status)).toEqual(["queued", "queued"]);
  });

  it("a snapshot of a pull request installs under its own dist-tag", async () => {
    const version = await releaseSnapshot({ tag: "pr", registry, log: () => {} });
    expect(version).toMatch(/^0\.0\.0-pr-\d{14}$/);
    expect(await publishedVersions(registry.url, "@calldesk/client")).toContain(version);
    const { json: tags } = await registryRequest(
      "GET",
      `${registry.url}/-/package/@calldesk%2fclient/dist-tags`,
    );
    expect(tags.pr).toBe(version);
  });
});
