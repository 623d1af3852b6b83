import { describe, expect, it } from "vitest";
import { NEXT } from "../../src/step.js";
import { route } from "../../src/steps/route.js";
import { callsPath } from "../helpers.js";
import { exchangeFor, stateFor } from "./support.js";

const preflight = { Origin: "http://console.test", "Access-Control-Request-Method": "POST" };

describe("route", () => {
  it("lets POST on the contract's path through to the other steps", () => {
    expect(route.run(exchangeFor(), stateFor())).toBe(NEXT);
  });

  it("answers another method on the contract's path 405 with Allow", () => {
    expect(route.run(exchangeFor({}, { method: "GET" }), stateFor())).toMatchObject({
      status: 405,
      code: "method_not_allowed",
      headers: ["Allow", "POST"],
    });
  });

  it.each([callsPath, "/api/v1/voice/nothing"])("answers a CORS preflight on %s with 204", (path) => {
    const sandbox = stateFor();
    expect(route.run(exchangeFor(preflight, { method: "OPTIONS", path }), sandbox)).toEqual({
      kind: "reply",
      status: 204,
      body: undefined,
      headers: sandbox.cors.preflight(),
      log: undefined,
    });
  });

  it("treats an OPTIONS that is not a preflight like any other method", () => {
    expect(route.run(exchangeFor({}, { method: "OPTIONS" }), stateFor())).toMatchObject({ status: 405 });
  });

  it("serves the inspection endpoints", () => {
    const sandbox = stateFor();
    sandbox.calls.add('{"call_id":"call_1"}');
    const list = route.run(exchangeFor({}, { method: "GET", path: "/_sandbox/calls" }), sandbox);
    expect(list).toMatchObject({ status: 200, body: '{"calls":[{"call_id":"call_1"}]}' });
    expect(route.run(exchangeFor({}, { path: "/_sandbox/reset" }), sandbox)).toMatchObject({ status: 204 });
    expect(sandbox.calls.size).toBe(0);
  });

  it("answers anything else 404, naming the method and (a bounded) path", () => {
    const answer = route.run(exchangeFor({}, { method: "DELETE", path: `/x${"y".repeat(300)}` }), stateFor());
    expect(answer).toMatchObject({
      status: 404,
      code: "not_found",
      detail: `No route for DELETE /x${"y".repeat(198)}.`,
    });
  });
});
