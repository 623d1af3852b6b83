import { describe, expect, it } from "vitest";
import { RateLimiter } from "../src/rate-limit.js";

describe("RateLimiter", () => {
  it("allows `limit` requests per window and key, then refuses until the window ends", () => {
    let now = 0;
    const limiter = new RateLimiter({ limit: 2, windowSeconds: 10 }, () => now);
    expect(limiter.take("a")).toEqual({ allowed: true, remaining: 1, resetSeconds: 10 });
    expect(limiter.take("a").remaining).toBe(0);
    now = 4000;
    expect(limiter.take("a")).toEqual({ allowed: false, remaining: 0, resetSeconds: 6 });
    expect(limiter.take("b").allowed).toBe(true);
    now = 10_000;
    expect(limiter.take("a").allowed).toBe(true);
  });

  it("formats the IETF RateLimit headers", () => {
    const limiter = new RateLimiter({ limit: 100, windowSeconds: 60 });
    expect(limiter.policy).toBe('"default";q=100;w=60');
    expect(limiter.header({ allowed: true, remaining: 99, resetSeconds: 60 })).toBe('"default";r=99;t=60');
  });

  it("refuses a quota that is not a positive integer", () => {
    expect(() => new RateLimiter({ limit: 0, windowSeconds: 1 })).toThrow(/limit/);
    expect(() => new RateLimiter({ limit: 1, windowSeconds: 0.5 })).toThrow(/windowSeconds/);
  });
});
