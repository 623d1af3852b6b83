import { inspect } from "node:util";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { errorFromResponse, redact, retryAfterMs } from "../src/errors.js";
import {
  APIError,
  AuthenticationError,
  BadRequestError,
  CalldeskError,
  ConflictError,
  ConnectionError,
  createCalldeskClient,
  InternalServerError,
  PermissionDeniedError,
  RateLimitError,
  UnprocessableEntityError,
} from "../src/index.js";
import {
  API_KEY,
  apiKeyPattern,
  documentedStatuses,
  fetchFailed,
  instant,
  problem,
  problemExample,
  seedRequest,
  stubFetch,
} from "./helpers.js";

const classes: Record<number, typeof APIError> = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  409: ConflictError,
  413: APIError,
  415: APIError,
  422: UnprocessableEntityError,
  429: RateLimitError,
  500: InternalServerError,
  503: InternalServerError,
};

const createFails = async (...script: Parameters<typeof stubFetch>) => {
  const { fetch } = stubFetch(...script);
  const client = createCalldeskClient({ apiKey: API_KEY, fetch, ...instant() });
  return (await client.calls.create(seedRequest()).catch((e: unknown) => e)) as CalldeskError;
};

describe("an error answer", () => {
  const errorStatuses = documentedStatuses.filter((s) => s >= 400);

  it("covers every documented error status", () => {
    expect(errorStatuses.sort()).toEqual(Object.keys(classes).map(Number).sort());
  });

  it.each(errorStatuses)("%i becomes its class with the problem's fields", async (status) => {
    const body = problemExample(status);
    const error = (await createFails(problem(status, { "retry-after": "0" }))) as APIError;
    const Expected = classes[status] as typeof APIError;
    expect(error).toBeInstanceOf(Expected);
    expect(error).toBeInstanceOf(APIError);
    expect(error).toBeInstanceOf(CalldeskError);
    expect(error.name).toBe(Expected.name);
    // The contract's own 401 says "Bearer calldesk_...", which redaction cannot tell from a key.
    const redacted = body.detail === undefined ? body : { ...body, detail: redact(body.detail) };
    expect(error).toMatchObject({ status, code: body.code, problem: redacted, requestId: `req_${status}` });
    expect(error.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
    expect(error.message).toContain(`${status} ${body.code}`);
    expect(error.message).toContain(`[request req_${status}]`);
    expect(error.headers.get("x-request-id")).toBe(`req_${status}`);
  });

  it("422 carries its field errors as pointers", async () => {
    const body = problemExample(422);
    const error = (await createFails(problem(422))) as UnprocessableEntityError;
    expect(body.errors?.length).toBeGreaterThan(0);
    expect(error.fieldErrors).toEqual(body.errors);
    for (const field of body.errors ?? []) {
      expect(error.message).toContain(`${field.pointer}: ${field.detail}`);
    }
  });

  it("429 carries retryAfter in seconds", async () => {
    const error = (await createFails(problem(429, { "retry-after": "120" }))) as RateLimitError;
    expect(error.retryAfter).toBe(120);
  });

  it("an unknown status is a plain APIError; a body that is not JSON leaves problem undefined", async () => {
    const error = (await createFails({ status: 418, body: undefined })) as APIError;
    expect(error.constructor).toBe(APIError);
    expect(error).toMatchObject({ status: 418, problem: undefined, code: undefined });
  });

  // Found by fuzzing with hostile servers (scripts/reliability): these used to throw a TypeError.
  it.each([
    ['{"code":"invalid_e164","errors":"nope"}', undefined],
    ['{"code":"invalid_e164","errors":[null,1,{"pointer":"/a","detail":"x","code":"invalid_value"}]}', 1],
  ])("keeps a malformed problem body typed: %s", (text, fieldErrors) => {
    const error = errorFromResponse(new Response(null, { status: 422 }), text, {});
    expect(error).toBeInstanceOf(UnprocessableEntityError);
    expect((error as UnprocessableEntityError).fieldErrors).toHaveLength(fieldErrors ?? 0);
  });

  it.each(["5", '"text"', "[1,2]", "null"])("ignores a problem body that is not an object: %s", (text) => {
    const error = errorFromResponse(new Response(null, { status: 500 }), text, {});
    expect(error).toMatchObject({ status: 500, problem: undefined, code: undefined });
  });

  it("falls back to the problem's request_id without the header", () => {
    const body = problemExample(400);
    const error = errorFromResponse(new Response(null, { status: 400 }), JSON.stringify(body), {});
    expect(error.requestId).toBe(body.request_id);
  });
});

describe("toJSON", () => {
  it("holds the fields a log needs", async () => {
    const error = (await createFails(problem(422))) as APIError;
    const json = JSON.parse(JSON.stringify(error));
    expect(json).toMatchObject({
      name: "UnprocessableEntityError",
      message: error.message,
      status: 422,
      code: error.code,
      requestId: "req_422",
      idempotencyKey: error.idempotencyKey,
      attempts: 1,
      outcomeUnknown: false,
    });
  });
});

describe("redaction", () => {
  // A hostile or buggy server, and a custom fetch, that echo the key back.
  const echoes = [
    problem(401, {}),
    {
      status: 422,
      body: {
        ...problemExample(422),
        detail: `bad key ${API_KEY}`,
        errors: [{ pointer: "/x", detail: API_KEY }],
      },
    },
    fetchFailed(`E_${API_KEY}`),
    Object.assign(new Error(`headers: authorization: Bearer ${API_KEY}`), { code: API_KEY }),
  ] as const;

  it.each(echoes.map((answer, i) => [i, answer] as const))(
    "answer %i: no key in message, JSON, inspect or cause",
    async (_, answer) => {
      const error = await createFails(answer);
      expect(error).toBeInstanceOf(CalldeskError);
      const views = [
        error.message,
        String(error.stack),
        JSON.stringify(error),
        inspect(error, { depth: 10, showHidden: true }),
        inspect(error.cause, { depth: 10, showHidden: true }),
      ];
      for (const view of views) {
        expect(view).not.toContain(API_KEY);
      }
    },
  );

  it("replaces what looks like a key", () => {
    expect(new CalldeskError(`got ${API_KEY} here`).message).toBe("got calldesk_[redacted] here");
  });

  // What the client accepts as a key: `calldesk_` and then visible ASCII.
  const acceptedKey = fc
    .string({ unit: fc.integer({ min: 0x21, max: 0x7e }).map((c) => String.fromCharCode(c)), minLength: 1 })
    .map((rest) => `calldesk_${rest}`);

  it("leaves nothing of any key the client accepts, in any text (fuzzed)", () => {
    fc.assert(
      fc.property(fc.string(), acceptedKey, fc.string(), (before, key, after) => {
        expect(() => createCalldeskClient({ apiKey: key, fetch: async () => new Response() })).not.toThrow();
        for (const text of [
          `${before}${key}${after}`,
          JSON.stringify({ detail: `${before}${key}${after}` }),
        ]) {
          expect(new CalldeskError(text).message).not.toContain(key);
        }
      }),
      { seed: 20261126, numRuns: 1000 },
    );
  });

  it("leaves nothing of any key the contract's x-api-key-pattern accepts (fuzzed)", () => {
    fc.assert(
      fc.property(fc.stringMatching(apiKeyPattern), fc.string(), (key, around) => {
        expect(new CalldeskError(`${around}${key})${around}`).message).not.toContain(key);
      }),
      { seed: 20261126, numRuns: 500 },
    );
  });

  it("keeps the problem of an answer that mentions a key, redacting its values", () => {
    const body = { ...problemExample(401), detail: `Bearer ${API_KEY} is revoked`, [API_KEY]: 1 };
    const error = errorFromResponse(new Response(null, { status: 401 }), JSON.stringify(body), {});
    expect(error).toMatchObject({
      code: "unauthorized",
      problem: { detail: "Bearer calldesk_[redacted] is revoked" },
    });
    expect(JSON.stringify(error)).not.toContain(API_KEY);
  });
});

describe("instanceof", () => {
  it("follows the class tree", () => {
    const error = errorFromResponse(new Response(null, { status: 429 }), "", {});
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toBeInstanceOf(APIError);
    expect(error).toBeInstanceOf(CalldeskError);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(ConflictError);
    expect(error).not.toBeInstanceOf(ConnectionError);
    for (const value of [
      null,
      undefined,
      42,
      "RateLimitError",
      {},
      new Error("x"),
      { name: "RateLimitError" },
    ]) {
      expect(value instanceof RateLimitError).toBe(false);
      expect(value instanceof CalldeskError).toBe(false);
    }
  });

  it("holds for an app's own subclass, which does not swallow its parent's instances", () => {
    class AppError extends RateLimitError {}
    const own = new AppError(429, undefined, new Headers());
    expect(own).toBeInstanceOf(AppError);
    expect(own).toBeInstanceOf(RateLimitError);
    expect(new RateLimitError(429, undefined, new Headers())).not.toBeInstanceOf(AppError);
  });

  it("holds for an error whose class comes from another copy of the package (brand and name)", () => {
    // What the other build's classes look like from here: same brand and names, other identities.
    const brand = Symbol.for("@calldesk/client.error");
    const base = Object.assign(Object.create(Error.prototype), {
      name: "CalldeskError",
      [brand]: "CalldeskError",
    });
    const api = Object.assign(Object.create(base), { name: "APIError", [brand]: "APIError" });
    const limited = Object.assign(Object.create(api), { name: "RateLimitError", [brand]: "RateLimitError" });
    const foreign = Object.create(limited);
    expect(foreign).toBeInstanceOf(RateLimitError);
    expect(foreign).toBeInstanceOf(APIError);
    expect(foreign).toBeInstanceOf(CalldeskError);
    expect(foreign).not.toBeInstanceOf(ConflictError);
    // A look-alike without the brand is not ours.
    expect(Object.create({ name: "RateLimitError" })).not.toBeInstanceOf(RateLimitError);
  });
});

describe("retryAfterMs", () => {
  it.each([
    [{ "retry-after": "0" }, 0],
    [{ "retry-after": "30" }, 30_000],
    [{}, undefined],
    [{ "retry-after": "" }, undefined],
    [{ "retry-after": "soon" }, undefined],
    [{ "retry-after": new Date(Date.now() - 60_000).toUTCString() }, 0],
    [{ "retry-after-ms": "250" }, 250],
    [{ "retry-after-ms": "12.5" }, 12.5],
    [{ "retry-after-ms": "250", "retry-after": "30" }, 250],
    [{ "retry-after-ms": "-1", "retry-after": "2" }, 2000],
    [{ "retry-after-ms": "soon", "retry-after": "2" }, 2000],
    [{ "retry-after-ms": "soon" }, undefined],
  ])("%j -> %j", (headers, expected) => {
    expect(retryAfterMs(new Headers(headers))).toBe(expected);
  });

  it("gives APIError.retryAfter in whole seconds, from Retry-After-Ms too", () => {
    const headers = new Headers({ "retry-after-ms": "1200" });
    expect(new APIError(503, undefined, headers).retryAfter).toBe(2);
  });
});
