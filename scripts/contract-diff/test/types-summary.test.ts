import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { summariseTypes } from "../src/types-summary.js";
import { loadBase } from "./support.js";

describe("types summary", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "types-summary-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("names the changed, added and removed members of the generated types", async () => {
    const base = await loadBase();
    const head = structuredClone(base);
    head.components.schemas.Voice.enum = ["female", null];
    delete head.components.schemas.Call.properties.nickname;
    head.components.schemas.Call.properties.duration = { type: "integer" };
    await writeFile(join(dir, "base.json"), JSON.stringify(base));
    await writeFile(join(dir, "head.json"), JSON.stringify(head));
    const summary = await summariseTypes(join(dir, "base.json"), join(dir, "head.json"));
    expect(summary.changed).toContainEqual({
      name: "schemas.Voice",
      before: 'schemas.Voice: "male" | "female" | null',
      after: 'schemas.Voice: "female" | null',
    });
    expect(summary.removed).toContain("schemas.Call.nickname?");
    expect(summary.added).toContain("schemas.Call.duration?");
  });

  it("finds nothing when only descriptions change", async () => {
    const base = await loadBase();
    const head = structuredClone(base);
    head.components.schemas.Voice.description = "Reworded.";
    await writeFile(join(dir, "base.json"), JSON.stringify(base));
    await writeFile(join(dir, "head.json"), JSON.stringify(head));
    expect(await summariseTypes(join(dir, "base.json"), join(dir, "head.json"))).toEqual({
      added: [],
      removed: [],
      changed: [],
    });
  });
});
