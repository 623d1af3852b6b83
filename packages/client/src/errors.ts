// biome-ignore-all lint/complexity/noThisInStatic: `this.prototype.name` in each static block repeats byte for byte, which gzip folds; naming the class instead costs 70 bytes of a 5 kB budget.
import type { ErrorCode, FieldError, Problem } from "@calldesk/api-types";

/** The contract's key format (`x-api-key-pattern`, unanchored): the one copy in the client. */
export const KEY = /calldesk_[A-Za-z0-9]+/g;

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

/** Base of every error this package throws. */
export class CalldeskError extends Error {
  // Each class names itself: minifiers rename classes, and `name` is what logs print.
  static {
    this.prototype.name = "CalldeskError";
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
    this.prototype.name = "APIError";
  }
  declare readonly status: number;
  /** The problem's stable machine code (`invalid_e164`, `rate_limited`, ...). */
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
    const wait = retryAfterMs(headers.get("retry-after"));
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
    this.prototype.name = "BadRequestError";
  }
}
/** 401: the API key is missing, malformed or revoked. */
export class AuthenticationError extends APIError {
  static {
    this.prototype.name = "AuthenticationError";
  }
}
/** 403: the key is valid but may not place calls. */
export class PermissionDeniedError extends APIError {
  static {
    this.prototype.name = "PermissionDeniedError";
  }
}
/** 409: a request with the same Idempotency-Key is still in flight (thrown once retries are exhausted). */
export class ConflictError extends APIError {
  static {
    this.prototype.name = "ConflictError";
  }
}
/** 422: the body breaks the contract, the caller ID is not verified, or the key was reused with another body. */
export class UnprocessableEntityError extends APIError {
  static {
    this.prototype.name = "UnprocessableEntityError";
  }
  /** Every invalid field, as JSON pointers into the request body. */
  get fieldErrors(): FieldError[] {
    return this.problem?.errors ?? [];
  }
}
/** 429: too many requests; wait `retryAfter` seconds (the client already did, up to `maxRetries`). */
export class RateLimitError extends APIError {
  static {
    this.prototype.name = "RateLimitError";
  }
}
/** 5xx: the server failed. Retrying with the same Idempotency-Key is safe. */
export class InternalServerError extends APIError {
  static {
    this.prototype.name = "InternalServerError";
  }
}

/** The request never reached the server (DNS failure, connection refused, TLS failure): no call was placed. */
export class ConnectionError extends CalldeskError {
  static {
    this.prototype.name = "ConnectionError";
  }
}
/** The request was sent but no answer arrived: the call may exist. Retry with `idempotencyKey`. */
export class OutcomeUnknownError extends CalldeskError {
  static {
    this.prototype.name = "OutcomeUnknownError";
  }
}
/** The deadline (`timeoutMs`, across every attempt) passed. See `outcomeUnknown`. */
export class TimeoutError extends CalldeskError {
  static {
    this.prototype.name = "TimeoutError";
  }
}
/** The caller's `signal` aborted the request. See `outcomeUnknown`. */
export class AbortError extends CalldeskError {
  static {
    this.prototype.name = "AbortError";
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

/** The APIError subclass for an error answer. The body is redacted before it is parsed. */
export function errorFromResponse(response: Response, text: string, details: ErrorDetails): APIError {
  let problem: Problem | undefined;
  try {
    // A broken or hostile server may send any JSON: keep an object only, and only object field errors.
    const p = JSON.parse(redact(text));
    if (isObject(p)) {
      p.errors = ([] as unknown[]).concat(p.errors).filter(isObject);
      problem = p;
    }
  } catch {}
  const { status } = response;
  const C = BY_STATUS[status] ?? (status >= 500 ? InternalServerError : APIError);
  return new C(status, problem, response.headers, details);
}

/** `Retry-After` in milliseconds: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function retryAfterMs(value?: string | null): number | undefined {
  if (!value) {
    return undefined;
  }
  const ms = /^\d+$/.test(value) ? Number(value) * 1000 : Date.parse(value) - Date.now();
  return Number.isNaN(ms) ? undefined : Math.max(0, ms);
}
