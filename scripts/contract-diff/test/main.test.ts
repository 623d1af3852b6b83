// The CLI on two spec files outside any repository, in both OpenAPI versions: what a maintainer
// runs by hand with `pnpm contract:diff --base A --head B`.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { EXIT_OK, EXIT_UNRELEASED_BREAK } from "../src/errors.js";
import { run } from "../src/main.js";
import type { Doc } from "./fixtures/cases.js";
import { loadBase } from "./support.js";

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "contract-main-"));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function files(base: Doc, head: Doc): Promise<[string, string]> {
  const name = Math.random().toString(36).slice(2);
  const a = join(dir, `${name}-base.yaml`);
  const b = join(dir, `${name}-head.yaml`);
  await writeFile(a, stringify(base));
  await writeFile(b, stringify(head));
  return [a, b];
}

async function diff(
  a: string,
  b: string,
): Promise<{ code: number; json: { bump: string; changes: { rule: string; breaking: boolean }[] } }> {
  let out = "";
  const code = await run("diff", ["--base", a, "--head", b, "--format", "json"], {
    cwd: dir,
    out: (t) => {
      out += t;
    },
    err: () => {},
  });
  return { code, json: JSON.parse(out) };
}

describe("contract-diff --base A --head B", () => {
  it("compares two 3.0 files: a request property no longer nullable breaks", async () => {
    const base = await loadBase("3.0");
    const head = structuredClone(base);
    delete head.components.schemas.CreateCall.properties.note.nullable;
    const { code, json } = await diff(...(await files(base, head)));
    expect(code).toBe(EXIT_UNRELEASED_BREAK);
    expect(json.bump).toBe("major");
    expect(json.changes.filter((c) => c.breaking).map((c) => c.rule)).toEqual(["schema-type-changed"]);
  });

  it("compares two 3.1 files: a response narrowed by a pattern is a minor", async () => {
    const base = await loadBase();
    const head = structuredClone(base);
    head.components.schemas.Call.properties.id.pattern = "^call_";
    const { code, json } = await diff(...(await files(base, head)));
    expect(code).toBe(EXIT_OK);
    expect(json.bump).toBe("minor");
  });

  it("finds no change in a 3.0 to 3.1 migration", async () => {
    const base = await loadBase("3.0");
    const head = await loadBase();
    const { code, json } = await diff(...(await files(base, head)));
    expect(code).toBe(EXIT_OK);
    expect(json).toEqual({ bump: "none", changes: [] });
  });
});
