import { describe, expect, it } from "vitest";
import { RateLimiter } from "../src/rate-limit.js";
import {
  type Answer,
  callsPath,
  newKey,
  post,
  problemOf,
  seedBody,
  seedHeaders,
  untilInFlight,
  useSandbox,
} from "./helpers.js";

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

// The contract: the quota counts every request that passes authentication, whatever its answer.
// Each case reads the key's remaining quota from a 201 before and after one request.
describe("the quota over HTTP", () => {
  const body = (changes: Record<string, unknown>) => ({ ...seedBody, ...changes });
  /** A setup (given the sandbox's url and a fresh Idempotency-Key), then the request counted or not. */
  type Case = [
    name: string,
    setup: (url: string, key: string) => Promise<unknown>,
    ask: (url: string, key: string) => Promise<unknown>,
  ];
  const none = async () => undefined;
  const placed = (url: string, key: string) => post(url, seedBody, { "Idempotency-Key": key });
  const held = async (url: string, key: string) => {
    // Held until the sandbox closes after the test.
    void post(url, seedBody, { "Idempotency-Key": key, "Sandbox-Fault": "latency=600000" });
    expect((await untilInFlight(url, key)).status).toBe(409);
  };
  const expectStatus = async (answer: Promise<Answer>, status: number) => {
    expect((await answer).status).toBe(status);
  };

  const counted: Case[] = [
    ["201", none, (url) => expectStatus(post(url, seedBody), 201)],
    ["a replay", placed, (url, key) => expectStatus(post(url, seedBody, { "Idempotency-Key": key }), 201)],
    [
      "422 idempotency_key_reused",
      placed,
      (url, key) => expectStatus(post(url, body({ record: false }), { "Idempotency-Key": key }), 422),
    ],
    [
      "409 idempotency_key_in_use",
      held,
      (url, key) => expectStatus(post(url, seedBody, { "Idempotency-Key": key }), 409),
    ],
    ["400 malformed_json", none, (url) => expectStatus(post(url, "{"), 400)],
    [
      "400 invalid_idempotency_key",
      none,
      (url) => expectStatus(post(url, seedBody, { "Idempotency-Key": "x" }), 400),
    ],
    ["413", none, (url) => expectStatus(post(url, `"${"x".repeat(70_000)}"`), 413)],
    ["415", none, (url) => expectStatus(post(url, seedBody, { "Content-Type": "text/plain" }), 415)],
    ["422 validation_failed", none, (url) => expectStatus(post(url, body({ destination: "1" })), 422)],
    [
      "422 (caller ID not verified)",
      none,
      (url) => expectStatus(post(url, body({ caller_id: "+14155550100" })), 422),
    ],
    ["429 (test number)", none, (url) => expectStatus(post(url, body({ destination: "+14155550129" })), 429)],
    ["500 (test number)", none, (url) => expectStatus(post(url, body({ destination: "+14155550150" })), 500)],
    ["503 (test number)", none, (url) => expectStatus(post(url, body({ destination: "+14155550153" })), 503)],
    [
      "an injected 502",
      none,
      (url) => expectStatus(post(url, seedBody, { "Sandbox-Fault": "status=502" }), 502),
    ],
    [
      "a reset before processing",
      none,
      (url) => expect(post(url, seedBody, { "Sandbox-Fault": "reset-before" })).rejects.toThrow(),
    ],
    [
      "a reset after the call",
      none,
      (url) => expect(post(url, seedBody, { "Sandbox-Fault": "reset-after" })).rejects.toThrow(),
    ],
  ];

  const notCounted: Case[] = [
    ["401 without a key", none, (url) => expectStatus(post(url, seedBody, { Authorization: "" }), 401)],
    [
      "401 with a key not accepted",
      none,
      (url) => expectStatus(post(url, seedBody, { Authorization: "Bearer nope" }), 401),
    ],
    [
      "another API key's request",
      none,
      (url) => expectStatus(post(url, seedBody, { Authorization: "Bearer calldesk_other" }), 201),
    ],
    // Answered before the key is looked at: the request never passes authentication.
    [
      "404 (a call's link), with the key",
      none,
      (url) => expectStatus(post(url, seedBody, {}, `${callsPath}/call_abc`), 404),
    ],
    [
      "405, with the key",
      none,
      async (url) => expect((await fetch(`${url}${callsPath}`, { headers: seedHeaders })).status).toBe(405),
    ],
    [
      "400 Sandbox-Fault not understood, with the key",
      none,
      (url) => expectStatus(post(url, seedBody, { "Sandbox-Fault": "x" }), 400),
    ],
    [
      "the inspection endpoint",
      none,
      async (url) => expect((await fetch(`${url}/_sandbox/calls`)).status).toBe(200),
    ],
  ];

  /** What is left of the key's quota, read from a 201 (itself counted). */
  async function remaining(url: string): Promise<number> {
    const answer = await post(url, seedBody);
    expect(answer.status).toBe(201);
    return Number(/;r=(\d+);/.exec(answer.headers.get("ratelimit") ?? "")?.[1]);
  }

  it.each([
    ...counted.map(([name, setup, ask]): [string, Case[1], Case[2], number] => [
      `${name} counts`,
      setup,
      ask,
      1,
    ]),
    ...notCounted.map(([name, setup, ask]): [string, Case[1], Case[2], number] => [
      `${name} does not count`,
      setup,
      ask,
      0,
    ]),
  ])("%s", async (_name, setup, ask, count) => {
    const { url } = await useSandbox({ rateLimit: { limit: 1_000_000, windowSeconds: 3600 } });
    const key = newKey();
    await setup(url, key);
    const before = await remaining(url);
    await ask(url, key);
    expect(before - (await remaining(url))).toBe(count + 1);
  });

  it("refuses the request after the last one the quota allows, whatever those answered", async () => {
    const { url } = await useSandbox({ rateLimit: { limit: 4, windowSeconds: 3600 } });
    await expectStatus(post(url, "{"), 400);
    await expectStatus(post(url, seedBody, { "Content-Type": "text/plain" }), 415);
    expect(await remaining(url)).toBe(1);
    await expectStatus(post(url, body({ destination: "1" })), 422);
    const refused = await post(url, seedBody);
    expect(refused.status).toBe(429);
    expect(problemOf(refused).code).toBe("rate_limited");
  });
});
