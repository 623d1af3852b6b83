// What the client logs, level by level: against the real sandbox over loopback (its Sandbox-Fault
// header loses answers on demand), with an injected fetch for hostile answers, and fuzzed so that
// no level ever prints a key, a whole phone number or a metadata value.
import { type Sandbox, startSandbox } from "@calldesk/sandbox";
import fc from "fast-check";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  type ClientOptions,
  createCalldeskClient,
  type Fetch,
  type LogLevel,
  type OutcomeUnknownError,
} from "../src/index.js";
import { LEVELS, levelOf, masked } from "../src/log.js";
import { API_KEY, instant, seedRequest, stubFetch } from "./helpers.js";

interface Line {
  level: string;
  line: string;
}

/** A logger that records what each method was given. */
const spy = () => {
  const lines: Line[] = [];
  const at = (level: string) => (line: string) => void lines.push({ level, line });
  return { lines, logger: { debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") } };
};

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe("levelOf", () => {
  it("takes the option, else CALLDESK_LOG, else warn", () => {
    expect(LEVELS[levelOf(undefined, undefined)]).toBe("warn");
    expect(LEVELS[levelOf(undefined, "")]).toBe("warn");
    expect(LEVELS[levelOf(undefined, "debug")]).toBe("debug");
    expect(LEVELS[levelOf("off", "debug")]).toBe("off");
  });

  it.each([
    [
      { logLevel: "verbose" as LogLevel },
      undefined,
      /^logLevel must be one of off, error, warn, info, debug/,
    ],
    [{ logLevel: "" as LogLevel }, undefined, /^logLevel must be one of/],
    [{}, "trace", /^CALLDESK_LOG must be one of off, error, warn, info, debug/],
    [{}, "DEBUG", /^CALLDESK_LOG must be one of/],
  ])("refuses %o with CALLDESK_LOG=%s at construction, naming the source", (options, env, message) => {
    if (env !== undefined) {
      vi.stubEnv("CALLDESK_LOG", env);
    }
    expect(() => createCalldeskClient({ apiKey: API_KEY, ...options })).toThrow(message);
  });

  it("reads CALLDESK_LOG when no logLevel is given", async () => {
    vi.stubEnv("CALLDESK_LOG", "debug");
    const { lines, logger } = spy();
    const { fetch } = stubFetch({ status: 201, body: { call_id: "call_x" } });
    await createCalldeskClient({ apiKey: API_KEY, fetch, logger }).calls.create(seedRequest());
    expect(lines.map((l) => l.level)).toEqual(["debug"]);
  });
});

describe("masked", () => {
  it("keeps the last 4 digits of every phone number and the keys of metadata, not its values", () => {
    const body = JSON.stringify({
      caller_id: "+14155550123",
      destination: "+442071838750",
      metadata: { patient_id: "P-12345", note: "call +33142685300" },
      created_at: "2026-04-15T18:30:22Z",
    });
    expect(masked(body)).toBe(
      '{"caller_id":"+*******0123","destination":"+********8750","metadata":["patient_id","note"],' +
        '"created_at":"2026-04-15T18:30:22Z"}',
    );
  });

  it("masks numbers in text that is not JSON", () => {
    expect(masked("<p>The caller ID +14155550100 is not verified</p>")).toBe(
      "<p>The caller ID +*******0100 is not verified</p>",
    );
  });
});

describe("each level, against the sandbox", () => {
  let sandbox: Sandbox;
  beforeEach(async () => {
    sandbox = await startSandbox({ port: 0 });
  });
  afterEach(async () => {
    await sandbox.close();
  });

  /** Global fetch, with a Sandbox-Fault header on the attempts listed (1-based, per client). */
  const faulty = (fault: string, attempts: number[]): Fetch => {
    let attempt = 0;
    return (url, init) => {
      attempt++;
      const headers = init.headers as Record<string, string>;
      return fetch(url, {
        ...init,
        headers: attempts.includes(attempt) ? { ...headers, "sandbox-fault": fault } : headers,
      });
    };
  };

  /**
   * Three creates: a plain success, a success after a lost answer (one retry), and a lost answer
   * with no retry left (the outcome is unknown). Returns what the logger got.
   */
  const run = async (options: ClientOptions) => {
    const { lines, logger } = spy();
    const base = { apiKey: API_KEY, baseUrl: sandbox.url, logger, ...instant(), ...options };
    await createCalldeskClient(base).calls.create(seedRequest());
    await createCalldeskClient({ ...base, fetch: faulty("reset-after", [1]) }).calls.create(seedRequest());
    const error = await createCalldeskClient({ ...base, maxRetries: 0, fetch: faulty("reset-after", [1]) })
      .calls.create(seedRequest())
      .then(() => {
        throw new Error("expected the create to fail");
      })
      .catch((e: OutcomeUnknownError) => e);
    return { lines, key: error.idempotencyKey };
  };

  it("off: nothing", async () => {
    expect((await run({ logLevel: "off" })).lines).toEqual([]);
  });

  it("error: nothing (a failed request is an error you catch, not a log line)", async () => {
    expect((await run({ logLevel: "error" })).lines).toEqual([]);
  });

  it("warn (the default): only the request whose outcome is unknown, with the key to retry with", async () => {
    const { lines, key } = await run({});
    expect(lines).toEqual([
      {
        level: "warn",
        line: `calldesk: POST /api/v1/voice/calls attempt 1: ECONNRESET; outcome unknown, the call may exist: retry with idempotencyKey ${key}`,
      },
    ]);
  });

  it("info: and each retry with its cause and wait", async () => {
    const { lines } = await run({ logLevel: "info" });
    expect(lines.map((l) => l.level)).toEqual(["info", "warn"]);
    expect(lines[0]?.line).toBe(
      "calldesk: POST /api/v1/voice/calls attempt 1: ECONNRESET; retry in 500 ms (backoff)",
    );
  });

  it("debug: and each attempt with its key, status, duration, request id, headers and bodies", async () => {
    const { lines } = await run({ logLevel: "debug" });
    expect(lines.map((l) => l.level)).toEqual(["debug", "debug", "info", "debug", "debug", "warn"]);
    const first = lines[0]?.line as string;
    expect(first).toMatch(
      /^calldesk: POST \/api\/v1\/voice\/calls attempt 1: 201 in \d+ ms, request req_[a-z0-9]+; sent \{.*\} \{.*\}; got \{.*\}$/,
    );
    expect(first).toContain('"authorization":"***"');
    expect(first).toMatch(/"idempotency-key":"[0-9a-f-]{36}"/);
    expect(first).toContain('"caller_id":"+*******0123"');
    expect(first).toContain('"metadata":["patient_id"]');
    expect(first).not.toContain("P-12345");
  });

  it("the default logger is console, and the default level prints nothing for a success", async () => {
    const calls = (["debug", "info", "warn", "error", "log"] as const).map((name) =>
      vi.spyOn(console, name).mockImplementation(() => {}),
    );
    await createCalldeskClient({ apiKey: API_KEY, baseUrl: sandbox.url }).calls.create(seedRequest());
    expect(calls.map((c) => c.mock.calls.length)).toEqual([0, 0, 0, 0, 0]);
    const error = await createCalldeskClient({
      apiKey: API_KEY,
      baseUrl: sandbox.url,
      maxRetries: 0,
      fetch: faulty("reset-after", [1]),
    })
      .calls.create(seedRequest())
      .then(() => {
        throw new Error("expected the create to fail");
      })
      .catch((e: OutcomeUnknownError) => e);
    expect(calls[2]?.mock.calls).toEqual([
      [expect.stringContaining(`idempotencyKey ${error.idempotencyKey}`)],
    ]);
  });

  it("builds no line below the level: a user who does not log does not pay for formatting", async () => {
    // The answer is parsed once; a debug line parses both bodies again to mask them.
    const parses = async (logLevel: LogLevel) => {
      const { fetch } = stubFetch({ status: 201, body: { call_id: "call_x" } });
      const client = createCalldeskClient({ apiKey: API_KEY, fetch, logLevel, logger: spy().logger });
      const parse = vi.spyOn(JSON, "parse");
      await client.calls.create(seedRequest());
      const count = parse.mock.calls.length;
      parse.mockRestore();
      return count;
    };
    expect(await parses("info")).toBe(1);
    expect(await parses("debug")).toBe(3);
  });
});

describe("no level prints a key, a whole phone number or a metadata value (fuzzed)", () => {
  const e164 = fc
    .tuple(fc.integer({ min: 1, max: 9 }), fc.stringMatching(/^\d{4,13}$/))
    .map(([first, rest]) => `+${first}${rest}`);
  const key = fc
    .string({ unit: fc.integer({ min: 0x21, max: 0x7e }).map((c) => String.fromCharCode(c)), minLength: 1 })
    .map((rest) => `calldesk_${rest}`);

  it("whatever the answer", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...LEVELS),
        key,
        e164,
        e164,
        fc.string({ minLength: 6 }).map((s) => `secret-${s}`),
        fc.constantFrom(201, 400, 401, 422, 429, 500, 502, 503),
        fc.boolean(),
        async (logLevel, apiKey, callerId, destination, secret, status, echoKey) => {
          const { lines, logger } = spy();
          // A server that echoes everything back: the numbers in its body and a problem detail,
          // the metadata, and (sometimes) the key it was sent, in the body and in a header.
          const fetch: Fetch = async (_, init) => {
            const sent = JSON.parse(init.body as string);
            const echo = echoKey ? (init.headers as Record<string, string>).authorization : "";
            const body = { ...sent, detail: `caller ${callerId} to ${destination} ${echo}`, status };
            return new Response(JSON.stringify(body), {
              status,
              headers: { "content-type": "application/problem+json", "x-request-id": `req ${echo}` },
            });
          };
          const client = createCalldeskClient({ apiKey, fetch, logLevel, logger, ...instant() });
          await client.calls
            .create(
              { caller_id: callerId, destination, metadata: { note: secret } },
              { idempotencyKey: "fuzz-key" },
            )
            .catch(() => {});
          for (const { line } of lines) {
            expect(line).not.toContain(apiKey);
            for (const number of [callerId, destination]) {
              expect(line).not.toContain(number);
              expect(line).not.toContain(number.slice(1));
            }
            expect(line).not.toContain(secret);
          }
        },
      ),
      { seed: 20261126, numRuns: 300 },
    );
  });
});
