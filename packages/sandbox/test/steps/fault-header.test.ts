import { describe, expect, it } from "vitest";
import { NO_FAULTS } from "../../src/faults.js";
import { NEXT } from "../../src/step.js";
import { faultHeader } from "../../src/steps/fault-header.js";
import { exchangeFor, stateFor } from "./support.js";

describe("fault-header", () => {
  it("leaves a request without the header and a server without faults alone", () => {
    const exchange = exchangeFor();
    expect(faultHeader.run(exchange, stateFor())).toBe(NEXT);
    expect(exchange.faults).toBe(NO_FAULTS);
    expect(exchange.log).toEqual({});
  });

  it("reads the header into the exchange's faults, latency and log line", () => {
    const exchange = exchangeFor({ "Sandbox-Fault": "latency=5, reset-after" });
    expect(faultHeader.run(exchange, stateFor())).toBe(NEXT);
    expect(exchange.faults).toMatchObject({ latencyMs: 5, resetAfter: true, resetBefore: false });
    expect(exchange.latencyMs).toBe(5);
    expect(exchange.log).toEqual({ faults: "latency=5,reset-after" });
  });

  it("adds the server's faults", () => {
    const exchange = exchangeFor();
    faultHeader.run(exchange, stateFor({ faults: { status: 503, statusRate: 1 } }));
    expect(exchange.faults.status).toBe(503);
    expect(exchange.log.faults).toBe("status=503");
  });

  it("answers 400 invalid_value for a header it does not understand", () => {
    expect(faultHeader.run(exchangeFor({ "Sandbox-Fault": "explode" }), stateFor())).toMatchObject({
      status: 400,
      code: "invalid_value",
      detail: expect.stringMatching(/^Sandbox-Fault: cannot use "explode"/),
    });
  });
});
