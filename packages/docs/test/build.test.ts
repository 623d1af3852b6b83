// The build as a whole: byte-identical output, the versioned tree, the release step that keeps a
// version, and the guard that keeps the page free of remote resources.
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { testNumbers } from "@calldesk/sandbox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assertNoRemoteResources, buildDocs, freezeCurrent } from "../src/build.js";
import { problemTypes } from "../src/content.js";
import { loadBundle, objectAt } from "./helpers.js";

const doc = loadBundle();
const version = String(objectAt(doc, doc.info).version);
let work: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "calldesk-docs-build-"));
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

async function tree(dir: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const entry of (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) =>
    e.isFile(),
  )) {
    const path = join(entry.parentPath, entry.name);
    files.set(path.slice(dir.length + 1), await readFile(path));
  }
  return files;
}

describe("buildDocs", () => {
  it("gives byte-identical HTML when run twice", async () => {
    const emptyVersions = join(work, "no-versions");
    const first = await buildDocs({ outDir: join(work, "first"), versionsDir: emptyVersions });
    const second = await buildDocs({ outDir: join(work, "second"), versionsDir: emptyVersions });
    expect(first).toEqual(second);
    expect(first.files).toEqual([
      `${version}/index.html`,
      "errors.json",
      "index.html",
      "latest/index.html",
      "versions.js",
    ]);
    const [a, b] = [await tree(join(work, "first")), await tree(join(work, "second"))];
    expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
    for (const [name, bytes] of a) {
      expect(bytes.equals(b.get(name) ?? Buffer.alloc(0)), name).toBe(true);
    }
    const page = a.get(`${version}/index.html`)?.toString("utf8") ?? "";
    expect(a.get("latest/index.html")?.equals(Buffer.from(page))).toBe(true);
    expect(page).toContain(`<title>${String(objectAt(doc, doc.info).title)} ${version}</title>`);
    expect(page).toContain('<html lang="en">');
    // The sandbox's numbers come from @calldesk/sandbox, not from a copy.
    for (const entry of testNumbers) {
      expect(page).toContain(entry.number);
    }
  });

  it("keeps released versions beside the current one and lists them newest first", async () => {
    const versions = join(work, "versions");
    await mkdir(join(versions, "0.0.1"), { recursive: true });
    await writeFile(join(versions, "0.0.1", "index.html"), "<!DOCTYPE html><title>0.0.1</title>");
    await mkdir(join(versions, "not-a-version"), { recursive: true });
    const outDir = join(work, "versioned");
    // A stale page from an earlier build must not survive.
    await mkdir(join(outDir, "0.0.0"), { recursive: true });
    await writeFile(join(outDir, "0.0.0", "index.html"), "stale");

    const result = await buildDocs({ outDir, versionsDir: versions });
    expect(result.versions).toEqual([version, "0.0.1"]);
    expect(await readFile(join(outDir, "0.0.1", "index.html"), "utf8")).toContain("<title>0.0.1</title>");
    expect(await readdir(outDir)).not.toContain("0.0.0");
    expect(await readdir(outDir)).not.toContain("not-a-version");
    const index = await readFile(join(outDir, "index.html"), "utf8");
    expect(index.indexOf(`./${version}/index.html`)).toBeLessThan(index.indexOf("./0.0.1/index.html"));
    expect(index).toContain("./latest/index.html");

    // The in-page switcher's list (next to the pages) names every version, newest first, and
    // the kept page itself was copied byte for byte.
    expect(await readFile(join(outDir, "versions.js"), "utf8")).toBe(
      `window.calldeskDocsVersions = ${JSON.stringify({ latest: version, versions: [version, "0.0.1"] })};\n`,
    );

    // The release step: the current page becomes a kept version.
    const kept = join(work, "kept");
    expect(await freezeCurrent({ outDir, versionsDir: kept })).toBe(version);
    const frozen = await readFile(join(kept, version, "index.html"));
    expect(frozen.equals(await readFile(join(outDir, "latest", "index.html")))).toBe(true);
    // It loads the switcher's list from next to it rather than carrying one, so it stays frozen.
    expect(frozen.toString("utf8")).toContain('<script src="../versions.js"></script>');
  });

  it("writes where each problem type's /errors/<slug> leads", async () => {
    const outDir = join(work, "errors");
    await buildDocs({ outDir, versionsDir: join(work, "no-versions") });
    const anchors = JSON.parse(await readFile(join(outDir, "errors.json"), "utf8")) as Record<string, string>;
    expect(Object.keys(anchors)).toEqual(problemTypes(doc).map((type) => type.slug));
    expect(anchors["validation-failed"]).toBe("latest/index.html#description/validation-failed");
  });

  it("refuses a kept version newer than the contract", async () => {
    const versions = join(work, "newer");
    await mkdir(join(versions, "99.0.0"), { recursive: true });
    await writeFile(join(versions, "99.0.0", "index.html"), "x");
    await expect(buildDocs({ outDir: join(work, "refused"), versionsDir: versions })).rejects.toThrow(
      /99\.0\.0/,
    );
  });
});

describe("assertNoRemoteResources", () => {
  it("accepts inline scripts, whatever URLs their code holds", () => {
    expect(() =>
      assertNoRemoteResources(
        '<script>const a = "<img src=https://x.example/a.png>";</script><script src="../versions.js"></script>',
      ),
    ).not.toThrow();
  });

  it("fails on a remote script, stylesheet or image in the page itself", () => {
    expect(() => assertNoRemoteResources('<script src="https://cdn.example/x.js"></script>')).toThrow(
      /remote resource/,
    );
    expect(() => assertNoRemoteResources('<link rel="stylesheet" href="//fonts.example/x.css">')).toThrow(
      /remote resource/,
    );
    expect(() => assertNoRemoteResources('<img src="http://example.com/logo.svg">')).toThrow(
      /remote resource/,
    );
  });
});
