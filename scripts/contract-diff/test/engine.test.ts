import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parsePolicy } from "../src/policy.js";
import type { Scratch } from "../src/sources.js";
import { type Case, cases } from "./fixtures/cases.js";
import { kinds } from "./fixtures/kinds.js";
import { type Outcome, runCases } from "./support.js";

const all = [...cases, ...kinds];
let outcomes: Outcome[] = [];
let work: Scratch | undefined;

beforeAll(async () => {
  ({ outcomes, work } = await runCases(all));
});

afterAll(async () => {
  await work?.dispose();
});

describe("fixture suite", () => {
  it("covers every row of the section 6 checklist and at least 40 pairs", () => {
    const rows = new Set(cases.flatMap((c) => (c.row === undefined ? [] : [c.row])));
    expect([...rows].sort((a, b) => a - b)).toEqual(Array.from({ length: 43 }, (_, i) => i + 1));
    expect(cases.length).toBeGreaterThanOrEqual(40);
  });

  it("has a unique name for every case (the README's policy table points at them)", () => {
    expect(new Set(all.map((c) => c.name)).size).toBe(all.length);
  });

  it("never shows a missing value as `undefined` in a message", () => {
    const messages = outcomes.flatMap(
      (outcome) => outcome.result?.changes.map((change) => change.message) ?? [],
    );
    expect(messages.length).toBeGreaterThan(all.length);
    expect(messages.filter((message) => /\bundefined\b/.test(message))).toEqual([]);
  });

  it.each(
    all.map(
      (c, i) => [c.row ? `row ${c.row}: ${c.name}` : c.kind ? `${c.kind}: ${c.name}` : c.name, i] as const,
    ),
  )("%s", (_, i) => {
    const c = all[i];
    const result = outcomes[i]?.result;
    expect(c).toBeDefined();
    expect(result).toBeDefined();
    if (!c || !result) {
      return;
    }
    const breaking = result.changes.filter((change) => change.breaking);
    expect(
      { breaking: breaking.length > 0, bump: result.bump },
      JSON.stringify(result.changes, null, 2),
    ).toEqual({
      breaking: c.expect.breaking,
      bump: c.expect.bump,
    });
    if (c.expect.rule) {
      // A breaking case names the rule that breaks; any other names the rule of one of its changes.
      const rules = (c.expect.breaking ? breaking : result.changes).map((change) => change.rule);
      expect(rules, JSON.stringify(result.changes, null, 2)).toContain(c.expect.rule);
    }
    for (const change of breaking) {
      expect(change.operation ?? change.pointer).toBeTruthy();
      expect(change.message.length).toBeGreaterThan(0);
    }
  });
});

describe("policy overrides", () => {
  const byName = (name: string): Case => {
    const found = cases.find((c) => c.name === name);
    if (!found) {
      throw new Error(`no case named ${name}`);
    }
    return found;
  };
  const picked = [
    byName("$ref: shared Voice enum gains a value (response side breaks)"),
    byName("error status removed"),
    byName("operationId renamed"),
    byName("request maxLength decreased"),
  ];
  const policy = parsePolicy(
    [
      "diff:",
      "  operation-id-changed: off",
      "x-contract-diff:",
      "  rules:",
      "    error-response-removed: minor",
      "  extensible-enums: [Voice]",
    ].join("\n"),
    "redocly.yaml",
  );
  let results: Outcome[] = [];
  let scratchDir: Scratch | undefined;
  beforeAll(async () => {
    ({ outcomes: results, work: scratchDir } = await runCases(picked, policy));
  });
  afterAll(async () => {
    await scratchDir?.dispose();
  });

  it("weighs each verdict by the policy: open enums, lowered and disabled rules", () => {
    const summary = results.map((o) => ({
      breaking: o.result.changes.some((c) => c.breaking),
      bump: o.result.bump,
    }));
    expect(summary).toEqual([
      { breaking: false, bump: "minor" },
      { breaking: false, bump: "minor" },
      { breaking: false, bump: "patch" },
      { breaking: true, bump: "major" },
    ]);
  });
});
