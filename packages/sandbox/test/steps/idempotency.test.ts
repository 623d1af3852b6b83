import { describe, expect, it } from "vitest";
import { IN_FLIGHT_RETRY_AFTER_SECONDS } from "../../src/idempotency.js";
import { NEXT } from "../../src/step.js";
import { idempotency } from "../../src/steps/idempotency.js";
import { seedBody } from "../helpers.js";
import { exchangeFor, stateFor } from "./support.js";

function keyed(key: string | undefined, body: Record<string, unknown> = seedBody) {
  const exchange = exchangeFor();
  exchange.account = "account";
  exchange.idempotencyKey = key;
  exchange.body = body;
  return exchange;
}

describe("idempotency", () => {
  it("lets a request without a key through, reserving nothing", () => {
    const exchange = keyed(undefined);
    expect(idempotency.run(exchange, stateFor())).toBe(NEXT);
    expect(exchange.reserved).toBeUndefined();
  });

  it("reserves a new key per account; the same key in flight is 409, another body 422", () => {
    const sandbox = stateFor();
    const first = keyed("k");
    expect(idempotency.run(first, sandbox)).toBe(NEXT);
    expect(first.reserved).toBe("account:k");
    expect(idempotency.run(keyed("k"), sandbox)).toMatchObject({
      status: 409,
      code: "idempotency_key_in_use",
      headers: ["Retry-After", String(IN_FLIGHT_RETRY_AFTER_SECONDS)],
    });
    expect(idempotency.run(keyed("k", { ...seedBody, record: false }), sandbox)).toMatchObject({
      status: 422,
      code: "idempotency_key_reused",
    });
    const otherAccount = keyed("k");
    otherAccount.account = "other";
    expect(idempotency.run(otherAccount, sandbox)).toBe(NEXT);
  });

  it("replays a stored answer with the current quota and Idempotent-Replayed: true", () => {
    const sandbox = stateFor();
    idempotency.run(keyed("k"), sandbox);
    sandbox.idempotency.complete("account:k", { status: 201, body: "{}", headers: ["Location", "/x"] });
    const replay = keyed("k", { ...seedBody });
    replay.quota = { allowed: true, remaining: 7, resetSeconds: 1 };
    expect(idempotency.run(replay, sandbox)).toEqual({
      kind: "reply",
      status: 201,
      body: "{}",
      headers: [
        "Location",
        "/x",
        "RateLimit-Policy",
        '"default";q=1000;w=1',
        "RateLimit",
        '"default";r=7;t=1',
        "Idempotent-Replayed",
        "true",
      ],
      log: { replayed: true },
    });
  });
});
