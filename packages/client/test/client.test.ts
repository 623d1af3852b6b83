import { readFileSync } from "node:fs";
import { inspect } from "node:util";
import fc from "fast-check";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  CalldeskError,
  createCalldeskClient,
  OutcomeUnknownError,
  UnprocessableEntityError,
} from "../src/index.js";
import { createRawClient } from "../src/raw.js";
import {
  API_KEY,
  apiKeyPattern,
  created,
  instant,
  problem,
  seedCall,
  seedRequest,
  stubFetch,
} from "./helpers.js";

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("createCalldeskClient", () => {
  it("falls back to CALLDESK_API_KEY", async () => {
    vi.stubEnv("CALLDESK_API_KEY", API_KEY);
    const { fetch, calls } = stubFetch(created());
    await createCalldeskClient({ fetch }).calls.create(seedRequest());
    expect(calls[0]?.headers.authorization).toBe(`Bearer ${API_KEY}`);
  });

  it("refuses a missing key, naming the option and the variable", () => {
    vi.stubEnv("CALLDESK_API_KEY", undefined);
    expect(() => createCalldeskClient({})).toThrow(/apiKey is missing.*CALLDESK_API_KEY/);
  });

  it.each([
    ["a CR/LF", `${API_KEY}\r\nx-evil: 1`],
    ["a trailing space", `${API_KEY} `],
    ["a space inside", `${API_KEY.slice(0, 12)} ${API_KEY.slice(12)}`],
    ["a tab", `${API_KEY}\t`],
    ["a NUL", `${API_KEY}\u0000`],
    ["a DEL", `${API_KEY}\u007f`],
    ["a non-ASCII letter", `${API_KEY}é`],
    ["an emoji", `${API_KEY}🙂`],
    ["no calldesk_ prefix", API_KEY.replace("calldesk_", "calldesk-")],
    ["another prefix", `sk_${API_KEY}`],
    ["an upper-case prefix", API_KEY.replace("calldesk_", "CALLDESK_")],
    ["nothing after the prefix", "calldesk_"],
  ])("refuses a key with %s, without echoing it", (_, apiKey) => {
    let error: unknown;
    try {
      createCalldeskClient({ apiKey });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CalldeskError);
    expect((error as Error).message).toMatch(/apiKey is malformed/);
    expect((error as Error).message).not.toContain(API_KEY.slice("calldesk_".length));
    expect(JSON.stringify(error)).not.toContain(API_KEY.slice("calldesk_".length));
  });

  it.each([
    "calldesk_test_abc123",
    "calldesk_live-abc",
    "calldesk_a.b~c!",
    'calldesk_"quoted"',
    "calldesk_x",
  ])("accepts %s: beyond the prefix, the format is the server's business", async (apiKey) => {
    const { fetch, calls } = stubFetch(created());
    await createCalldeskClient({ apiKey, fetch }).calls.create(seedRequest());
    expect(calls[0]?.headers.authorization).toBe(`Bearer ${apiKey}`);
  });

  it("accepts every key the contract's x-api-key-pattern accepts (fuzzed)", () => {
    // The contract states which keys exist; the client must never refuse one of them.
    fc.assert(
      fc.property(fc.stringMatching(apiKeyPattern), (apiKey) => {
        expect(() => createCalldeskClient({ apiKey, fetch: async () => new Response() })).not.toThrow();
      }),
      { seed: 20261126, numRuns: 500 },
    );
  });

  it.each([
    "http://api.247calldesk.com",
    "http://sandbox:4010",
    "http://10.0.0.1:4010",
    "http://localhost.evil.com",
    "ftp://127.0.0.1",
    "https://user:pass@api.247calldesk.com",
    "https://api.247calldesk.com?x=1",
    "not a url",
  ])("refuses baseUrl %s", (baseUrl) => {
    expect(() => createCalldeskClient({ apiKey: API_KEY, baseUrl })).toThrow(/baseUrl must be https/);
  });

  it("names allowInsecureHttp when it refuses plain http", () => {
    expect(() => createCalldeskClient({ apiKey: API_KEY, baseUrl: "http://sandbox:4010" })).toThrow(
      /allowInsecureHttp/,
    );
  });

  it.each(["http://sandbox:4010", "http://10.0.0.1:4010/", "http://calldesk-sandbox.ci.internal"])(
    "accepts plain http to %s with allowInsecureHttp: true",
    async (baseUrl) => {
      const { fetch, calls } = stubFetch(created());
      await createCalldeskClient({ apiKey: API_KEY, baseUrl, allowInsecureHttp: true, fetch }).calls.create(
        seedRequest(),
      );
      expect(calls[0]?.url).toBe(`${baseUrl.replace(/\/$/, "")}/api/v1/voice/calls`);
    },
  );

  it.each(["ftp://sandbox", "https://user:pass@sandbox", "http://sandbox/?x=1"])(
    "still refuses %s with allowInsecureHttp: true",
    (baseUrl) => {
      expect(() => createCalldeskClient({ apiKey: API_KEY, baseUrl, allowInsecureHttp: true })).toThrow(
        /baseUrl must be https/,
      );
    },
  );

  it.each([
    ["https://api.247calldesk.com", "https://api.247calldesk.com/api/v1/voice/calls"],
    ["https://proxy.example.com/calldesk/", "https://proxy.example.com/calldesk/api/v1/voice/calls"],
    ["http://127.0.0.1:4010", "http://127.0.0.1:4010/api/v1/voice/calls"],
    ["http://127.8.9.10", "http://127.8.9.10/api/v1/voice/calls"],
    ["http://localhost:4010/", "http://localhost:4010/api/v1/voice/calls"],
    ["http://[::1]:4010", "http://[::1]:4010/api/v1/voice/calls"],
  ])("accepts baseUrl %s", async (baseUrl, url) => {
    const { fetch, calls } = stubFetch(created());
    await createCalldeskClient({ apiKey: API_KEY, baseUrl, fetch }).calls.create(seedRequest());
    expect(calls[0]?.url).toBe(url);
  });

  it.each([
    { maxRetries: -1 },
    { maxRetries: 1.5 },
    { timeoutMs: 0 },
    { timeoutMs: Number.NaN },
    // setTimeout would clamp these to 1 ms and every request would time out at once.
    { timeoutMs: Number.POSITIVE_INFINITY },
    { timeoutMs: 2 ** 31 },
    { attemptTimeoutMs: 0 },
    { attemptTimeoutMs: -5 },
    { attemptTimeoutMs: 2 ** 31 },
  ])("refuses %o, naming only that option", (options) => {
    const [name] = Object.keys(options) as [string];
    let message = "";
    try {
      createCalldeskClient({ apiKey: API_KEY, ...options });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(new RegExp(`^${name} must`));
    for (const other of ["maxRetries", "timeoutMs", "attemptTimeoutMs"].filter((o) => o !== name)) {
      expect(message).not.toContain(` ${other}`);
    }
  });

  it.each(["550e8400-e29b-41d4-a716-446655440000\r\nx-evil: 1", "clé-🙂", "two words", ""])(
    "refuses the idempotency key %j before sending anything",
    async (idempotencyKey) => {
      let sent = 0;
      const fetch = async () => {
        sent += 1;
        return new Response(null, { status: 500 });
      };
      const error = await createCalldeskClient({ apiKey: API_KEY, fetch })
        .calls.create(seedRequest(), { idempotencyKey })
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(CalldeskError);
      expect((error as Error).message).toBe("idempotencyKey must be non-empty visible ASCII");
      expect(sent).toBe(0);
    },
  );
});

describe("calls.create", () => {
  it("posts the body as JSON with the key and an Idempotency-Key", async () => {
    const { fetch, calls } = stubFetch(created());
    await createCalldeskClient({ apiKey: API_KEY, fetch }).calls.create(seedRequest());
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({
      method: "POST",
      headers: { authorization: `Bearer ${API_KEY}`, "content-type": "application/json" },
    });
    expect(JSON.parse(calls[0]?.body as string)).toEqual(seedRequest());
  });

  it("resolves to the Call, with the answer's details in a non-enumerable lastResponse", async () => {
    const { fetch, calls } = stubFetch(created({ "x-request-id": "req_abc" }));
    const call = await createCalldeskClient({ apiKey: API_KEY, fetch }).calls.create(seedRequest());
    expect(call).toEqual(seedCall());
    expect(JSON.parse(JSON.stringify(call))).toEqual(seedCall());
    expect(Object.keys(call)).not.toContain("lastResponse");
    expect(call.lastResponse).toMatchObject({
      requestId: "req_abc",
      idempotencyKey: calls[0]?.headers["idempotency-key"],
      replayed: false,
      attempts: 1,
    });
    expect(call.lastResponse.response.status).toBe(201);
  });

  it("reports a replay", async () => {
    const { fetch } = stubFetch(created({ "idempotent-replayed": "true" }));
    const call = await createCalldeskClient({ apiKey: API_KEY, fetch }).calls.create(seedRequest());
    expect(call.lastResponse.replayed).toBe(true);
  });

  it("throws a typed error for an error answer", async () => {
    const { fetch } = stubFetch(problem(422));
    await expect(
      createCalldeskClient({ apiKey: API_KEY, fetch }).calls.create(seedRequest()),
    ).rejects.toBeInstanceOf(UnprocessableEntityError);
  });

  it.each(["<html>", "null", "42", "[]", ""])(
    "throws OutcomeUnknownError for a success whose body is %j, after retrying with the same key",
    async (body) => {
      const { fetch, calls } = stubFetch(() => new Response(body, { status: 201 }));
      const error = await createCalldeskClient({ apiKey: API_KEY, fetch, ...instant() })
        .calls.create(seedRequest())
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(OutcomeUnknownError);
      expect(error).toMatchObject({ outcomeUnknown: true, attempts: 3 });
      expect((error as Error).message).toMatch(/^outcome unknown \(.*JSON.*\)/);
      expect(new Set(calls.map((c) => c.headers["idempotency-key"])).size).toBe(1);
    },
  );

  it("sends User-Agent: calldesk-node/<the package's version> where there is a process", async () => {
    const { version } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
    const { fetch, calls } = stubFetch(created());
    await createCalldeskClient({ apiKey: API_KEY, fetch }).calls.create(seedRequest());
    expect(calls[0]?.headers["user-agent"]).toBe(`calldesk-node/${version}`);
  });
});

describe("the client never shows its key", () => {
  // The raw client (@calldesk/client/raw) hides it the same way.
  it.each([
    ["CalldeskClient", createCalldeskClient],
    ["CalldeskRawClient", createRawClient],
  ])("%s: in util.inspect or JSON", (name, create) => {
    const client = create({ apiKey: API_KEY, baseUrl: "http://127.0.0.1:4010" });
    const views = [
      inspect(client, { depth: 10, showHidden: true }),
      JSON.stringify(client),
      String(Object.entries(client)),
    ];
    for (const view of views) {
      expect(view).not.toContain(API_KEY);
    }
    expect(views[0]).toBe(`${name} { baseUrl: 'http://127.0.0.1:4010', apiKey: [redacted] }`);
  });
});
