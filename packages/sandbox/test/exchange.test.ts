import { describe, expect, it } from "vitest";
import { NO_FAULTS } from "../src/faults.js";
import { exchangeFor } from "./steps/support.js";

describe("Exchange", () => {
  it("keeps the path without the query, and starts with nothing learnt", () => {
    const exchange = exchangeFor({}, { path: "/api/v1/voice/calls?debug=1" });
    expect(exchange.path).toBe("/api/v1/voice/calls");
    expect(exchange).toMatchObject({
      step: 0,
      latencyMs: 0,
      latencyDone: false,
      faults: NO_FAULTS,
      reserved: undefined,
    });
    expect(exchange.log).toEqual({});
  });
});
