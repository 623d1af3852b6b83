import { describe, expect, it } from "vitest";
import { NEXT } from "../../src/step.js";
import { quota } from "../../src/steps/quota.js";
import { exchangeFor, stateFor } from "./support.js";

describe("quota", () => {
  it("counts each request of an account and answers 429 once its quota is used up", () => {
    const sandbox = stateFor({ rateLimit: { limit: 1, windowSeconds: 60 } });
    const first = exchangeFor();
    first.account = "a";
    expect(quota.run(first, sandbox)).toBe(NEXT);
    expect(first.quota).toMatchObject({ allowed: true, remaining: 0 });

    const second = exchangeFor();
    second.account = "a";
    const answer = quota.run(second, sandbox);
    expect(answer).toMatchObject({
      status: 429,
      code: "rate_limited",
      detail: expect.stringMatching(/^The quota of 1 request per 60 seconds is exhausted; retry in \d+ s\.$/),
      headers: [
        "Retry-After",
        expect.stringMatching(/^\d+$/),
        "RateLimit-Policy",
        '"default";q=1;w=60',
        "RateLimit",
        expect.stringMatching(/^"default";r=0;t=\d+$/),
      ],
    });

    const other = exchangeFor();
    other.account = "b";
    expect(quota.run(other, sandbox)).toBe(NEXT);
  });
});
