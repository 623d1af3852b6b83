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

  it("catches a client that trusts a gateway's error answer, which the real client does not", async () => {
    // Only the faults where a gateway forwarded the create and then answered an error itself.
    const gateways = { "gateway-502": 0.2, "gateway-504": 0.2, "forwarded-500": 0.2 };
    const options = { creates: 300, seed: SEED, rates: gateways, refusedRate: 0, maxRetries: 1 };
    const trusting = await runChaos({ ...options, trustErrorAnswers: true });
    const real = await runChaos(options);
    console.log(
      `gateway-only chaos (seed ${SEED}, 300 creates, maxRetries 1): status-trusting client misreported=${trusting.misreported}; real client misreported=${real.misreported} duplicates=${real.duplicates} lostSuccesses=${real.lostSuccesses} failedUnknown=${real.failedUnknown}`,
    );
    expect(trusting.misreported).toBeGreaterThan(0);
    expect({
      misreported: real.misreported,
      duplicates: real.duplicates,
      lostSuccesses: real.lostSuccesses,
    }).toEqual({
      misreported: 0,
      duplicates: 0,
      lostSuccesses: 0,
    });
  });

  it("catches a broken client that regenerates the idempotency key on retry", async () => {
    const report = await runChaos({ creates: 300, seed: SEED, regenerateKeyOnRetry: true });
    console.log(`broken-client chaos report (seed ${SEED}): duplicates=${report.duplicates}`);
    expect(report.duplicates).toBeGreaterThan(0);
  });
});
