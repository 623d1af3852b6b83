import { describe, expect, it } from "vitest";
import {
  AbortError,
  APIError,
  ConflictError,
  ConnectionError,
  createCalldeskClient,
  InternalServerError,
  OutcomeUnknownError,
  RateLimitError,
  TimeoutError,
  UnprocessableEntityError,
} from "../src/index.js";
import { errorCode, neverSent } from "../src/transport.js";
import {
  type Answer,
  API_KEY,
  created,
  documentedStatuses,
  fetchFailed,
  instant,
  problem,
  seedRequest,
  stubFetch,
} from "./helpers.js";

const client = (fetch: ReturnType<typeof stubFetch>["fetch"], extra = {}) => {
  const timing = instant();
  return {
    timing,
    client: createCalldeskClient({ apiKey: API_KEY, fetch, ...timing, ...extra }),
  };
};

describe("which answers are retried", () => {
  // Every documented error status, plus 408 and 502 which HTTP intermediaries send.
  const statuses = [...new Set([...documentedStatuses.filter((s) => s >= 400), 408, 502])].sort();
  const retried = new Set([408, 409, 429, 500, 502, 503]);

  it.each(statuses)("status %i", async (status) => {
    const { fetch, calls } = stubFetch({
      status,
      body: { status, code: "x", title: "t", type: "about:blank", request_id: "r" },
    });
    const { client: c } = client(fetch);
    const error = await c.calls.create(seedRequest()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIError);
    expect((error as APIError).status).toBe(status);
    // maxRetries defaults to 2: three attempts for a retried status, one otherwise.
    expect(calls).toHaveLength(retried.has(status) ? 3 : 1);
    expect((error as APIError).attempts).toBe(calls.length);
  });

  it("stops retrying at the first definite answer", async () => {
    const { fetch, calls } = stubFetch(problem(503), problem(500), created());
    const { client: c } = client(fetch);
    const call = await c.calls.create(seedRequest());
    expect(calls).toHaveLength(3);
    expect(call.lastResponse.attempts).toBe(3);
  });

  it("retries connection errors and lost answers, then succeeds", async () => {
    const { fetch, calls } = stubFetch(fetchFailed("ECONNREFUSED"), fetchFailed("ECONNRESET"), created());
    const { client: c } = client(fetch);
    await expect(c.calls.create(seedRequest())).resolves.toMatchObject({ status: "queued" });
    expect(calls).toHaveLength(3);
  });

  it("honours maxRetries: 0", async () => {
    const { fetch, calls } = stubFetch(problem(503));
    const { client: c } = client(fetch, { maxRetries: 0 });
    await expect(c.calls.create(seedRequest())).rejects.toBeInstanceOf(InternalServerError);
    expect(calls).toHaveLength(1);
  });

  it("throws ConflictError when a 409 outlasts the retries", async () => {
    const { fetch, calls } = stubFetch(problem(409));
    const { client: c } = client(fetch, { maxRetries: 4 });
    const error = await c.calls.create(seedRequest()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect(error).toMatchObject({ code: "idempotency_key_in_use", attempts: 5 });
    expect(calls).toHaveLength(5);
  });
});

describe("the Idempotency-Key", () => {
  it("is one generated UUID, the same on every attempt", async () => {
    const { fetch, calls } = stubFetch(fetchFailed("ECONNRESET"), problem(500), created());
    const { client: c } = client(fetch);
    const call = await c.calls.create(seedRequest());
    const keys = calls.map((x) => x.headers["idempotency-key"]);
    expect(new Set(keys).size).toBe(1);
    expect(keys[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(call.lastResponse.idempotencyKey).toBe(keys[0]);
    // The body is buffered once and sent again, byte for byte.
    expect(new Set(calls.map((x) => x.body)).size).toBe(1);
    expect(JSON.parse(calls[0]?.body as string)).toEqual(seedRequest());
  });

  it("is the caller's when given", async () => {
    const key = crypto.randomUUID();
    const { fetch, calls } = stubFetch(problem(429, { "retry-after": "0" }), created());
    const { client: c } = client(fetch);
    await c.calls.create(seedRequest(), { idempotencyKey: key });
    expect(calls.map((x) => x.headers["idempotency-key"])).toEqual([key, key]);
  });

  it("differs between two creates", async () => {
    const { fetch, calls } = stubFetch(created());
    const { client: c } = client(fetch);
    await c.calls.create(seedRequest());
    await c.calls.create(seedRequest());
    expect(calls[0]?.headers["idempotency-key"]).not.toBe(calls[1]?.headers["idempotency-key"]);
  });

  it("is rejected with CR or LF before anything is sent", async () => {
    const { fetch, calls } = stubFetch(created());
    const { client: c } = client(fetch);
    await expect(c.calls.create(seedRequest(), { idempotencyKey: "a\r\nx-evil: 1" })).rejects.toThrow(
      /idempotencyKey/,
    );
    expect(calls).toHaveLength(0);
  });
});

describe("waits between attempts", () => {
  it("back off exponentially (500 ms, 1 s, 2 s ...) minus up to 25 % jitter", async () => {
    const { fetch } = stubFetch(problem(500));
    const waits: number[] = [];
    const c = createCalldeskClient({
      apiKey: API_KEY,
      fetch,
      maxRetries: 5,
      sleep: async (ms) => void waits.push(ms),
      random: () => 1,
    });
    await expect(c.calls.create(seedRequest())).rejects.toBeInstanceOf(InternalServerError);
    expect(waits).toEqual([375, 750, 1500, 3000, 6000]);
  });

  it("honour Retry-After in seconds", async () => {
    const { fetch } = stubFetch(problem(429, { "retry-after": "3" }), created());
    const { client: c, timing } = client(fetch);
    await c.calls.create(seedRequest());
    expect(timing.waits).toEqual([3000]);
  });

  it("honour Retry-After as an HTTP date", async () => {
    const at = new Date(Date.now() + 20_000).toUTCString();
    const { fetch } = stubFetch(problem(503, { "retry-after": at }), created());
    const { client: c, timing } = client(fetch);
    await c.calls.create(seedRequest());
    // HTTP dates have a one-second resolution.
    expect(timing.waits[0]).toBeGreaterThan(18_000);
    expect(timing.waits[0]).toBeLessThanOrEqual(20_000);
  });

  it("fall back to backoff for an unreadable Retry-After", async () => {
    const { fetch } = stubFetch(problem(503, { "retry-after": "soon" }), created());
    const { client: c, timing } = client(fetch);
    await c.calls.create(seedRequest());
    expect(timing.waits).toEqual([500]);
  });
});

describe("the deadline", () => {
  it("is not waited past: a Retry-After beyond it ends the request with the answer at hand", async () => {
    const { fetch, calls } = stubFetch(problem(429, { "retry-after": "120" }));
    const { client: c, timing } = client(fetch, { timeoutMs: 10_000 });
    const error = await c.calls.create(seedRequest()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfter).toBe(120);
    expect(calls).toHaveLength(1);
    expect(timing.waits).toEqual([]);
  });

  it("covers every attempt: a hung attempt ends in TimeoutError with the outcome unknown", async () => {
    const hang: Answer = (call) =>
      new Promise((_, reject) => call.signal.addEventListener("abort", () => reject(call.signal.reason)));
    const { fetch, calls } = stubFetch(hang);
    const c = createCalldeskClient({ apiKey: API_KEY, fetch, timeoutMs: 30 });
    const error = await c.calls.create(seedRequest()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ outcomeUnknown: true, attempts: 1 });
    expect((error as TimeoutError).idempotencyKey).toBe(calls[0]?.headers["idempotency-key"]);
  });

  it("can be set per request", async () => {
    const hang: Answer = (call) =>
      new Promise((_, reject) => call.signal.addEventListener("abort", () => reject(new Error("aborted"))));
    const { fetch } = stubFetch(hang);
    const c = createCalldeskClient({ apiKey: API_KEY, fetch });
    await expect(c.calls.create(seedRequest(), { timeoutMs: 20 })).rejects.toThrow(/deadline of 20 ms/);
  });
});

describe("an aborted signal", () => {
  it("sends nothing when already aborted", async () => {
    const { fetch, calls } = stubFetch(created());
    const { client: c } = client(fetch);
    const error = await c.calls
      .create(seedRequest(), { signal: AbortSignal.abort() })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortError);
    expect(error).toMatchObject({ attempts: 0, outcomeUnknown: false });
    expect(calls).toHaveLength(0);
  });

  it("stops the attempt in flight", async () => {
    const controller = new AbortController();
    const { fetch } = stubFetch((call) => {
      setTimeout(() => controller.abort(), 1);
      return new Promise((_, reject) =>
        call.signal.addEventListener("abort", () => reject(call.signal.reason)),
      );
    });
    const { client: c } = client(fetch);
    const error = await c.calls.create(seedRequest(), { signal: controller.signal }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortError);
    expect(error).toMatchObject({ attempts: 1, outcomeUnknown: true });
  });

  it("stops a wait between attempts at once (real timers, 30 s Retry-After)", async () => {
    const controller = new AbortController();
    const { fetch, calls } = stubFetch(() => {
      setTimeout(() => controller.abort(), 5);
      return problem(429, { "retry-after": "30" });
    });
    const c = createCalldeskClient({ apiKey: API_KEY, fetch });
    const error = await c.calls.create(seedRequest(), { signal: controller.signal }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortError);
    expect(calls).toHaveLength(1);
  });
});

describe("transport failures", () => {
  it.each([
    ["ECONNREFUSED", ConnectionError],
    ["ENOTFOUND", ConnectionError],
    ["EAI_AGAIN", ConnectionError],
    ["EHOSTUNREACH", ConnectionError],
    ["UND_ERR_CONNECT_TIMEOUT", ConnectionError],
    ["CERT_HAS_EXPIRED", ConnectionError],
    ["ECONNRESET", OutcomeUnknownError],
    ["EPIPE", OutcomeUnknownError],
    ["UND_ERR_SOCKET", OutcomeUnknownError],
  ] as const)("%s ends in %o once retries are exhausted", async (code, Expected) => {
    const { fetch, calls } = stubFetch(fetchFailed(code));
    const { client: c } = client(fetch);
    const error = await c.calls.create(seedRequest()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Expected);
    expect(error).toMatchObject({
      attempts: 3,
      outcomeUnknown: Expected === OutcomeUnknownError,
      idempotencyKey: calls[0]?.headers["idempotency-key"],
    });
    expect((error as Error).message).toContain(code);
    // The cause is kept (scrubbed): undici's TypeError and, under it, the socket error with its code.
    expect(errorCode((error as Error).cause)).toBe(code);
  });

  it("a fetch error without a code (a browser's 'Failed to fetch') is an unknown outcome", async () => {
    const { fetch } = stubFetch(new TypeError("Failed to fetch"));
    const { client: c } = client(fetch, { maxRetries: 0 });
    await expect(c.calls.create(seedRequest())).rejects.toBeInstanceOf(OutcomeUnknownError);
  });

  it("once any attempt may have been read, the final error says the outcome is unknown", async () => {
    const { fetch } = stubFetch(fetchFailed("ECONNRESET"), fetchFailed("ECONNREFUSED"));
    const { client: c } = client(fetch);
    const error = await c.calls.create(seedRequest()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OutcomeUnknownError);
    expect(error).toMatchObject({ outcomeUnknown: true });
  });

  // Found by the 50,000-create chaos run (scripts/reliability): the final 5xx used to say the
  // outcome was known, although the first attempt's lost answer may have created the call.
  it.each([
    [503, InternalServerError],
    [429, RateLimitError],
    [422, UnprocessableEntityError],
  ] as const)(
    "a final %s after a lost answer still says the outcome is unknown",
    async (status, Expected) => {
      const { fetch } = stubFetch(fetchFailed("ECONNRESET"), problem(status, { "retry-after": "0" }));
      const { client: c } = client(fetch);
      const error = await c.calls.create(seedRequest()).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(Expected);
      expect(error).toMatchObject({ status, outcomeUnknown: true });
    },
  );

  it("a final 5xx with no lost answer before it says the outcome is known", async () => {
    const { fetch } = stubFetch(problem(503, { "retry-after": "0" }));
    const { client: c } = client(fetch);
    const error = await c.calls.create(seedRequest()).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 503, attempts: 3, outcomeUnknown: false });
  });

  it("a body that breaks off after the headers is a lost answer, retried with the same key", async () => {
    let first = true;
    const fetch = async (url: string, init: RequestInit) => {
      if (first) {
        first = false;
        const body = new ReadableStream({
          start(controller) {
            controller.enqueue(new TextEncoder().encode('{"call_id":'));
            controller.error(Object.assign(new Error("other side closed"), { code: "UND_ERR_SOCKET" }));
          },
        });
        return new Response(body, { status: 201 });
      }
      return stubFetch(created()).fetch(url, init);
    };
    const { client: c } = client(fetch);
    const call = await c.calls.create(seedRequest());
    expect(call.lastResponse.attempts).toBe(2);
  });

  it("finds the code on undici's cause chain", () => {
    expect(errorCode(fetchFailed("ECONNREFUSED"))).toBe("ECONNREFUSED");
    expect(errorCode(new Error("no code"))).toBeUndefined();
    expect(neverSent(fetchFailed("ENOTFOUND"))).toBe(true);
    expect(neverSent(fetchFailed("ECONNRESET"))).toBe(false);
  });
});
