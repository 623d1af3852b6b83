import { readFileSync } from "node:fs";
import { describe, expect, it, vi } from "vitest";
import {
  AbortError,
  APIError,
  CalldeskError,
  ConflictError,
  ConnectionError,
  createCalldeskClient,
  InternalServerError,
  OutcomeUnknownError,
  RateLimitError,
  TimeoutError,
  UnprocessableEntityError,
} from "../src/index.js";
import { createRawClient } from "../src/raw.js";
import { errorCode, neverSent } from "../src/transport.js";
import {
  type Answer,
  API_KEY,
  created,
  documentedStatuses,
  fetchFailed,
  instant,
  problem,
  problemExample,
  type Recorded,
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

  it("honour Retry-After-Ms before Retry-After", async () => {
    const { fetch } = stubFetch(problem(503, { "retry-after-ms": "1250", "retry-after": "30" }), created());
    const { client: c, timing } = client(fetch);
    await c.calls.create(seedRequest());
    expect(timing.waits).toEqual([1250]);
  });

  it("fall back to backoff for an unreadable Retry-After", async () => {
    const { fetch } = stubFetch(problem(503, { "retry-after": "soon" }), created());
    const { client: c, timing } = client(fetch);
    await c.calls.create(seedRequest());
    expect(timing.waits).toEqual([500]);
  });
});

describe("X-Should-Retry", () => {
  it("false stops the retries of a retriable status", async () => {
    const { fetch, calls } = stubFetch(
      problem(503, { "retry-after": "0", "x-should-retry": "false" }),
      created(),
    );
    const { client: c } = client(fetch);
    await expect(c.calls.create(seedRequest())).rejects.toMatchObject({ status: 503, attempts: 1 });
    expect(calls).toHaveLength(1);
  });

  it("true retries a status that is not retried otherwise, with the same key", async () => {
    const { fetch, calls } = stubFetch(problem(400, { "x-should-retry": "true" }), created());
    const { client: c } = client(fetch);
    const call = await c.calls.create(seedRequest());
    expect(call.lastResponse.attempts).toBe(2);
    expect(calls[1]?.headers["idempotency-key"]).toBe(calls[0]?.headers["idempotency-key"]);
  });

  it("true does not retry a request without an Idempotency-Key (raw, not a POST)", async () => {
    const { fetch, calls } = stubFetch(problem(400, { "x-should-retry": "true" }));
    await createRawClient({ apiKey: API_KEY, fetch, ...instant() }).GET(
      "/api/v1/voice/calls" as never,
      {} as never,
    );
    expect(calls).toHaveLength(1);
    expect(calls[0]?.headers["idempotency-key"]).toBeUndefined();
  });

  it("any other value leaves the status to decide", async () => {
    const { fetch, calls } = stubFetch(problem(400, { "x-should-retry": "maybe" }), created());
    const { client: c } = client(fetch);
    await expect(c.calls.create(seedRequest())).rejects.toMatchObject({ status: 400 });
    expect(calls).toHaveLength(1);
  });
});

describe("attemptTimeoutMs", () => {
  const hang: Answer = (call) =>
    new Promise((_, reject) => call.signal.addEventListener("abort", () => reject(call.signal.reason)));

  it("aborts a stalled attempt and retries it with the same key, within the deadline", async () => {
    const { fetch, calls } = stubFetch(hang, created());
    const { client: c, timing } = client(fetch, { attemptTimeoutMs: 10 });
    const call = await c.calls.create(seedRequest());
    expect(call.lastResponse.attempts).toBe(2);
    expect(calls[0]?.signal.aborted).toBe(true);
    expect(calls[1]?.headers["idempotency-key"]).toBe(calls[0]?.headers["idempotency-key"]);
    expect(timing.waits).toHaveLength(1);
  });

  it("keeps the outcome unknown once an attempt stalled", async () => {
    const { fetch } = stubFetch(hang, problem(422));
    const { client: c } = client(fetch, { attemptTimeoutMs: 10 });
    const error = await c.calls.create(seedRequest()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnprocessableEntityError);
    expect(error).toMatchObject({ attempts: 2, outcomeUnknown: true });
  });

  it("defaults to 20 s: a 25 s stall is cut and retried", async () => {
    vi.useFakeTimers();
    try {
      const { fetch, calls } = stubFetch(hang, created());
      const { client: c } = client(fetch);
      const pending = c.calls.create(seedRequest());
      await vi.advanceTimersByTimeAsync(19_999);
      expect(calls).toHaveLength(1);
      await vi.advanceTimersByTimeAsync(1);
      const call = await pending;
      expect(call.lastResponse.attempts).toBe(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it("never outlasts the deadline: a limit above it ends in TimeoutError", async () => {
    const { fetch } = stubFetch(hang);
    const { client: c } = client(fetch, { attemptTimeoutMs: 60_000, timeoutMs: 20 });
    await expect(c.calls.create(seedRequest())).rejects.toBeInstanceOf(TimeoutError);
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

// One scenario per row of the README's error table, in its order: the table is what users read,
// so a row without a scenario (or a scenario without a row) fails here.
describe("the README's error table", () => {
  const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
  const table = readme.split("<!-- outcome rows: test/transport.test.ts -->")[1]?.split("\n\n")[0] ?? "";
  const rows = [...table.matchAll(/^\| ([a-z0-9 ]+): /gm)].map((match) => match[1] as string);

  const fails = async (script: Answer[], extra: Parameters<typeof createCalldeskClient>[0] = {}) => {
    const { fetch } = stubFetch(...script);
    const c = createCalldeskClient({ apiKey: API_KEY, fetch, ...instant(), ...extra });
    return c.calls.create(seedRequest()).catch((e: unknown) => e);
  };
  const hang: Answer = (call) =>
    new Promise((_, reject) => call.signal.addEventListener("abort", () => reject(call.signal.reason)));
  // A fresh Response per attempt: the last answer of a script repeats, and a body is read once.
  const html =
    (status: number): Answer =>
    () =>
      new Response("<html><body>Bad gateway</body></html>", {
        status,
        headers: { "content-type": "text/html" },
      });

  const scenarios: Record<string, () => Promise<void>> = {
    refused: async () => {
      for (const status of [400, 401, 403, 413, 415, 422, 429]) {
        const error = await fails([problem(status, { "retry-after": "0" })]);
        expect(error, String(status)).toMatchObject({ status, outcomeUnknown: false });
      }
    },
    unavailable: async () => {
      const error = await fails([problem(503, { "retry-after": "0" })]);
      expect(error).toBeInstanceOf(InternalServerError);
      expect(error).toMatchObject({ status: 503, attempts: 3, outcomeUnknown: false });
    },
    "5xx": async () => {
      for (const answer of [
        problem(500),
        html(502),
        html(504),
        html(503),
        { status: 502, body: problemExample(503) },
      ]) {
        const error = await fails([answer]);
        expect(error).toBeInstanceOf(InternalServerError);
        expect(error).toMatchObject({ attempts: 3, outcomeUnknown: true });
      }
    },
    conflict: async () => {
      const error = await fails([problem(409)]);
      expect(error).toBeInstanceOf(ConflictError);
      expect(error).toMatchObject({ outcomeUnknown: true });
    },
    "not a problem": async () => {
      const notProblems: Answer[] = [
        html(403),
        () =>
          new Response(JSON.stringify(problemExample(422)), {
            status: 422,
            headers: { "content-type": "application/json" },
          }),
        { status: 422, body: { ...problemExample(422), request_id: undefined } },
        { status: 401, body: { ...problemExample(401), status: 403 } },
        { status: 400, body: { message: "Bad Request" } },
        { status: 429, body: undefined },
      ];
      for (const answer of notProblems) {
        const error = await fails([answer]);
        expect(error).toBeInstanceOf(APIError);
        expect(error).toMatchObject({ outcomeUnknown: true });
      }
    },
    "unreadable success": async () => {
      for (const body of ["<html>", "null", '{"call_id":']) {
        const error = await fails([() => new Response(body, { status: 201 })]);
        expect(error).toBeInstanceOf(OutcomeUnknownError);
        expect(error).toMatchObject({ attempts: 3, outcomeUnknown: true });
      }
    },
    "never sent": async () => {
      const error = await fails([fetchFailed("ECONNREFUSED")]);
      expect(error).toBeInstanceOf(ConnectionError);
      expect(error).toMatchObject({ attempts: 3, outcomeUnknown: false });
    },
    "no answer": async () => {
      const error = await fails([fetchFailed("ECONNRESET")]);
      expect(error).toBeInstanceOf(OutcomeUnknownError);
      expect(error).toMatchObject({ attempts: 3, outcomeUnknown: true });
    },
    stalled: async () => {
      const error = await fails([hang], { attemptTimeoutMs: 5 });
      expect(error).toBeInstanceOf(OutcomeUnknownError);
      expect(error).toMatchObject({ attempts: 3, outcomeUnknown: true });
      expect((error as Error).message).toContain("attemptTimeoutMs 5 passed");
    },
    deadline: async () => {
      const error = await fails([hang], { timeoutMs: 20 });
      expect(error).toBeInstanceOf(TimeoutError);
      expect(error).toMatchObject({ attempts: 1, outcomeUnknown: true });
    },
    "aborted before": async () => {
      const controller = new AbortController();
      const { fetch } = stubFetch(() => {
        setTimeout(() => controller.abort(), 5);
        return problem(429, { "retry-after": "30" });
      });
      const c = createCalldeskClient({ apiKey: API_KEY, fetch });
      const error = await c.calls
        .create(seedRequest(), { signal: controller.signal })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AbortError);
      expect(error).toMatchObject({ attempts: 1, outcomeUnknown: false });
    },
    "aborted in flight": async () => {
      const controller = new AbortController();
      const { fetch } = stubFetch((call) => {
        setTimeout(() => controller.abort(), 1);
        return (hang as (call: Recorded) => Promise<Answer>)(call);
      });
      const c = createCalldeskClient({ apiKey: API_KEY, fetch });
      const error = await c.calls
        .create(seedRequest(), { signal: controller.signal })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AbortError);
      expect(error).toMatchObject({ attempts: 1, outcomeUnknown: true });
    },
    sticky: async () => {
      const lost = [
        fetchFailed("ECONNRESET"),
        html(502),
        problem(500),
        () => new Response("x", { status: 201 }),
      ];
      for (const first of lost) {
        for (const last of [
          problem(422),
          problem(503, { "retry-after": "0" }),
          fetchFailed("ECONNREFUSED"),
        ]) {
          const error = await fails([first, last]);
          expect(error).toBeInstanceOf(CalldeskError);
          expect(error).toMatchObject({ outcomeUnknown: true });
        }
      }
    },
  };

  it("has a scenario for every row, in order", () => {
    expect(rows.length).toBeGreaterThan(10);
    expect(rows).toEqual(Object.keys(scenarios));
  });

  it.each(Object.keys(scenarios))("row %s", async (row) => {
    await scenarios[row]?.();
  });
});
