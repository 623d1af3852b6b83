import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { errorFromResponse, retryAfterMs } from "../src/errors.js";
import {
  APIError,
  AuthenticationError,
  BadRequestError,
  CalldeskError,
  ConflictError,
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
    expect(error).toMatchObject({ status, code: body.code, problem: body, requestId: `req_${status}` });
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
    expect(new CalldeskError(`got ${API_KEY}`).message).toBe("got calldesk_[redacted]");
  });

  it("leaves nothing of any key the contract's x-api-key-pattern accepts", () => {
    for (const key of [API_KEY, "calldesk_Z", "calldesk_0123456789abcdefABCDEF"]) {
      expect(apiKeyPattern.test(key), key).toBe(true);
      expect(new CalldeskError(`(${key})`).message).toBe("(calldesk_[redacted])");
    }
  });
});

describe("retryAfterMs", () => {
  it.each([
    ["0", 0],
    ["30", 30_000],
    [null, undefined],
    ["", undefined],
    ["soon", undefined],
    [new Date(Date.now() - 60_000).toUTCString(), 0],
  ])("%j -> %j", (value, expected) => {
    expect(retryAfterMs(value)).toBe(expected);
  });
});
