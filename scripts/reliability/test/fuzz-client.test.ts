// Fuzzing the client with hostile servers over real loopback HTTP: whatever the answer, the
// client settles with a typed result or a typed error, never leaks its key, and never leaves
// an unhandled rejection behind. Seeded (FUZZ_SEED), bounded (FUZZ_RUNS).
import { createServer, type Server, type ServerResponse } from "node:http";
import { inspect } from "node:util";
import { CalldeskError, createCalldeskClient } from "@calldesk/client";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const SEED = Number(process.env.FUZZ_SEED ?? 424242);
const RUNS = Number(process.env.FUZZ_RUNS ?? 150);
const API_KEY = "calldesk_Sup3rS3cretFuzzKey";

interface Answer {
  status: number;
  contentType: string | null;
  body: string;
  /** Send the body a few bytes at a time with pauses. */
  drip: boolean;
  /** Cut the connection after half the body. */
  truncate: boolean;
  /** Echo the Authorization header back in the body (a hostile or buggy server). */
  echoAuthorization: boolean;
}

const answerArbitrary: fc.Arbitrary<Answer> = fc.record({
  status: fc.oneof(
    fc.constantFrom(200, 201, 400, 401, 409, 422, 429, 500, 503),
    fc.integer({ min: 100, max: 599 }),
  ),
  contentType: fc.constantFrom(
    "application/json",
    "application/problem+json",
    "text/html",
    "text/plain",
    null,
  ),
  body: fc.oneof(
    fc.string(),
    fc.jsonValue().map((value) => JSON.stringify(value)),
    fc.constant('{"call_id":"call_x"}'),
    fc.constant('{"type":"about:blank","title":"x","status":422,"code":"invalid_e164","errors":"nope"}'),
    fc.constant("<html><body>Bad gateway</body></html>"),
    fc.constant(`{"huge":"${"x".repeat(512 * 1024)}"}`),
  ),
  drip: fc.boolean(),
  truncate: fc.boolean(),
  echoAuthorization: fc.boolean(),
});

let current: Answer;
let server: Server;
let baseUrl = "";
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

function respond(response: ServerResponse, authorization: string): void {
  // 1xx statuses cannot be sent as a final answer; 101 would hijack the socket.
  const status = current.status < 200 ? 502 : current.status;
  const body = current.echoAuthorization ? `${current.body} ${authorization}` : current.body;
  const bytes = Buffer.from(body);
  const headers: Record<string, string | number> = { "content-length": bytes.length };
  if (current.contentType) {
    headers["content-type"] = current.contentType;
  }
  if (status === 429 || status === 503) {
    headers["retry-after"] = "0";
  }
  response.writeHead(status, headers);
  const sent = current.truncate ? bytes.subarray(0, Math.floor(bytes.length / 2)) : bytes;
  const finish = () => {
    if (current.truncate) {
      response.socket?.destroy();
    } else {
      response.end();
    }
  };
  if (!current.drip) {
    response.write(sent);
    finish();
    return;
  }
  let offset = 0;
  const tick = () => {
    if (offset >= sent.length || offset > 64) {
      response.write(sent.subarray(offset));
      finish();
      return;
    }
    response.write(sent.subarray(offset, offset + 8));
    offset += 8;
    setTimeout(tick, 5);
  };
  tick();
}

beforeAll(async () => {
  process.on("unhandledRejection", onUnhandled);
  server = createServer((request, response) => {
    request.resume();
    request.on("end", () => respond(response, request.headers.authorization ?? ""));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  baseUrl = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
});

afterAll(async () => {
  process.off("unhandledRejection", onUnhandled);
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

function leaks(text: string): boolean {
  return text.includes(API_KEY) || text.includes(API_KEY.slice("calldesk_".length));
}

describe("client fuzzing with hostile servers", () => {
  it("settles every answer with a typed result or error and never leaks the key", async () => {
    const client = createCalldeskClient({
      apiKey: API_KEY,
      baseUrl,
      maxRetries: 1,
      timeoutMs: 2_000,
      sleep: () => Promise.resolve(),
    });
    await fc.assert(
      fc.asyncProperty(answerArbitrary, async (answer) => {
        current = answer;
        let outcome: unknown;
        try {
          outcome = await client.calls.create({ caller_id: "+14155550123", destination: "+14155559876" });
        } catch (error) {
          outcome = error;
        }
        if (outcome instanceof Error) {
          expect(outcome).toBeInstanceOf(CalldeskError);
          for (const view of [outcome.message, JSON.stringify(outcome), inspect(outcome, { depth: 10 })]) {
            expect(leaks(view), view.slice(0, 500)).toBe(false);
          }
        } else {
          // Only a 2xx answer with a JSON object body may resolve.
          expect(answer.status).toBeGreaterThanOrEqual(200);
          expect(answer.status).toBeLessThan(300);
          expect(typeof outcome).toBe("object");
          expect(leaks(inspect(outcome, { depth: 10 }))).toBe(false);
        }
        expect(leaks(inspect(client, { depth: 10 }))).toBe(false);
      }),
      { seed: SEED, numRuns: RUNS },
    );
    // Let any stray promise settle before counting.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(unhandled).toEqual([]);
  });
});
