import { describe, expect, it } from "vitest";
import { resolveFaults } from "../../src/faults.js";
import { create } from "../../src/steps/create.js";
import { callOf, seedBody } from "../helpers.js";
import { exchangeFor, stateFor } from "./support.js";

function request(body: Record<string, unknown> = { ...seedBody }) {
  const exchange = exchangeFor();
  exchange.body = body;
  return exchange;
}

describe("create", () => {
  it("creates the call, keeps it for inspection and answers 201 with Location", () => {
    const sandbox = stateFor();
    const answer = create.run(request(), sandbox);
    expect(answer).toMatchObject({ kind: "reply", status: 201 });
    const { body, headers, log } = answer as { body: string; headers: string[]; log: { call_id: string } };
    const call = callOf({ status: 201, headers: new Headers(), body: JSON.parse(body) });
    expect(headers.slice(0, 6)).toEqual([
      "Content-Type",
      "application/json",
      "Location",
      call.links.self,
      "Idempotent-Replayed",
      "false",
    ]);
    expect(log).toEqual({ call_id: call.call_id });
    expect(sandbox.calls.toJson()).toBe(`{"calls":[${body}]}`);
  });

  it("stores the answer of a reserved Idempotency-Key and gives the reservation up", () => {
    const sandbox = stateFor();
    const exchange = request();
    sandbox.idempotency.begin("account:k", "fingerprint");
    exchange.reserved = "account:k";
    const { body } = create.run(exchange, sandbox) as { body: string };
    expect(exchange.reserved).toBeUndefined();
    expect(sandbox.idempotency.begin("account:k", "fingerprint")).toMatchObject({
      kind: "replay",
      answer: { status: 201, body },
    });
  });

  it("with reset-after, creates and stores the call but resets the connection", () => {
    const sandbox = stateFor();
    const exchange = request();
    exchange.faults = resolveFaults({ resetAfter: true }, {});
    const answer = create.run(exchange, sandbox);
    expect(answer).toEqual({ kind: "reset", log: { call_id: expect.stringMatching(/^call_/) } });
    expect(sandbox.calls.size).toBe(1);
  });
});
