import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it, vi } from "vitest";
import { type ClientOptions, createCalldeskClient } from "../src/index.js";
import { createRawClient } from "../src/raw.js";
import {
  API_KEY,
  created,
  fetchFailed,
  instant,
  problem,
  seedCall,
  seedRequest,
  stubFetch,
} from "./helpers.js";

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("createRawClient", () => {
  it("is openapi-fetch's client", () => {
    const client = createRawClient({ apiKey: API_KEY });
    for (const method of "GET PUT POST DELETE OPTIONS HEAD PATCH TRACE use eject".split(" ")) {
      expect(client).toHaveProperty(method, expect.any(Function));
    }
  });

  // The checks are createCalldeskClient's (one module): the same options are refused with the same message.
  it.each<[string, ClientOptions]>([
    ["a malformed key", { apiKey: `${API_KEY} ` }],
    ["plain http beyond loopback", { apiKey: API_KEY, baseUrl: "http://sandbox:4010" }],
    ["a baseUrl with a query", { apiKey: API_KEY, baseUrl: "https://api.247calldesk.com?x=1" }],
    ["a negative maxRetries", { apiKey: API_KEY, maxRetries: -1 }],
    ["an attemptTimeoutMs setTimeout would clamp", { apiKey: API_KEY, attemptTimeoutMs: 2 ** 31 }],
  ])("refuses %s as createCalldeskClient does", (_, options) => {
    const message = (create: () => unknown) => {
      try {
        create();
      } catch (error) {
        return (error as Error).message;
      }
      return "accepted";
    };
    expect(message(() => createRawClient(options))).not.toBe("accepted");
    expect(message(() => createRawClient(options))).toBe(message(() => createCalldeskClient(options)));
  });

  it("refuses a missing key, naming the option and the variable", () => {
    vi.stubEnv("CALLDESK_API_KEY", undefined);
    expect(() => createRawClient()).toThrow(/apiKey is missing.*CALLDESK_API_KEY/);
  });

  it("falls back to CALLDESK_API_KEY and sends the client's headers", async () => {
    vi.stubEnv("CALLDESK_API_KEY", API_KEY);
    const { version } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
    const { fetch, calls } = stubFetch(created());
    await createRawClient({ fetch }).POST("/api/v1/voice/calls", { body: seedRequest() });
    expect(calls[0]?.headers).toMatchObject({
      authorization: `Bearer ${API_KEY}`,
      "user-agent": `calldesk-node/${version}`,
      "content-type": "application/json",
    });
  });

  it("accepts plain http beyond loopback with allowInsecureHttp: true", async () => {
    const { fetch, calls } = stubFetch(created());
    const client = createRawClient({
      apiKey: API_KEY,
      baseUrl: "http://sandbox:4010/",
      allowInsecureHttp: true,
      fetch,
    });
    await client.POST("/api/v1/voice/calls", { body: seedRequest() });
    expect(calls[0]?.url).toBe("http://sandbox:4010/api/v1/voice/calls");
  });
});

describe("requests", () => {
  it("send the key and an Idempotency-Key, and are retried with the same key", async () => {
    const { fetch, calls } = stubFetch(problem(503), created());
    const client = createRawClient({ apiKey: API_KEY, fetch, ...instant() });
    const { data, error, response } = await client.POST("/api/v1/voice/calls", { body: seedRequest() });
    expect(error).toBeUndefined();
    expect(data).toEqual(seedCall());
    expect(response.status).toBe(201);
    expect(calls).toHaveLength(2);
    expect(calls[0]?.headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(calls[0]?.headers["idempotency-key"]).toMatch(/^[0-9a-f-]{36}$/);
    expect(calls[1]?.headers["idempotency-key"]).toBe(calls[0]?.headers["idempotency-key"]);
    expect(calls[1]?.body).toBe(calls[0]?.body);
  });

  it("use the caller's Idempotency-Key parameter", async () => {
    const key = crypto.randomUUID();
    const { fetch, calls } = stubFetch(created());
    await createRawClient({ apiKey: API_KEY, fetch }).POST("/api/v1/voice/calls", {
      body: seedRequest(),
      params: { header: { "Idempotency-Key": key } },
    });
    expect(calls[0]?.headers["idempotency-key"]).toBe(key);
  });

  it("return error answers as openapi-fetch does, after the retries", async () => {
    const { fetch, calls } = stubFetch(problem(500));
    const client = createRawClient({ apiKey: API_KEY, fetch, ...instant() });
    const { data, error, response } = await client.POST("/api/v1/voice/calls", { body: seedRequest() });
    expect(data).toBeUndefined();
    expect(error).toMatchObject({ code: "internal_error" });
    expect(response.status).toBe(500);
    expect(calls).toHaveLength(3);
  });

  it("throw the typed transport errors", async () => {
    const { fetch } = stubFetch(fetchFailed("ECONNREFUSED"));
    const client = createRawClient({ apiKey: API_KEY, fetch, ...instant() });
    await expect(client.POST("/api/v1/voice/calls", { body: seedRequest() })).rejects.toMatchObject({
      name: "ConnectionError",
      attempts: 3,
    });
  });
});
