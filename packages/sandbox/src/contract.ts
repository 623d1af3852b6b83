// Reads everything the sandbox enforces out of the bundled OpenAPI document, once, at start-up:
// the request schema (compiled by ajv) and its defaults, the body limit, the media type, the
// problem types and titles, the 201 example that shapes links. Nothing here restates a rule of
// the contract.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Call, components } from "@calldesk/api-types";

/** The codes this contract knows: the sandbox implements it and never answers another. */
export type ErrorCode = components["schemas"]["ErrorCode"];

import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { unescapePointerToken } from "./validation.js";

// ajv-formats is CommonJS; under NodeNext its default export arrives wrapped.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

// biome-ignore lint/suspicious/noExplicitAny: an OpenAPI document is walked structurally.
type Json = any;

const CONTRACT_ID = "https://api.247calldesk.com/openapi.json";
const OPERATION_ID = "createCall";

export interface ProblemType {
  type: string;
  title: string;
}

/** What a browser's CORS checks need to know, over every operation of the contract. */
export interface CorsFacts {
  /** The operations' methods, e.g. `["POST"]`. */
  methods: string[];
  /** Request headers the operations take: security, `Content-Type` for a body, header parameters. */
  requestHeaders: string[];
  /** Every response header the operations document, in order of first appearance. */
  responseHeaders: string[];
}

export interface Contract {
  /** The path of the create operation, e.g. `/api/v1/voice/calls`. */
  path: string;
  /** Media types the request body may be sent as (`application/json`). */
  mediaTypes: string[];
  maxBodyBytes: number;
  /** Validates a request body; never changes it. */
  validateRequest: ValidateFunction;
  /**
   * Gives every field the body leaves out its documented default (`default` of the request
   * schema's properties, `$ref`s followed, at every depth), in place. For a valid body.
   */
  applyDefaults(body: Record<string, unknown>): void;
  validateIdempotencyKey: ValidateFunction;
  /** Caller IDs used by the contract's own request examples: verified out of the box. */
  exampleCallerIds: string[];
  /** The status a new call is created in, from the 201 example. */
  createdStatus: Call["status"];
  /** Builds `links` for a call id from the 201 example's links. */
  linksFor(callId: string): Call["links"];
  /**
   * `type` and `title` of a problem, both named by its code: the type is the code with dashes
   * under the contract's problem base, the title that of the contract's example of the code.
   */
  problemType(code: ErrorCode): ProblemType;
  wwwAuthenticate: string;
  /** The key format of the bearer scheme (`x-api-key-pattern`), for servers without an allow-list. */
  apiKeyPattern: RegExp | undefined;
  cors: CorsFacts;
}

export function defaultSpecPath(): string {
  return createRequire(import.meta.url).resolve("@calldesk/api-types/openapi.json");
}

export function loadContract(specPath: string = defaultSpecPath()): Contract {
  let bundle: Json;
  try {
    bundle = JSON.parse(readFileSync(specPath, "utf8"));
  } catch (error) {
    throw new Error(
      `spec: cannot read ${specPath} as a JSON OpenAPI bundle (${(error as Error).message}); pass the bundled openapi.json`,
    );
  }
  return compileContract(bundle, specPath);
}

type Resolve = (node: Json) => Json;

export function compileContract(bundle: Json, source = "the bundle"): Contract {
  const resolve: Resolve = (node) => {
    let current = node;
    while (current && typeof current.$ref === "string") {
      const target = current.$ref
        .replace(/^#\//, "")
        .split("/")
        .reduce((acc: Json, key: string) => acc?.[unescapePointerToken(key)], bundle);
      if (target === undefined) {
        throw new Error(`spec: ${source} has an unresolvable $ref ${current.$ref}`);
      }
      const { $ref: _ignored, ...siblings } = current;
      current = { ...target, ...siblings };
    }
    return current;
  };

  const found = Object.entries(bundle?.paths ?? {}).find(
    ([, item]) => (item as Json)?.post?.operationId === OPERATION_ID,
  );
  if (!found) {
    throw new Error(`spec: ${source} has no POST operation with operationId ${OPERATION_ID}`);
  }
  const [path, pathItem] = found as [string, Json];
  const operation = pathItem.post;
  const requestBody = resolve(operation.requestBody);
  const mediaTypes = Object.keys(requestBody?.content ?? {});
  const mediaType = mediaTypes[0];
  if (!mediaType) {
    throw new Error(`spec: ${source} documents no request body media type for ${OPERATION_ID}`);
  }
  const maxBodyBytes = requestBody["x-max-body-bytes"];
  if (!Number.isInteger(maxBodyBytes) || maxBodyBytes <= 0) {
    throw new Error(`spec: ${source} requestBody has no positive integer x-max-body-bytes`);
  }
  const requestSchema = requestBody.content[mediaType].schema;
  const validators = compileValidators(bundle, operation, requestSchema, resolve, source);
  const defaults = defaultsOf(requestSchema, resolve);
  const exampleCallerIds = [
    ...new Set(
      Object.values(requestBody.content[mediaType].examples ?? {})
        .map((example) => resolve(example)?.value?.caller_id)
        .filter((value): value is string => typeof value === "string"),
    ),
  ];
  const created = createdShape(operation, mediaType, resolve, source);
  const { problemType, responseHeaders } = responsesOf(operation, resolve, source);
  const keyPattern = Object.values(bundle.components?.securitySchemes ?? {})
    .map(resolve)
    .find((scheme: Json) => scheme?.type === "http" && scheme.scheme === "bearer")?.["x-api-key-pattern"];

  return {
    path,
    mediaTypes,
    maxBodyBytes,
    ...validators,
    applyDefaults: (body) => applyDefaults(body, defaults),
    exampleCallerIds,
    ...created,
    problemType,
    wwwAuthenticate: responseHeaders.get("www-authenticate") ?? 'Bearer realm="calldesk"',
    apiKeyPattern: typeof keyPattern === "string" ? new RegExp(keyPattern) : undefined,
    cors: corsFacts(bundle, resolve),
  };
}

function compileValidators(
  bundle: Json,
  operation: Json,
  requestSchema: Json,
  resolve: Resolve,
  source: string,
): Pick<Contract, "validateRequest" | "validateIdempotencyKey"> {
  // No `useDefaults`: ajv skips defaults behind a `$ref` (VoiceChanger's), so applyDefaults does it.
  const ajv = new Ajv2020({ allErrors: true, strict: true, verbose: true });
  addFormats(ajv);
  // OpenAPI vocabulary and our own extensions are annotations, not assertions. `components`,
  // `request` and `idempotencyKey` hold the schemas of the document added below.
  // Every vendor extension (x-...) too, so a new one in the spec never stops the sandbox.
  const extensions = new Set(
    [...JSON.stringify(bundle).matchAll(/"(x-[\w-]+)":/g)].map((match) => match[1] as string),
  );
  for (const keyword of ["example", "components", "request", "idempotencyKey", ...extensions]) {
    ajv.addKeyword(keyword);
  }
  const idempotencyParameter = (operation.parameters ?? [])
    .map(resolve)
    .find(
      (parameter: Json) => parameter.in === "header" && parameter.name.toLowerCase() === "idempotency-key",
    );
  if (!idempotencyParameter?.schema) {
    throw new Error(`spec: ${source} documents no Idempotency-Key header for ${OPERATION_ID}`);
  }
  ajv.addSchema({
    $id: CONTRACT_ID,
    components: { schemas: bundle.components?.schemas ?? {} },
    request: requestSchema,
    idempotencyKey: idempotencyParameter.schema,
  });
  return {
    validateRequest: ajv.compile({ $ref: `${CONTRACT_ID}#/request` }),
    validateIdempotencyKey: ajv.compile({ $ref: `${CONTRACT_ID}#/idempotencyKey` }),
  };
}

/** A property that has a documented default, or properties below it that do. */
interface DefaultField {
  name: string;
  /** Whether the property's own schema has a `default`, and its value. */
  hasDefault: boolean;
  value: unknown;
  fields: DefaultField[];
}

/** The defaults of an object schema's properties, at every depth; `$ref`s are followed once per path. */
function defaultsOf(schema: Json, resolve: Resolve, refs: ReadonlySet<string> = new Set()): DefaultField[] {
  const ref = typeof schema?.$ref === "string" ? (schema.$ref as string) : undefined;
  if (ref !== undefined && refs.has(ref)) {
    return [];
  }
  const path = ref === undefined ? refs : new Set([...refs, ref]);
  const fields: DefaultField[] = [];
  for (const [name, property] of Object.entries(resolve(schema)?.properties ?? {})) {
    const resolved = resolve(property);
    const field: DefaultField = {
      name,
      hasDefault: resolved !== null && typeof resolved === "object" && "default" in resolved,
      value: resolved?.default,
      fields: defaultsOf(property, resolve, path),
    };
    if (field.hasDefault || field.fields.length > 0) {
      fields.push(field);
    }
  }
  return fields;
}

function applyDefaults(target: Record<string, unknown>, fields: readonly DefaultField[]): void {
  for (const field of fields) {
    if (field.hasDefault && !Object.hasOwn(target, field.name)) {
      const value =
        typeof field.value === "object" && field.value !== null ? structuredClone(field.value) : field.value;
      if (field.name === "__proto__") {
        // Defined, not assigned: assigning would set the object's prototype instead.
        Object.defineProperty(target, field.name, {
          value,
          enumerable: true,
          writable: true,
          configurable: true,
        });
      } else {
        // Assigned: defineProperty on every request cost a measurable share of the sandbox's CPU.
        target[field.name] = value;
      }
    }
    const value = target[field.name];
    if (field.fields.length > 0 && value !== null && typeof value === "object" && !Array.isArray(value)) {
      applyDefaults(value as Record<string, unknown>, field.fields);
    }
  }
}

/** The status and links of a new call, shaped like the 201 example. */
function createdShape(
  operation: Json,
  mediaType: string,
  resolve: Resolve,
  source: string,
): Pick<Contract, "createdStatus" | "linksFor"> {
  const created = resolve(operation.responses?.["201"]);
  const createdExample: Json = Object.values(created?.content?.[mediaType]?.examples ?? {}).map(resolve)[0]
    ?.value;
  if (!createdExample?.call_id || !createdExample.links || !createdExample.status) {
    throw new Error(`spec: ${source} has no 201 example with call_id, status and links to shape answers`);
  }
  const exampleId: string = createdExample.call_id;
  const linkTemplates = Object.entries(createdExample.links as Record<string, string>).map(
    ([name, href]) => [name, href.split(exampleId)] as const,
  );
  return {
    createdStatus: createdExample.status,
    linksFor: (callId) => {
      const links: Record<string, string> = {};
      for (const [name, parts] of linkTemplates) {
        links[name] = parts.join(callId);
      }
      return links as Call["links"];
    },
  };
}

/** `<code with dashes>`: the last segment of a problem's type. */
function typeName(code: string): string {
  return code.replaceAll("_", "-");
}

/**
 * Problem types and titles from the error responses' named examples, and the headers' examples.
 * A problem's code and type are paired one to one: an example that pairs them otherwise is an
 * error of the contract, reported at start-up.
 */
function responsesOf(
  operation: Json,
  resolve: Resolve,
  source: string,
): { problemType: Contract["problemType"]; responseHeaders: Map<string, string> } {
  const examples: { code: string; type: string; title: string }[] = [];
  const responseHeaders = new Map<string, string>();
  for (const response of Object.values(operation.responses ?? {}).map(resolve)) {
    for (const media of Object.values(response?.content ?? {}) as Json[]) {
      for (const example of Object.values(media?.examples ?? {}).map(resolve)) {
        const value = example?.value;
        if (value?.code && value.type && value.title) {
          examples.push({ code: String(value.code), type: String(value.type), title: String(value.title) });
        }
      }
    }
    for (const [name, header] of Object.entries(response?.headers ?? {})) {
      const resolved = resolve(header);
      const example = resolved?.schema?.examples?.[0] ?? resolved?.example;
      if (example !== undefined && !responseHeaders.has(name.toLowerCase())) {
        responseHeaders.set(name.toLowerCase(), String(example));
      }
    }
  }
  // The base every type shares, from the first example: its type without the code's name.
  const first = examples[0];
  const typeBase =
    first === undefined
      ? "about:blank#"
      : first.type.slice(0, first.type.length - typeName(first.code).length);
  const titles = new Map<string, string>();
  for (const { code, type, title } of examples) {
    if (type !== `${typeBase}${typeName(code)}`) {
      throw new Error(
        `spec: ${source} pairs the problem code ${code} with the type ${type}; code and type name the kind of problem one to one (${typeBase}${typeName(code)})`,
      );
    }
    if (!titles.has(code)) {
      titles.set(code, title);
    }
  }
  const problemType = (code: ErrorCode): ProblemType => ({
    type: `${typeBase}${typeName(code)}`,
    // A code without an example of its own (`not_found`) is titled by its words.
    title: titles.get(code) ?? code.replaceAll("_", " ").replace(/^./, (letter) => letter.toUpperCase()),
  });
  return { problemType, responseHeaders };
}

const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

function corsFacts(bundle: Json, resolve: Resolve): CorsFacts {
  const methods = new Set<string>();
  const requestHeaders = new Map<string, string>();
  const responseHeaders = new Map<string, string>();
  // Header names are case-insensitive: the first spelling seen is kept.
  const add = (names: Map<string, string>, name: string) => {
    if (!names.has(name.toLowerCase())) {
      names.set(name.toLowerCase(), name);
    }
  };
  for (const item of Object.values(bundle.paths ?? {}) as Json[]) {
    for (const method of HTTP_METHODS.filter((name) => item?.[name])) {
      const operation = item[method];
      methods.add(method.toUpperCase());
      for (const requirement of (operation.security ?? bundle.security ?? []) as Json[]) {
        for (const name of Object.keys(requirement)) {
          const scheme = resolve(bundle.components?.securitySchemes?.[name]);
          if (scheme?.type === "http" || scheme?.type === "oauth2" || scheme?.type === "openIdConnect") {
            add(requestHeaders, "Authorization");
          } else if (scheme?.type === "apiKey" && scheme.in === "header") {
            add(requestHeaders, scheme.name);
          }
        }
      }
      if (operation.requestBody) {
        add(requestHeaders, "Content-Type");
      }
      for (const parameter of [...(item.parameters ?? []), ...(operation.parameters ?? [])].map(resolve)) {
        if (parameter?.in === "header") {
          add(requestHeaders, parameter.name);
        }
      }
      for (const response of Object.values(operation.responses ?? {}).map(resolve)) {
        for (const name of Object.keys(response?.headers ?? {})) {
          add(responseHeaders, name);
        }
      }
    }
  }
  return {
    methods: [...methods],
    requestHeaders: [...requestHeaders.values()],
    responseHeaders: [...responseHeaders.values()],
  };
}
