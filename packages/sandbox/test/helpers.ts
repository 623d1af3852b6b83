// Shared test fixtures: the seed (parsed by the spec package from the product page), validators
// compiled from the bundle on their own ajv instance (independent of the server's), and a
// sandbox per test on an ephemeral loopback port.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Call, Problem } from "@calldesk/api-types";
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { afterEach } from "vitest";
import { seed } from "../../../spec/test/seed.js";
import { type Sandbox, type SandboxOptions, startSandbox } from "../src/index.js";

const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

// biome-ignore lint/suspicious/noExplicitAny: an OpenAPI document is walked structurally in tests.
export type Json = any;

export const bundlePath = createRequire(import.meta.url).resolve("@calldesk/api-types/openapi.json");
export const bundle: Json = JSON.parse(readFileSync(bundlePath, "utf8"));
export const callsPathItem: Json = Object.values(bundle.paths).find(
  (item) => (item as Json).post?.operationId === "createCall",
);
export const callsPath = Object.keys(bundle.paths).find(
  (path) => bundle.paths[path] === callsPathItem,
) as string;

const CONTRACT_ID = "https://contract.test/openapi.json";
const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);
// OpenAPI vocabulary and every vendor extension (x-...): annotations, not assertions.
const extensions = new Set(
  [...JSON.stringify(bundle).matchAll(/"(x-[\w-]+)":/g)].map((match) => match[1] as string),
);
for (const keyword of ["example", "components", ...extensions]) {
  ajv.addKeyword(keyword);
}
ajv.addSchema({ $id: CONTRACT_ID, components: bundle.components });

function validatorFor(name: string): ValidateFunction {
  return ajv.compile({ $ref: `${CONTRACT_ID}#/components/schemas/${name}` });
}

export const validateCall = validatorFor("Call");
export const validateProblem = validatorFor("Problem");

export { seed };
export const seedBody = seed.requestBody as Record<string, unknown>;
export const seedHeaders: Record<string, string> = seed.headers;

/** Starts a sandbox on a free port, stopped after the current test. */
export async function useSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const sandbox = await startSandbox({ port: 0, ...options });
  afterEach(() => sandbox.close());
  return sandbox;
}

export interface Answer {
  status: number;
  headers: Headers;
  body: Json;
}

export async function post(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
  path = callsPath,
): Promise<Answer> {
  const response = await fetch(`${url}${path}`, {
    method: "POST",
    headers: {
      Authorization: seedHeaders.Authorization as string,
      "Content-Type": "application/json",
      ...headers,
    },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  const text = await response.text();
  const type = response.headers.get("content-type") ?? "";
  return {
    status: response.status,
    headers: response.headers,
    body: type.includes("json") ? JSON.parse(text) : text,
  };
}

export async function listCalls(url: string): Promise<Call[]> {
  const response = await fetch(`${url}/_sandbox/calls`);
  return ((await response.json()) as { calls: Call[] }).calls;
}

/** Asserts the answer is a problem+json that validates against the bundle's Problem schema. */
export function problemOf(answer: Answer): Problem {
  if (!answer.headers.get("content-type")?.startsWith("application/problem+json")) {
    throw new Error(`expected application/problem+json, got ${answer.headers.get("content-type")}`);
  }
  const valid = validateProblem(answer.body);
  if (!valid) {
    throw new Error(`not a Problem: ${ajv.errorsText(validateProblem.errors)}`);
  }
  if (answer.body.request_id !== answer.headers.get("x-request-id")) {
    throw new Error("request_id differs from X-Request-Id");
  }
  return answer.body as Problem;
}

export function callOf(answer: Answer): Call {
  const valid = validateCall(answer.body);
  if (!valid) {
    throw new Error(`not a Call: ${ajv.errorsText(validateCall.errors)}`);
  }
  return answer.body as Call;
}

/** A fresh Idempotency-Key. */
export function newKey(): string {
  return crypto.randomUUID();
}
