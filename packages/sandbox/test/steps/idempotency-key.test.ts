import { describe, expect, it } from "vitest";
import { NEXT } from "../../src/step.js";
import { idempotencyKey } from "../../src/steps/idempotency-key.js";
import { newKey } from "../helpers.js";
import { exchangeFor, stateFor } from "./support.js";

describe("idempotency-key", () => {
  it("lets a request without the header through", () => {
    const exchange = exchangeFor();
    expect(idempotencyKey.run(exchange, stateFor())).toBe(NEXT);
    expect(exchange.idempotencyKey).toBeUndefined();
  });

  it("keeps a UUID for the idempotency step and the log line", () => {
    const key = newKey();
    const exchange = exchangeFor({ "Idempotency-Key": key });
    expect(idempotencyKey.run(exchange, stateFor())).toBe(NEXT);
    expect(exchange.idempotencyKey).toBe(key);
    expect(exchange.log).toEqual({ idempotency_key: key });
  });

  it.each(["not-a-uuid", "550e8400e29b41d4a716446655440000", ""])(
    "answers %j 400 invalid_idempotency_key",
    (key) => {
      const exchange = exchangeFor({ "Idempotency-Key": key });
      expect(idempotencyKey.run(exchange, stateFor())).toMatchObject({
        status: 400,
        code: "invalid_idempotency_key",
      });
      expect(exchange.log).toEqual({});
    },
  );
});
