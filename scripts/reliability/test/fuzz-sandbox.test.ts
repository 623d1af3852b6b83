// Property-based fuzzing of the sandbox over real loopback HTTP. Seeded (FUZZ_SEED) and
// bounded (FUZZ_RUNS); on failure fast-check prints the seed, the path and the shrunk input.
import { startSandbox } from "@calldesk/sandbox";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { schemaValidator } from "../src/contract.js";
import { type RawResponse, rawPost } from "../src/http.js";

const SEED = Number(process.env.FUZZ_SEED ?? 424242);
const RUNS = Number(process.env.FUZZ_RUNS ?? 150);
const PATH = "/api/v1/voice/calls";
const AUTH = { authorization: "Bearer calldesk_fuzzer", "content-type": "application/json" };
const SEED_BODY = {
  caller_id: "+14155550123",
  destination: "+14155559876",
  record: true,
  metadata: { p: "1" },
};

const validateProblem = schemaValidator("Problem");
const validateCall = schemaValidator("Call");

let sandbox: Awaited<ReturnType<typeof startSandbox>>;
let url = "";
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, rateLimit: { limit: 1_000_000, windowSeconds: 1 } });
  url = `${sandbox.url}${PATH}`;
});
afterAll(() => sandbox.close());

/** Every answer: never a 5xx, and either a valid Call or a valid problem with pointers. */
function expectContractAnswer(response: RawResponse): void {
  expect(response.status).toBeLessThan(500);
  expect(response.headers["x-request-id"]).toBeTruthy();
  const body = JSON.parse(response.body);
  if (response.status === 201) {
    expect(validateCall(body), JSON.stringify(validateCall.errors)).toBe(true);
    return;
  }
  expect(response.headers["content-type"]).toMatch(/^application\/problem\+json/);
  expect(validateProblem(body), JSON.stringify(validateProblem.errors)).toBe(true);
  expect(body.status).toBe(response.status);
  if (response.status === 422 && body.code !== "idempotency_key_reused") {
    expect(body.errors.length).toBeGreaterThan(0);
    for (const error of body.errors) {
      expect(error.pointer).toMatch(/^\//);
    }
  }
}

const options = (runs = RUNS) => ({ seed: SEED, numRuns: runs });

describe("sandbox fuzzing", () => {
  it("answers any JSON body by the contract", async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (value) => {
        expectContractAnswer(await rawPost(url, AUTH, JSON.stringify(value)));
      }),
      options(),
    );
  });

  it("answers near-valid bodies (the seed with fields replaced by anything) by the contract", async () => {
    const field = fc.constantFrom(
      "caller_id",
      "destination",
      "record",
      "voice_changer_uid",
      "metadata",
      "extra",
    );
    await fc.assert(
      fc.asyncProperty(fc.dictionary(field, fc.jsonValue()), async (patch) => {
        expectContractAnswer(await rawPost(url, AUTH, JSON.stringify({ ...SEED_BODY, ...patch })));
      }),
      options(),
    );
  });

  it("answers arbitrary header values by the contract", async () => {
    // Header values node:http can put on the wire: visible ASCII and spaces.
    const headerValue = fc.stringMatching(/^[\x21-\x7e][\x20-\x7e]{0,80}$/);
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          authorization: fc.oneof(headerValue, fc.constant("Bearer calldesk_fuzzer")),
          "content-type": fc.oneof(headerValue, fc.constant("application/json")),
          "idempotency-key": fc.oneof(headerValue, fc.uuid()),
        }),
        async (headers) => {
          expectContractAnswer(await rawPost(url, headers, JSON.stringify(SEED_BODY)));
        },
      ),
      options(),
    );
  });

  it("answers arbitrary bytes, including invalid UTF-8, with a 4xx problem", async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 512 }), async (bytes) => {
        const response = await rawPost(url, AUTH, Buffer.from(bytes));
        expectContractAnswer(response);
      }),
      options(),
    );
  });

  it("rejects a body over the contract's size limit with 413", async () => {
    const huge = JSON.stringify({ ...SEED_BODY, metadata: { big: "x".repeat(2 * 1024 * 1024) } });
    const response = await rawPost(url, AUTH, huge);
    expect(response.status).toBe(413);
    expectContractAnswer(response);
  });

  it("survives deeply nested bodies within the size limit", async () => {
    for (const body of [
      `${"[".repeat(30_000)}${"]".repeat(30_000)}`,
      `{"metadata":${'{"a":'.repeat(10_000)}1${"}".repeat(10_000)}}`,
    ]) {
      expectContractAnswer(await rawPost(url, AUTH, body));
    }
  });

  it("never lets __proto__ or constructor keys reach a prototype", async () => {
    const bodies = [
      `{"caller_id":"+14155550123","destination":"+14155559876","__proto__":{"polluted":"yes"}}`,
      `{"caller_id":"+14155550123","destination":"+14155559876","constructor":{"prototype":{"polluted":"yes"}}}`,
      `{"caller_id":"+14155550123","destination":"+14155559876","metadata":{"__proto__":"yes","constructor":"yes"}}`,
    ];
    const answers = [];
    for (const body of bodies) {
      const response = await rawPost(url, AUTH, body);
      expectContractAnswer(response);
      answers.push(response.status);
    }
    expect(answers).toEqual([422, 422, 201]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty("polluted");
  });

  it("keeps the idempotency store within its bound (the oldest keys are evicted)", async () => {
    const bounded = await startSandbox({
      port: 0,
      rateLimit: { limit: 1_000_000, windowSeconds: 1 },
      idempotency: { maxEntries: 20 },
    });
    try {
      const target = `${bounded.url}${PATH}`;
      const keys = Array.from({ length: 60 }, () => crypto.randomUUID());
      for (const key of keys) {
        expect(
          (await rawPost(target, { ...AUTH, "idempotency-key": key }, JSON.stringify(SEED_BODY))).status,
        ).toBe(201);
      }
      const other = JSON.stringify({ ...SEED_BODY, record: false });
      // The newest key is still held: a different body with it is refused...
      expect(
        (await rawPost(target, { ...AUTH, "idempotency-key": keys.at(-1) as string }, other)).status,
      ).toBe(422);
      // ...while the oldest was evicted, so the store never grew past 20 entries.
      expect((await rawPost(target, { ...AUTH, "idempotency-key": keys[0] as string }, other)).status).toBe(
        201,
      );
    } finally {
      await bounded.close();
    }
  });
});
