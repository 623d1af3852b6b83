// Integration: the client against @calldesk/sandbox over loopback, with the sandbox's own fault
// injection (`Sandbox-Fault`) and inspection endpoint (`GET /_sandbox/calls`).
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { type LogLine, type Sandbox, startSandbox, testNumbers } from "@calldesk/sandbox";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  AuthenticationError,
  type Call,
  createCalldeskClient,
  type Fetch,
  InternalServerError,
  OutcomeUnknownError,
  RateLimitError,
  UnprocessableEntityError,
} from "../src/index.js";
import { createRawClient } from "../src/raw.js";
import { API_KEY, instant, seedRequest } from "./helpers.js";

let sandbox: Sandbox;
let logs: LogLine[];

beforeEach(async () => {
  logs = [];
  sandbox = await startSandbox({ port: 0, logger: (line) => logs.push(line) });
});
afterEach(async () => {
  await sandbox.close();
});

const storedCalls = async (): Promise<Call[]> => {
  const answer = await fetch(`${sandbox.url}/_sandbox/calls`);
  return ((await answer.json()) as { calls: Call[] }).calls;
};

/** Global fetch, with a Sandbox-Fault header on the attempts listed (1-based). */
const faulty = (fault: string, attempts: number[]): { fetch: Fetch; keys: string[] } => {
  const keys: string[] = [];
  const fetchWithFault: Fetch = (url, init) => {
    const headers = init.headers as Record<string, string>;
    keys.push(headers["idempotency-key"] as string);
    return fetch(url, {
      ...init,
      headers: attempts.includes(keys.length) ? { ...headers, "sandbox-fault": fault } : headers,
    });
  };
  return { fetch: fetchWithFault, keys };
};

const number = (behaviour: string) => testNumbers.find((entry) => entry.behaviour === behaviour);

describe("against the sandbox", () => {
  it("the seed request creates a call", async () => {
    const client = createCalldeskClient({ apiKey: API_KEY, baseUrl: sandbox.url });
    const call = await client.calls.create(seedRequest());
    const { caller_id, destination, metadata } = seedRequest();
    expect(call).toMatchObject({
      caller_id,
      destination,
      metadata,
      status: "queued",
      recording: { enabled: true },
    });
    expect(call.lastResponse).toMatchObject({ replayed: false, attempts: 1 });
    expect(call.lastResponse.requestId).toBeTruthy();
    expect(await storedCalls()).toEqual([JSON.parse(JSON.stringify(call))]);
  });

  it("the raw client creates a call too", async () => {
    const client = createRawClient({ apiKey: API_KEY, baseUrl: sandbox.url });
    const { data, response } = await client.POST("/api/v1/voice/calls", { body: seedRequest() });
    expect(response.status).toBe(201);
    expect(await storedCalls()).toEqual([data]);
  });

  it("an invalid body is an UnprocessableEntityError with pointers", async () => {
    const client = createCalldeskClient({ apiKey: API_KEY, baseUrl: sandbox.url });
    const error = await client.calls
      .create({ ...seedRequest(), destination: "4155559876" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnprocessableEntityError);
    const fields = (error as UnprocessableEntityError).fieldErrors;
    expect(fields.map((f) => f.pointer)).toEqual(["/destination"]);
    expect((error as UnprocessableEntityError).attempts).toBe(1);
    expect(await storedCalls()).toEqual([]);
  });

  it("an unverified caller ID is an UnprocessableEntityError pointing at /caller_id", async () => {
    const unverified = number("caller_id_not_verified");
    const client = createCalldeskClient({ apiKey: API_KEY, baseUrl: sandbox.url });
    const error = await client.calls
      .create({ ...seedRequest(), caller_id: unverified?.number as string })
      .catch((e: unknown) => e);
    // The problem names the kind (the body breaks the contract); the field says why.
    expect(error).toMatchObject({ status: 422, code: "validation_failed" });
    expect((error as UnprocessableEntityError).fieldErrors[0]).toMatchObject({
      pointer: "/caller_id",
      code: "caller_id_not_verified",
    });
  });

  it("a lost answer (reset after processing) is retried with the same key: exactly one call", async () => {
    const { fetch, keys } = faulty("reset-after", [1]);
    const client = createCalldeskClient({ apiKey: API_KEY, baseUrl: sandbox.url, fetch, ...instant() });
    const call = await client.calls.create(seedRequest());
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
    expect(call.lastResponse).toMatchObject({ replayed: true, attempts: 2, idempotencyKey: keys[0] });
    const stored = await storedCalls();
    expect(stored).toHaveLength(1);
    expect(stored[0]?.call_id).toBe(call.call_id);
  });

  it("with no retries left, a lost answer is an OutcomeUnknownError whose key replays the call", async () => {
    const { fetch } = faulty("reset-after", [1]);
    const client = createCalldeskClient({ apiKey: API_KEY, baseUrl: sandbox.url, fetch, maxRetries: 0 });
    const error = (await client.calls.create(seedRequest()).catch((e: unknown) => e)) as OutcomeUnknownError;
    expect(error).toBeInstanceOf(OutcomeUnknownError);
    expect(error).toMatchObject({ attempts: 1, outcomeUnknown: true });
    expect(await storedCalls()).toHaveLength(1);

    const again = createCalldeskClient({ apiKey: API_KEY, baseUrl: sandbox.url });
    const call = await again.calls.create(seedRequest(), { idempotencyKey: error.idempotencyKey as string });
    expect(call.lastResponse.replayed).toBe(true);
    expect(await storedCalls()).toEqual([JSON.parse(JSON.stringify(call))]);
  });

  it("a reset before processing creates nothing; the retry creates the one call", async () => {
    const { fetch } = faulty("reset-before", [1]);
    const client = createCalldeskClient({ apiKey: API_KEY, baseUrl: sandbox.url, fetch, ...instant() });
    const call = await client.calls.create(seedRequest());
    expect(call.lastResponse).toMatchObject({ replayed: false, attempts: 2 });
    expect(await storedCalls()).toHaveLength(1);
  });

  it("a 503 fault is retried", async () => {
    const { fetch } = faulty("status=503", [1]);
    const client = createCalldeskClient({ apiKey: API_KEY, baseUrl: sandbox.url, fetch, ...instant() });
    const call = await client.calls.create(seedRequest());
    expect(call.lastResponse.attempts).toBe(2);
    expect(await storedCalls()).toHaveLength(1);
  });

  it("the rate-limited test number is retried, then a RateLimitError with retryAfter", async () => {
    const limited = number("rate_limited");
    const timing = instant();
    const client = createCalldeskClient({ apiKey: API_KEY, baseUrl: sandbox.url, ...timing });
    const error = await client.calls
      .create({ ...seedRequest(), destination: limited?.number as string })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).attempts).toBe(3);
    const retryAfter = (error as RateLimitError).retryAfter as number;
    expect(retryAfter).toBeGreaterThan(0);
    expect(timing.waits).toEqual([retryAfter * 1000, retryAfter * 1000]);
    expect(await storedCalls()).toEqual([]);
  });

  it("a stalled first attempt is cut by attemptTimeoutMs and retried with the same key: one call, in time", async () => {
    // The first attempt's answer is held 1.5 s; the client gives an attempt 300 ms. The retries meet
    // the key in flight (409) until the first attempt's call is stored, then get it replayed.
    const { fetch, keys } = faulty("latency=1500", [1]);
    // Success proves "in time": past timeoutMs the client throws TimeoutError.
    const client = createCalldeskClient({
      apiKey: API_KEY,
      baseUrl: sandbox.url,
      fetch,
      attemptTimeoutMs: 300,
      maxRetries: 6,
      timeoutMs: 10_000,
    });
    const call = await client.calls.create(seedRequest());
    expect(call.lastResponse.replayed).toBe(true);
    expect(call.lastResponse.attempts).toBeGreaterThan(1);
    expect(new Set(keys)).toEqual(new Set([call.lastResponse.idempotencyKey]));
    expect(await storedCalls()).toEqual([JSON.parse(JSON.stringify(call))]);
  });

  it("the 503 test number is an InternalServerError whose outcome is known (nothing was processed)", async () => {
    const client = createCalldeskClient({ apiKey: API_KEY, baseUrl: sandbox.url, ...instant() });
    const error = await client.calls
      .create({ ...seedRequest(), destination: number("service_unavailable")?.number as string })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error).toMatchObject({ status: 503, attempts: 3, outcomeUnknown: false });
  });

  it("the 500 test number is an InternalServerError whose outcome is unknown (a 500 may follow a call)", async () => {
    const client = createCalldeskClient({ apiKey: API_KEY, baseUrl: sandbox.url, ...instant() });
    const error = await client.calls
      .create({ ...seedRequest(), destination: number("internal_error")?.number as string })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error).toMatchObject({ status: 500, attempts: 3, outcomeUnknown: true });
  });

  it("the sandbox never logs the key", async () => {
    const client = createCalldeskClient({ apiKey: API_KEY, baseUrl: sandbox.url });
    await client.calls.create(seedRequest());
    expect(logs.length).toBeGreaterThan(0);
    expect(JSON.stringify(logs)).not.toContain(API_KEY);
  });
});

describe("a key beyond letters and digits", () => {
  it("calldesk_test_abc123 works end to end against the CLI started with --api-key for it", async () => {
    const cli = fileURLToPath(new URL("dist/cli.js", import.meta.resolve("@calldesk/sandbox/package.json")));
    const child = spawn(process.execPath, [
      cli,
      "--port",
      "0",
      "--quiet",
      "--api-key",
      "calldesk_test_abc123",
    ]);
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = "";
        child.stdout.on("data", (chunk: Buffer) => {
          out += chunk;
          const match = /listening on (\S+)/.exec(out);
          if (match) {
            resolve(match[1] as string);
          }
        });
        child.on("exit", (code) => reject(new Error(`sandbox exited with ${code}`)));
      });
      const call = await createCalldeskClient({ apiKey: "calldesk_test_abc123", baseUrl: url }).calls.create(
        seedRequest(),
      );
      expect(call.status).toBe("queued");
      // The key is the one the sandbox was told to accept: another well-formed key is refused.
      const refused = await createCalldeskClient({ apiKey: "calldesk_test_abc124", baseUrl: url })
        .calls.create(seedRequest())
        .catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(AuthenticationError);
    } finally {
      child.kill();
    }
  });
});
