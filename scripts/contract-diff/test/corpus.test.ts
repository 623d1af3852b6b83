// The audit corpus as a regression suite: every pair goes through the engine in-process (no
// Redocly: both sides are already single documents) and must get the verdict its case states.
// The peers' pairs run under the default policy, the mutations of our contract under ours.
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { diffDocuments } from "../src/engine.js";
import { defaultPolicy, loadPolicy, type Policy } from "../src/policy.js";
import type { Pair } from "./corpus/case.js";
import { ourMutations, readContract } from "./corpus/ours.js";
import { peers } from "./corpus/peers.js";

const repoPolicy = await loadPolicy(fileURLToPath(new URL("../../../spec/redocly.yaml", import.meta.url)));
const ours = ourMutations(readContract(), repoPolicy);

/** What a failure prints below the verdict: why the case expects it, and what the engine said. */
function explain(c: Pair, changes: ReturnType<typeof diffDocuments>["changes"]): string {
  const lines = [
    `${c.id}: ${c.change}`,
    `expected ${c.breaking ? "breaking" : "not breaking"} (${c.basis}; ${c.source})${c.note ? `: ${c.note}` : ""}`,
  ];
  if (c.gap) {
    lines.push(
      `known gap, so the engine's current verdict is expected: ${c.gap}`,
      "If the engine now gives the case's verdict, the gap is fixed: delete the case's `gap`.",
    );
  }
  lines.push(
    "engine:",
    ...changes.map((ch) => `  ${ch.breaking ? "BREAKING" : ch.bump} ${ch.rule}: ${ch.message}`),
  );
  if (changes.length === 0) {
    lines.push("  (no change)");
  }
  return lines.join("\n");
}

function check(c: Pair, policy: Policy): void {
  const result = diffDocuments(c.base, c.head, policy);
  const breaking = result.changes.some((change) => change.breaking);
  // The bump is asserted only where the case states it; a gap expects the engine's current verdict.
  const got = { breaking, ...(c.bump ? { bump: result.bump } : {}) };
  const expected = { breaking: c.gap ? !c.breaking : c.breaking, ...(c.bump ? { bump: c.bump } : {}) };
  expect(got, explain(c, result.changes)).toEqual(expected);
}

describe("corpus: the peers' catalogue (default policy)", () => {
  for (const c of peers) {
    it(`${c.id}: ${c.change}`, () => check(c, defaultPolicy()));
  }
});

describe("corpus: single edits of our contract (spec/redocly.yaml policy)", () => {
  for (const c of ours) {
    it(`${c.id}: ${c.change}`, () => check(c, repoPolicy));
  }
});

describe("corpus", () => {
  it("names every case once, so a failure names one case", () => {
    const ids = [...peers, ...ours].map((c) => c.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });
});
