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

/** Follows a local `$ref` of the bundle (siblings of the `$ref` win, as in OpenAPI 3.1). */
export function resolved(node: Json): Json {
  if (typeof node?.$ref !== "string") {
    return node;
  }
  const { $ref, ...siblings } = node;
  const target = $ref
    .slice(2)
    .split("/")
    .reduce((at: Json, key: string) => at[key], bundle);
  return { ...resolved(target), ...siblings };
}

/** The documented defaults of the request body's fields, read from the bundle. */
export const requestDefaults: Record<string, unknown> = Object.fromEntries(
  Object.entries(
    resolved(callsPathItem.post.requestBody.content["application/json"].schema).properties as object,
  )
    .map(([name, property]) => [name, resolved(property)] as const)
    .filter(([, property]) => "default" in property)
    .map(([name, property]) => [name, property.default]),
);

/** The problem `type` and `title` of every code the contract's error examples show. */
export const exampleProblems: Map<string, { type: string; title: string }> = new Map(
  Object.values(callsPathItem.post.responses as object)
    .map(resolved)
    .flatMap((response: Json) => Object.values(response.content ?? {}))
    .flatMap((media: Json) => Object.values(media.examples ?? {}).map(resolved))
    .filter((example: Json) => example?.value?.code !== undefined)
    .map((example: Json) => [example.value.code, { type: example.value.type, title: example.value.title }]),
);

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
  const { status, headers: answered, text } = await postRaw(url, body, headers, path);
  const type = answered.get("content-type") ?? "";
  return { status, headers: answered, body: type.includes("json") ? JSON.parse(text) : text };
}

/** Like `post`, with the answer's body as the text on the wire. */
export async function postRaw(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
  path = callsPath,
): Promise<{ status: number; headers: Headers; text: string }> {
  const response = await fetch(`${url}${path}`, {
    method: "POST",
    headers: {
      Authorization: seedHeaders.Authorization as string,
      "Content-Type": "application/json",
      ...headers,
    },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  return { status: response.status, headers: response.headers, text: await response.text() };
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

/**
 * The answer of a request with `key` and `body` once the key is in flight (409), for a first
 * request sent just before that holds it (an injected latency). A probe that finds the key free
 * reserves it and is answered an injected 503, which frees it again within the same turn of the
 * event loop: the first request can never meet a probe's reservation.
 */
export async function untilInFlight(url: string, key: string, body: unknown = seedBody): Promise<Answer> {
  for (let probes = 0; probes < 10_000; probes += 1) {
    const probe = await post(url, body, { "Idempotency-Key": key, "Sandbox-Fault": "status=503" });
    if (probe.status !== 503) {
      return probe;
    }
  }
  throw new Error(`the key ${key} never went in flight`);
}

/** A fresh Idempotency-Key. */
export function newKey(): string {
  return crypto.randomUUID();
}
