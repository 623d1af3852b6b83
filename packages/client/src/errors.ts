// biome-ignore-all lint/complexity/noThisInStatic: `named(this, ...)` in each static block repeats byte for byte, which gzip folds; naming the class instead costs bytes of a size budget.
import type { ErrorCode, FieldError, Problem } from "@calldesk/api-types";

/**
 * What the client takes for a key: `calldesk_` and then visible ASCII. The rest of the format is the
 * server's business. Greedy, so the redaction below covers any key the client accepts, wherever
 * it stands in a text (JSON-escaped too), at the price of what follows it up to a space.
 */
export const KEY = /calldesk_[!-~]+/g;

/** Replaces anything shaped like an API key, so a key echoed by a server or a custom fetch goes no further. */
export const redact = (text: string): string => text.replace(KEY, "calldesk_[redacted]");

export interface ErrorDetails {
  idempotencyKey?: string | undefined;
  attempts?: number;
  outcomeUnknown?: boolean;
  cause?: unknown;
}

// A cause is rebuilt (name, code and message, redacted, three levels deep) rather than kept: a
// custom fetch may throw an error that carries request headers, and loggers print `cause`.
const scrub = (error: unknown, depth = 3): Error | undefined => {
  const e = error as { name?: string; message?: string; code?: string; cause?: unknown } | undefined;
  return e && depth
    ? Object.assign(new Error(redact(`${e.message ?? e}`), { cause: scrub(e.cause, depth - 1) }), {
        name: redact(`${e.name ?? "Error"}`),
        code: e.code && redact(`${e.code}`),
      })
    : undefined;
};

// Each error prototype of this package carries its class name under this symbol, whichever build
// (ESM or CommonJS) defined it: `instanceof` compares brands, not identities.
const BRAND = Symbol.for("@calldesk/client.error");

// Each class names itself: minifiers rename classes, and `name` is what logs print.
const named = (C: { prototype: object }, name: string) => Object.assign(C.prototype, { name, [BRAND]: name });

/** Base of every error this package throws. */
export class CalldeskError extends Error {
  static {
    named(this, "CalldeskError");
  }

  /**
   * An app that loads both builds (one dependency imports the client, another requires it) has
   * two copies of each class; an error from either copy is an instance of both.
   */
  static override [Symbol.hasInstance](value: unknown): boolean {
    const own = (o: object) => Object.hasOwn(o, BRAND) && (o as Record<symbol, string>)[BRAND];
    const brand = own(this.prototype);
    for (let p = value; p != null; p = Object.getPrototypeOf(p)) {
      if (p === this.prototype || (brand && own(p as object) === brand)) {
        return true;
      }
    }
    return false;
  }

  /** The Idempotency-Key sent on every attempt: retry with it and the call is never placed twice. */
  declare readonly idempotencyKey: string | undefined;
  /** How many HTTP attempts were made (0: none, e.g. bad options). */
  declare readonly attempts: number;
  /** True when a request may have reached the server without its answer reaching us: the call may exist. */
  declare readonly outcomeUnknown: boolean;

  constructor(message: string, details: ErrorDetails = {}) {
    const { cause, ...rest } = details;
    super(redact(message), cause === undefined ? undefined : { cause: scrub(cause) });
    Object.assign(this, { idempotencyKey: undefined, attempts: 0, outcomeUnknown: false }, rest);
  }

  toJSON(): Record<string, unknown> {
    return { ...(this as object), name: this.name, message: this.message };
  }
}

/** The server answered with an error status. `problem` is its RFC 9457 body, when it sent one. */
export class APIError extends CalldeskError {
  static {
    named(this, "APIError");
  }
  declare readonly status: number;
  /** The problem's stable machine code (`validation_failed`, `rate_limited`, ...); each field's reason is in `fieldErrors`. */
  declare readonly code: ErrorCode | (string & {}) | undefined;
  declare readonly problem: Problem | undefined;
  /** `X-Request-Id` of the answer: quote it when contacting support. */
  declare readonly requestId: string | undefined;
  /** `Retry-After` of the answer in seconds (429 and 503 send it). */
  declare readonly retryAfter: number | undefined;
  declare readonly headers: Headers;

  constructor(status: number, problem: Problem | undefined, headers: Headers, details: ErrorDetails = {}) {
    const requestId = headers.get("x-request-id") ?? problem?.request_id;
    const fields = (problem?.errors ?? []).map((f) => `${f.pointer}: ${f.detail}`).join("; ");
    super(
      `${status} ${problem?.code ?? "error"}: ${problem?.detail ?? problem?.title ?? ""}` +
        (fields && ` (${fields})`) +
        (requestId ? ` [request ${requestId}]` : ""),
      details,
    );
    const wait = retryAfterMs(headers);
    Object.assign(this, {
      status,
      code: problem?.code,
      problem,
      requestId,
      retryAfter: wait === undefined ? wait : Math.ceil(wait / 1000),
    });
    // Not enumerable: kept out of toJSON (a Headers object serialises to {}).
    Object.defineProperty(this, "headers", { value: headers });
  }
}

/** 400: malformed JSON or an invalid header (e.g. an Idempotency-Key that is not a UUID). */
export class BadRequestError extends APIError {
  static {
    named(this, "BadRequestError");
  }
}
/** 401: the API key is missing, malformed or revoked. */
export class AuthenticationError extends APIError {
  static {
    named(this, "AuthenticationError");
  }
}
/** 403: the key is valid but may not place calls. */
export class PermissionDeniedError extends APIError {
  static {
    named(this, "PermissionDeniedError");
  }
}
/** 409: a request with the same Idempotency-Key is still in flight (thrown once retries are exhausted). */
export class ConflictError extends APIError {
  static {
    named(this, "ConflictError");
  }
}
/** 422: the body breaks the contract, the caller ID is not verified, or the key was reused with another body. */
export class UnprocessableEntityError extends APIError {
  static {
    named(this, "UnprocessableEntityError");
  }
  /** Every invalid field, as JSON pointers into the request body. */
  get fieldErrors(): FieldError[] {
    return this.problem?.errors ?? [];
  }
}
/** 429: too many requests; wait `retryAfter` seconds (the client already did, up to `maxRetries`). */
export class RateLimitError extends APIError {
  static {
    named(this, "RateLimitError");
  }
}
/** 5xx: the server failed. Retrying with the same Idempotency-Key is safe. */
export class InternalServerError extends APIError {
  static {
    named(this, "InternalServerError");
  }
}

/** The request never reached the server (DNS failure, connection refused, TLS failure): no call was placed. */
export class ConnectionError extends CalldeskError {
  static {
    named(this, "ConnectionError");
  }
}
/** The request was sent but no answer arrived: the call may exist. Retry with `idempotencyKey`. */
export class OutcomeUnknownError extends CalldeskError {
  static {
    named(this, "OutcomeUnknownError");
  }
}
/** The deadline (`timeoutMs`, across every attempt) passed. See `outcomeUnknown`. */
export class TimeoutError extends CalldeskError {
  static {
    named(this, "TimeoutError");
  }
}
/** The caller's `signal` aborted the request. See `outcomeUnknown`. */
export class AbortError extends CalldeskError {
  static {
    named(this, "AbortError");
  }
}

const BY_STATUS: Record<number, typeof APIError> = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  409: ConflictError,
  422: UnprocessableEntityError,
  429: RateLimitError,
};

// biome-ignore lint/suspicious/noExplicitAny: narrows untrusted JSON.
export const isObject = (v: unknown): v is any => !!v && typeof v === "object" && !Array.isArray(v);

/** The APIError subclass for an error answer. The body is redacted as it is parsed. */
export function errorFromResponse(response: Response, text: string, details: ErrorDetails): APIError {
  let problem: Problem | undefined;
  try {
    // Value by value, not the text: the greedy key pattern would swallow the JSON after a key (the
    // contract's own 401 says "Bearer calldesk_..."). A member named like a key is dropped.
    const p = JSON.parse(text, (name, value) =>
      name.includes("calldesk_") ? undefined : typeof value === "string" ? redact(value) : value,
    );
    // A broken or hostile server may send any JSON: keep an object only, and only object field errors.
    if (isObject(p)) {
      p.errors = ([] as unknown[]).concat(p.errors).filter(isObject);
      problem = p;
    }
  } catch {}
  const { status } = response;
  const C = BY_STATUS[status] ?? (status >= 500 ? InternalServerError : APIError);
  return new C(status, problem, response.headers, details);
}

/**
 * How long the server asks us to wait, in ms: `Retry-After-Ms` (as Stainless servers send it),
 * else `Retry-After` in delta-seconds or as an HTTP date; undefined when absent or unreadable.
 */
export function retryAfterMs(headers: Headers): number | undefined {
  const ms = Number.parseFloat(headers.get("retry-after-ms") as string);
  const value = headers.get("retry-after") ?? "";
  const after =
    ms >= 0
      ? ms
      : /^\d+$/.test(value)
        ? Number(value) * 1000
        : value
          ? Date.parse(value) - Date.now()
          : Number.NaN;
  return Number.isNaN(after) ? undefined : Math.max(0, after);
}
