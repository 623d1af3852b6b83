// Turns ajv's errors into the contract's `errors[]`: one `{pointer, detail, code}` per invalid
// field, in the order of the request body. Codes come from the schemas' own `x-error-codes`
// (per keyword) and `x-error-code` (whole schema) extensions, then generic fallbacks.
import type { FieldError } from "@calldesk/api-types";
import type { ErrorObject } from "ajv/dist/2020.js";
import type { ErrorCode } from "./contract.js";

const TYPE_KEYWORDS = new Set(["type"]);

/** RFC 6901 escaping of one reference token. */
export function escapePointerToken(token: string): string {
  return token.replace(/~/g, "~0").replace(/\//g, "~1");
}

export function unescapePointerToken(token: string): string {
  return token.replace(/~1/g, "/").replace(/~0/g, "~");
}

function pointerOf(error: ErrorObject): string {
  if (error.keyword === "required") {
    return `${error.instancePath}/${escapePointerToken(String(error.params.missingProperty))}`;
  }
  if (error.keyword === "additionalProperties") {
    return `${error.instancePath}/${escapePointerToken(String(error.params.additionalProperty))}`;
  }
  // Errors found under `propertyNames` are about a key, not its value: point at the key.
  if (error.propertyName !== undefined) {
    return `${error.instancePath}/${escapePointerToken(error.propertyName)}`;
  }
  return error.instancePath;
}

function codeOf(error: ErrorObject): ErrorCode {
  const schema = (error.parentSchema ?? {}) as Record<string, unknown>;
  const perKeyword = schema["x-error-codes"] as Record<string, ErrorCode> | undefined;
  if (perKeyword?.[error.keyword]) {
    return perKeyword[error.keyword] as ErrorCode;
  }
  if (typeof schema["x-error-code"] === "string") {
    return schema["x-error-code"] as ErrorCode;
  }
  if (error.keyword === "required") {
    return "missing_field";
  }
  if (error.keyword === "additionalProperties" && schema.additionalProperties === false) {
    return "unknown_field";
  }
  return TYPE_KEYWORDS.has(error.keyword) ? "invalid_type" : "invalid_value";
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

function detailOf(error: ErrorObject): string {
  const schema = (error.parentSchema ?? {}) as Record<string, unknown>;
  const params = error.params as Record<string, unknown>;
  const key = error.propertyName === undefined ? "" : `key "${error.propertyName}" `;
  // A named value type (E.164) that documents itself reads better than its individual
  // keywords: "must be a phone number in E.164 format ..., such as +14155550123".
  const description = typeof schema.description === "string" ? schema.description.trim() : "";
  if (
    schema["x-error-code"] &&
    description &&
    error.keyword !== "required" &&
    error.keyword !== "additionalProperties"
  ) {
    const phrase = description.replace(/\.$/, "").replace(/^[A-Z](?![A-Z])/, (first) => first.toLowerCase());
    const examples = Array.isArray(schema.examples) ? schema.examples : [];
    const example = examples[0] === undefined ? "" : `, such as ${String(examples[0])}`;
    return `${key}must be ${phrase}${example}`;
  }
  switch (error.keyword) {
    case "required":
      return "is required";
    case "additionalProperties": {
      const known = Object.keys((schema.properties as object | undefined) ?? {});
      return known.length > 0
        ? `is not a known field; expected one of ${known.join(", ")}`
        : "is not allowed";
    }
    case "maxProperties":
      return `must have at most ${plural(Number(params.limit), "key")}`;
    case "minProperties":
      return `must have at least ${plural(Number(params.limit), "key")}`;
    case "type": {
      const types = ([] as unknown[]).concat(params.type ?? schema.type).map(String);
      return `${key}must be ${types.map((type) => (type === "null" ? "null" : article(type))).join(" or ")}`;
    }
    case "enum":
      return `${key}must be one of ${(params.allowedValues as unknown[]).map((value) => JSON.stringify(value)).join(", ")}`;
    case "maxLength":
      return `${key}must be at most ${plural(Number(params.limit), "character")}`;
    case "minLength":
      return `${key}must be at least ${plural(Number(params.limit), "character")}`;
    case "pattern":
      return `${key}must match ${String(params.pattern)}`;
    case "format":
      return `${key}must be a valid ${String(params.format)}`;
    default:
      return `${key}${error.message ?? "is invalid"}`;
  }
}

/** Position of each pointer token within its object in the body: missing fields sort first. */
function bodyOrder(body: unknown, pointer: string): number[] {
  const order: number[] = [];
  let current: unknown = body;
  for (const token of pointer.split("/").slice(1).map(unescapePointerToken)) {
    if (current === null || typeof current !== "object") {
      order.push(-1);
      current = undefined;
      continue;
    }
    const keys = Object.keys(current);
    order.push(keys.indexOf(token));
    current = Object.hasOwn(current, token) ? (current as Record<string, unknown>)[token] : undefined;
  }
  return order;
}

function compareOrders(a: number[], b: number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i += 1) {
    const difference = (a[i] as number) - (b[i] as number);
    if (difference !== 0) {
      return difference;
    }
  }
  return a.length - b.length;
}

/** Orders field errors like the body: missing fields first, then by each key's position. */
export function sortFieldErrors(errors: readonly FieldError[], body: unknown): FieldError[] {
  return errors
    .map((fieldError) => ({ fieldError, order: bodyOrder(body, fieldError.pointer) }))
    .sort((a, b) => compareOrders(a.order, b.order))
    .map(({ fieldError }) => fieldError);
}

/** One field error per pointer (the first ajv reports for it), in the order of the body. */
export function fieldErrors(errors: readonly ErrorObject[], body: unknown): FieldError[] {
  const byPointer = new Map<string, FieldError>();
  for (const error of errors) {
    // The summary `propertyNames` error repeats the specific one ajv reported just before it.
    if (error.keyword === "propertyNames") {
      continue;
    }
    const pointer = pointerOf(error);
    if (!byPointer.has(pointer)) {
      byPointer.set(pointer, { pointer, detail: detailOf(error), code: codeOf(error) });
    }
  }
  return sortFieldErrors([...byPointer.values()], body);
}
