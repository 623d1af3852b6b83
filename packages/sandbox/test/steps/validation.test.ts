import { describe, expect, it } from "vitest";
import { NO_ERRORS } from "../../src/exchange.js";
import { NEXT } from "../../src/step.js";
import { validation } from "../../src/steps/validation.js";
import { seedBody } from "../helpers.js";
import { exchangeFor, stateFor } from "./support.js";

describe("validation", () => {
  it("finds nothing wrong with the seed", () => {
    const exchange = exchangeFor();
    exchange.body = { ...seedBody };
    expect(validation.run(exchange, stateFor())).toBe(NEXT);
    expect(exchange.errors).toBe(NO_ERRORS);
  });

  it("collects every invalid field for the next step, answering nothing itself", () => {
    const exchange = exchangeFor();
    exchange.body = { destination: "+0123", record: "yes", colour: "red" };
    expect(validation.run(exchange, stateFor())).toBe(NEXT);
    expect(exchange.errors.map((error) => [error.pointer, error.code])).toEqual([
      ["/caller_id", "missing_field"],
      ["/destination", "invalid_e164"],
      ["/record", "invalid_type"],
      ["/colour", "unknown_field"],
    ]);
  });
});
