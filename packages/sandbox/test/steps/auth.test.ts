import { describe, expect, it } from "vitest";
import { NEXT } from "../../src/step.js";
import { auth } from "../../src/steps/auth.js";
import { exchangeFor, stateFor } from "./support.js";

describe("auth", () => {
  it("accepts a key of the contract's format, keeping only its hash", () => {
    const exchange = exchangeFor({ Authorization: "Bearer calldesk_Secret42" });
    expect(auth.run(exchange, stateFor())).toBe(NEXT);
    expect(exchange.account).toMatch(/^[\w-]{22}$/);
    expect(exchange.log).toEqual({ api_key: "calldesk_[redacted]" });
    expect(JSON.stringify(exchange)).not.toContain("Secret42");
  });

  it.each([
    [{}, "Send a valid API key", undefined],
    [{ Authorization: "Basic abc" }, "Send a valid API key", "[redacted]"],
    [{ Authorization: "Bearer sk_live_secret" }, "not valid for this sandbox", "[redacted]"],
    [{ Authorization: "Bearer calldesk_bad-key!" }, "not valid for this sandbox", "calldesk_[redacted]"],
  ])("answers %j 401 with WWW-Authenticate", (headers, detail, logged) => {
    const exchange = exchangeFor(headers);
    const answer = auth.run(exchange, stateFor());
    expect(answer).toMatchObject({
      status: 401,
      code: "unauthorized",
      headers: ["WWW-Authenticate", expect.any(String)],
    });
    expect(answer).toHaveProperty("detail", expect.stringContaining(detail));
    expect(exchange.log.api_key).toBe(logged);
  });

  it("with an allow-list, accepts only the keys on it", () => {
    const sandbox = stateFor({ apiKeys: ["calldesk_allowed1"] });
    expect(auth.run(exchangeFor({ Authorization: "Bearer calldesk_allowed1" }), sandbox)).toBe(NEXT);
    expect(auth.run(exchangeFor({ Authorization: "Bearer calldesk_other1" }), sandbox)).toMatchObject({
      status: 401,
    });
  });
});
