// Exactly-once under faults. CI runs 2,000 creates; `pnpm chaos` runs 50,000 (CHAOS_CREATES).
// A failure prints the seed: rerun with CHAOS_SEED=<seed> to replay the same faults.
import { describe, expect, it } from "vitest";
import { runChaos } from "../src/chaos.js";

const CREATES = Number(process.env.CHAOS_CREATES ?? 2000);
const SEED = Number(process.env.CHAOS_SEED ?? 20261126);

describe("chaos: client -> fault proxy -> sandbox", () => {
  it(`${CREATES} creates: no duplicate, no mis-reported outcome, every failure typed`, async () => {
    const report = await runChaos({ creates: CREATES, seed: SEED });
    console.log(`chaos report (seed ${SEED}):\n${JSON.stringify(report, null, 2)}`);
    expect(report.succeeded + report.failedKnown + report.failedUnknown).toBe(CREATES);
    expect({
      duplicates: report.duplicates,
      misreported: report.misreported,
      lostSuccesses: report.lostSuccesses,
      untypedErrors: report.untypedErrors,
    }).toEqual({ duplicates: 0, misreported: 0, lostSuccesses: 0, untypedErrors: 0 });
    // The faults really happened: every kind was injected at least once.
    for (const [fault, count] of Object.entries(report.faults)) {
      expect(count, `fault ${fault} never fired`).toBeGreaterThan(0);
    }
    expect(report.unknownButCreated).toBeGreaterThan(0);
  });

  it("catches a broken client that regenerates the idempotency key on retry", async () => {
    const report = await runChaos({ creates: 300, seed: SEED, regenerateKeyOnRetry: true });
    console.log(`broken-client chaos report (seed ${SEED}): duplicates=${report.duplicates}`);
    expect(report.duplicates).toBeGreaterThan(0);
  });
});
