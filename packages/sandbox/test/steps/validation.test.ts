import { describe, expect, it } from "vitest";
import { NO_ERRORS } from "../../src/exchange.js";
import { NEXT } from "../../src/step.js";
import { validation } from "../../src/steps/validation.js";
import { requestDefaults, seedBody } from "../helpers.js";
import { exchangeFor, stateFor } from "./support.js";

describe("validation", () => {
  it("finds nothing wrong with the seed, and gives it the defaults of the fields it leaves out", () => {
    const exchange = exchangeFor();
    exchange.body = { ...seedBody };
    expect(validation.run(exchange, stateFor())).toBe(NEXT);
    expect(exchange.errors).toBe(NO_ERRORS);
    expect(exchange.body).toEqual({ ...requestDefaults, ...seedBody });
  });

  it("leaves an invalid body as it was sent", () => {
    const exchange = exchangeFor();
    exchange.body = { destination: "+0123" };
    validation.run(exchange, stateFor());
    expect(exchange.body).toEqual({ destination: "+0123" });
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
