import {
  AbortError,
  CalldeskError,
  ConnectionError,
  type ErrorDetails,
  isObject,
  OutcomeUnknownError,
  retryAfterMs,
  TimeoutError,
} from "./errors.js";
import { type Logger, log, masked } from "./log.js";

export type Fetch = (input: string, init: RequestInit) => Promise<Response>;

export interface Transport {
  fetch: Fetch;
  /** Sent on every attempt: authorization, user-agent. */
  headers: Record<string, string>;
  maxRetries: number;
  timeoutMs: number;
  attemptTimeoutMs: number;
  /** Replaces the wait between attempts (tests); the default one ends early when the request is aborted. */
  sleep: ((ms: number) => Promise<void>) | undefined;
  random: () => number;
  /** Index in LEVELS: 0 off, 1 error, 2 warn, 3 info, 4 debug. */
  level: number;
  logger: Logger;
}

export interface RequestOptions {
  /** Sent as `Idempotency-Key` on every attempt; a random UUID v4 is generated for a POST without one. */
  idempotencyKey?: string | undefined;
  /** Aborting it stops the request and any pending retry at once. */
  signal?: AbortSignal | null | undefined;
  /** Overrides the client's deadline for this request (all attempts and waits included). */
  timeoutMs?: number | undefined;
}

export interface Sent extends ErrorDetails {
  response: Response;
  /** The body, already read: a body that fails half-way is retried like a lost answer. */
  text: string;
  /** A success's body, parsed: always a JSON object. */
  data: unknown;
}

// Error codes raised before any byte of the request can have left the machine: connection refused,
// name resolution, unreachable host, connect timeout, certificate failures (Node's errno / undici /
// OpenSSL codes, Bun's ConnectionRefused). Anything else (ECONNRESET, EPIPE, UND_ERR_SOCKET, a body
// that breaks off, a browser's bare "Failed to fetch") may come after the server read the request,
// so it counts as "sent, outcome unknown".
const NEVER_SENT = /CONNREFUSED|NOTFOUND|AI_AGAIN|UNREACH|CONNECT_TIMEOUT|CERT|UNABLE_TO|ConnectionRefused/;

/** The first `code` on the error or its causes (undici wraps the socket error in "fetch failed"). */
export const errorCode = (error: unknown, depth = 4): string | undefined => {
  const e = error as { code?: unknown; cause?: unknown } | undefined;
  return typeof e?.code === "string" ? e.code : e && depth ? errorCode(e.cause, depth - 1) : undefined;
};

/** Whether `error`, thrown by fetch, proves the request never reached the server. */
export const neverSent = (error: unknown): boolean => NEVER_SENT.test(errorCode(error) ?? "");

const TIMEOUT = "deadline";

const retriable = (status: number): boolean =>
  status === 408 || status === 409 || status === 429 || status >= 500;

// Statuses the contract answers before processing a request. With the contract's problem body,
// they prove no call was placed; anything else (a 500, a 409 whose first request may still
// place the call, a proxy's HTML 502 sent after it forwarded the request) may follow a call.
const REFUSED = [400, 401, 403, 413, 415, 422, 429, 503];

/** Whether an error answer (`data`: its body, parsed) proves the request placed no call. */
const refused = (response: Response, data: unknown): boolean => {
  const p = data as Record<string, unknown> | undefined;
  return (
    REFUSED.includes(response.status) &&
    /^application\/problem\+json/.test(response.headers.get("content-type") as string) &&
    p?.status === response.status &&
    [p.type, p.title, p.code, p.request_id].every((v) => typeof v === "string")
  );
};

/** setTimeout clamps delays of 2^31 ms or more to 1 ms: such a limit would fire at once. */
export function checkTimeout(name: string, ms: number): void {
  if (!(ms > 0 && ms < 2 ** 31)) {
    throw new CalldeskError(`${name} must be in (0, 2^31)`);
  }
}

/**
 * One logical request: attempts, waits and one deadline. Returns the final answer (a success whose
 * body is a JSON object, a non-retriable error status, or the last retriable one); throws the
 * transport errors.
 */
export async function send(
  t: Transport,
  method: string,
  url: string,
  headers: Record<string, string>,
  body: string | undefined,
  options: RequestOptions,
): Promise<Sent> {
  const key = options.idempotencyKey ?? (method === "POST" ? crypto.randomUUID() : undefined);
  const timeoutMs = options.timeoutMs ?? t.timeoutMs;
  // Visible ASCII only: CR/LF would inject headers, and fetch refuses other bytes only after
  // the attempt has started, which would look like an unknown outcome. Not empty: an empty key
  // would send no Idempotency-Key at all, and a retry could place the call twice.
  if (!/^[!-~]+$/.test(key as string)) {
    throw new CalldeskError("idempotencyKey must be non-empty visible ASCII");
  }
  checkTimeout("timeoutMs", timeoutMs);
  Object.assign(headers, t.headers);
  if (key) {
    headers["idempotency-key"] = key;
  }
  const what = () => `${method} ${new URL(url).pathname} attempt ${attempts}`;
  let attempts = 0;
  let outcomeUnknown = false;
  let pause: ReturnType<typeof setTimeout> | undefined;
  const details = (cause?: unknown): ErrorDetails => ({
    idempotencyKey: key,
    attempts,
    outcomeUnknown,
    cause,
  });
  // Every request that ends in an error with its outcome unknown is logged with the key that learns it.
  const unknown = (why: unknown) =>
    `${what()}: ${why}; outcome unknown, the call may exist: retry with idempotencyKey ${key}`;
  // One controller at a time. The deadline and the caller's signal end the request: they abort
  // it, and with it the attempt in flight or the wait between two attempts. An attempt's own
  // limit aborts it too, but ends only that attempt: the next one gets a fresh controller.
  let controller = new AbortController();
  let ended: string | undefined;
  const end = (why: string) => {
    ended = why;
    controller.abort();
  };
  const user = options.signal;
  const abort = () => end("aborted");
  const timer = setTimeout(end, timeoutMs, TIMEOUT);
  const stopped = () => {
    const error =
      ended === TIMEOUT
        ? new TimeoutError(`deadline of ${timeoutMs} ms passed`, details())
        : new AbortError("aborted", details());
    if (outcomeUnknown) {
      log(t, 2, () => unknown(error.message));
    }
    return error;
  };
  const deadline = Date.now() + timeoutMs;
  user?.addEventListener("abort", abort);
  if (user?.aborted) {
    abort();
  }

  try {
    for (;;) {
      if (ended) {
        throw stopped();
      }
      attempts++;
      let response: Response | undefined;
      let text = "";
      let data: unknown;
      let failure: CalldeskError | undefined;
      // What ended the attempt: its status, or the failure's code.
      let why: unknown;
      const started = Date.now();
      const { signal } = controller;
      const stall = setTimeout(() => controller.abort(), t.attemptTimeoutMs);
      try {
        response = await t.fetch(url, { method, headers, body: body ?? null, signal });
        text = await response.text();
        try {
          data = JSON.parse(text);
        } catch {}
        // A 2xx means the call was created: an answer that does not describe it is as good as lost.
        if (response.ok && !isObject(data)) {
          throw new TypeError("the answer is not a JSON object");
        }
      } catch (error) {
        // An abort while the request is in flight: it may have been read by the server.
        outcomeUnknown ||= !!response || signal.aborted || !neverSent(error);
        if (ended) {
          throw stopped();
        }
        why = signal.aborted
          ? `attemptTimeoutMs ${t.attemptTimeoutMs} passed`
          : (errorCode(error) ?? (error as Error)?.message);
        failure = outcomeUnknown
          ? new OutcomeUnknownError(
              `outcome unknown (${why}): retry with this idempotencyKey`,
              details(error),
            )
          : new ConnectionError(`not sent (${why})`, details(error));
      } finally {
        clearTimeout(stall);
      }
      if (signal.aborted) {
        // The attempt stalled: the next attempt, and the wait before it, need a live controller.
        controller = new AbortController();
      }
      why ??= response?.status;
      log(
        t,
        4,
        () =>
          `${what()}: ${why} in ${Date.now() - started} ms, request ${response?.headers.get("x-request-id") ?? "none"}; ` +
          `sent ${JSON.stringify({ ...headers, authorization: "***" })} ${masked(body ?? "")}; got ${masked(text)}`,
      );
      if (!failure && response?.ok) {
        return { response, text, data, ...details() };
      }
      outcomeUnknown ||= !failure && !refused(response as Response, data);
      const asked = response && retryAfterMs(response.headers);
      const delay = asked ?? Math.min(500 * 2 ** (attempts - 1), 8000) * (1 - 0.25 * t.random());
      // `X-Should-Retry` (as Stainless servers send it) overrides the status: false never retries;
      // true retries any status, but only a request whose key makes a retry safe.
      const should = response?.headers.get("x-should-retry");
      // Not when the answer is definite, no retries are left, or the wait would outlast the deadline.
      const retry =
        (failure ||
          (should !== "false" && (retriable(response?.status as number) || (should === "true" && key)))) &&
        attempts <= t.maxRetries &&
        Date.now() + delay < deadline;
      if (!retry) {
        if (outcomeUnknown) {
          log(t, 2, () => unknown(why));
        }
        if (failure) {
          throw failure;
        }
        // The details travel with a final error status too: an earlier attempt whose answer was
        // lost may have created the call, whatever this last answer says.
        return { response: response as Response, text, data, ...details() };
      }
      log(
        t,
        3,
        () =>
          `${what()}: ${why}; retry in ${Math.round(delay)} ms (${asked === undefined ? "backoff" : "Retry-After"})`,
      );
      await (t.sleep?.(delay) ??
        new Promise((resolve) => {
          pause = setTimeout(resolve, delay);
          controller.signal.addEventListener("abort", resolve as () => void);
        }));
    }
  } finally {
    clearTimeout(timer);
    clearTimeout(pause);
    user?.removeEventListener("abort", abort);
  }
}
