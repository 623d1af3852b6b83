// Fixtures for the tests, all taken from the bundled contract (nothing restated by hand), and a
// recording fetch stub: tests inject `fetch` rather than patching globals.
import spec from "@calldesk/api-types/openapi.json" with { type: "json" };
import type { Call, CreateCallRequest, Problem } from "../src/index.js";

type Json = Record<string, unknown>;
const operation = (spec as unknown as { paths: Record<string, { post: unknown }> }).paths[
  "/api/v1/voice/calls"
]?.post as {
  requestBody: { content: { "application/json": { examples: Record<string, { value: unknown }> } } };
  responses: Record<string, { $ref?: string; content?: Json }>;
};

const clone = <T>(value: unknown): T => structuredClone(value) as T;

/** The seed request of the contract (recorded call with metadata). */
export const seedRequest = (): CreateCallRequest =>
  clone(operation.requestBody.content["application/json"].examples.seed?.value);

/** The seed 201 body of the contract. */
export const seedCall = (): Call => {
  const media = operation.responses["201"]?.content?.["application/json"] as {
    examples: { seed: { value: unknown } };
  };
  return clone(media.examples.seed.value);
};

/** The first documented problem example for a status of createCall. */
export function problemExample(status: number): Problem {
  let response = operation.responses[String(status)];
  if (response?.$ref) {
    const name = response.$ref.split("/").pop() as string;
    response = (spec as unknown as { components: { responses: Record<string, { content?: Json }> } })
      .components.responses[name];
  }
  const media = response?.content?.["application/problem+json"] as {
    examples: Record<string, { value: unknown }>;
  };
  return clone(Object.values(media.examples)[0]?.value);
}

/** Every status createCall documents, as numbers. */
export const documentedStatuses = Object.keys(operation.responses).map(Number);

/** A fresh, well-formed key per run, so a leak check cannot pass by luck. */
export const API_KEY = `calldesk_${crypto.randomUUID().replace(/-/g, "")}`;

/** The key format the contract states (`x-api-key-pattern` of its bearer scheme): keys that exist. */
export const apiKeyPattern = new RegExp(
  (spec as unknown as { components: { securitySchemes: { bearerAuth: Record<string, string> } } }).components
    .securitySchemes.bearerAuth["x-api-key-pattern"] as string,
);

export type Answer =
  | { status: number; body?: unknown; headers?: Record<string, string> }
  | Response
  | Error
  | ((call: Recorded) => Answer | Promise<Answer>);

export interface Recorded {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string | undefined;
  signal: AbortSignal;
}

/** A fetch that answers from a script, one entry per attempt (the last one repeats), and records each call. */
export function stubFetch(...script: Answer[]) {
  const calls: Recorded[] = [];
  const fetch = async (url: string, init: RequestInit): Promise<Response> => {
    const call: Recorded = {
      url,
      method: String(init.method),
      headers: { ...(init.headers as Record<string, string>) },
      body: init.body == null ? undefined : String(init.body),
      signal: init.signal as AbortSignal,
    };
    calls.push(call);
    let answer = script[Math.min(calls.length, script.length) - 1] as Answer;
    while (typeof answer === "function") {
      answer = await answer(call);
    }
    if (answer instanceof Error) {
      throw answer;
    }
    if (answer instanceof Response) {
      return answer;
    }
    const headers = new Headers(answer.headers);
    if (answer.body !== undefined && !headers.has("content-type")) {
      headers.set("content-type", answer.status < 300 ? "application/json" : "application/problem+json");
    }
    return new Response(answer.body === undefined ? null : JSON.stringify(answer.body), {
      status: answer.status,
      headers,
    });
  };
  return { fetch, calls };
}

/** A 201 with the seed call. */
export const created = (headers: Record<string, string> = {}): Answer => ({
  status: 201,
  body: seedCall(),
  headers: { "x-request-id": "req_created", "idempotent-replayed": "false", ...headers },
});

/** The documented problem for a status, with its request id header. */
export const problem = (status: number, headers: Record<string, string> = {}): Answer => ({
  status,
  body: problemExample(status),
  headers: { "x-request-id": `req_${status}`, ...headers },
});

/** A fetch failure shaped like undici's: TypeError("fetch failed") caused by a socket error with a code. */
export const fetchFailed = (code: string): Error =>
  new TypeError("fetch failed", {
    cause: Object.assign(new Error(`connect ${code} 127.0.0.1:4010`), { code }),
  });

/** Client options for deterministic retries: waits are recorded, not slept; no jitter. */
export const instant = () => {
  const waits: number[] = [];
  return { waits, sleep: async (ms: number) => void waits.push(ms), random: () => 0 };
};
