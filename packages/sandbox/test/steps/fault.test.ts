import { describe, expect, it } from "vitest";
import { resolveFaults } from "../../src/faults.js";
import { NEXT } from "../../src/step.js";
import { fault } from "../../src/steps/fault.js";
import { exchangeFor, stateFor } from "./support.js";

function withFaults(header: Parameters<typeof resolveFaults>[0]) {
  const exchange = exchangeFor();
  exchange.faults = resolveFaults(header, {});
  return exchange;
}

describe("fault", () => {
  it("lets a request without faults through to the creation", () => {
    expect(fault.run(exchangeFor(), stateFor())).toBe(NEXT);
    expect(fault.run(withFaults({ resetAfter: true, latencyMs: 5 }), stateFor())).toBe(NEXT);
  });

  it("resets the connection for reset-before", () => {
    expect(fault.run(withFaults({ resetBefore: true }), stateFor())).toEqual({
      kind: "reset",
      log: undefined,
    });
  });

  it.each([
    [500, "internal_error", undefined],
    [502, "internal_error", undefined],
    [503, "service_unavailable", ["Retry-After", "1"]],
  ] as const)("answers status=%i instead of the call", (status, code, headers) => {
    expect(fault.run(withFaults({ status }), stateFor())).toMatchObject({
      status,
      code,
      headers,
      detail: `Injected fault: ${status}; no call was created. Retry with the same Idempotency-Key.`,
    });
  });
});
