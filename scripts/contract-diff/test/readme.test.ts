// The README's table of disputed cases is a promise: each row names the fixture that pins it, and
// the row's verdict must be the one that fixture expects (engine.test.ts checks the engine gives it).
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { cases } from "./fixtures/cases.js";
import { kinds } from "./fixtures/kinds.js";

const fixtures = new Map([...cases, ...kinds].map((c) => [c.name, c]));

async function disputedRows(): Promise<{ case: string; ours: string; fixture: string }[]> {
  const readme = await readFile(new URL("../README.md", import.meta.url), "utf8");
  const table = /<!-- disputed:start -->\n([\s\S]*?)<!-- disputed:end -->/.exec(readme)?.[1] ?? "";
  return table
    .split("\n")
    .filter((line) => line.startsWith("| ") && !line.startsWith("| Case") && !line.startsWith("| ---"))
    .map((line) => {
      const cells = line.split(" | ").map((c) => c.replace(/^\| |\|$/g, "").trim());
      return { case: cells[0] ?? "", ours: cells[3] ?? "", fixture: (cells[5] ?? "").replace(/^`|`$/g, "") };
    });
}

describe("README disputed cases", () => {
  it("has rows", async () => {
    expect((await disputedRows()).length).toBeGreaterThanOrEqual(30);
  });

  it("points every row at a fixture with the same verdict", async () => {
    for (const row of await disputedRows()) {
      const fixture = fixtures.get(row.fixture);
      expect(fixture, `${row.case}: no fixture named '${row.fixture}'`).toBeDefined();
      const saysBreaking = row.ours.includes("**breaking**");
      expect(saysBreaking, `${row.case}: README says '${row.ours}'`).toBe(fixture?.expect.breaking);
    }
  });
});
