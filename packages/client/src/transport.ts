import {
  AbortError,
  CalldeskError,
  ConnectionError,
  type ErrorDetails,
  OutcomeUnknownError,
  retryAfterMs,
  TimeoutError,
} from "./errors.js";

export type Fetch = (input: string, init: RequestInit) => Promise<Response>;

export interface Transport {
  fetch: Fetch;
  authorization: string;
  maxRetries: number;
  timeoutMs: number;
  /** Replaces the wait between attempts (tests); the default one ends early when the request is aborted. */
  sleep: ((ms: number) => Promise<void>) | undefined;
  random: () => number;
}

export interface SendOptions {
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

/** setTimeout clamps delays of 2^31 ms or more to 1 ms: such a deadline would fire at once. */
export function checkTimeout(ms: number): void {
  if (!(ms > 0 && ms < 2 ** 31)) {
    throw new CalldeskError("timeoutMs must be in (0, 2^31)");
  }
}

/**
 * One logical request: attempts, waits and one deadline. Returns the final answer (a success, a
 * non-retriable error status, or the last retriable one); throws the transport errors.
 */
export async function send(
  t: Transport,
  method: string,
  url: string,
  headers: Record<string, string>,
  body: string | undefined,
  options: SendOptions,
): Promise<Sent> {
  const key = options.idempotencyKey ?? (method === "POST" ? crypto.randomUUID() : undefined);
  const timeoutMs = options.timeoutMs ?? t.timeoutMs;
  // Visible ASCII only: CR/LF would inject headers, and fetch refuses other bytes only after
  // the attempt has started, which would look like an unknown outcome. Not empty: an empty key
  // would send no Idempotency-Key at all, and a retry could place the call twice.
  if (!/^[!-~]+$/.test(key as string)) {
    throw new CalldeskError("idempotencyKey must be non-empty visible ASCII");
  }
  checkTimeout(timeoutMs);
  headers.authorization = t.authorization;
  if (key) {
    headers["idempotency-key"] = key;
  }
  const controller = new AbortController();
  const { signal } = controller;
  const init: RequestInit = { method, headers, body: body ?? null, signal };
  let attempts = 0;
  let outcomeUnknown = false;
  let pause: ReturnType<typeof setTimeout> | undefined;
  const details = (cause?: unknown): ErrorDetails => ({
    idempotencyKey: key,
    attempts,
    outcomeUnknown,
    cause,
  });
  const user = options.signal;
  // One controller per request: the caller's signal and the deadline both abort it, and with it
  // the attempt in flight or the wait between two attempts.
  const abort = () => controller.abort();
  const timer = setTimeout(() => controller.abort(TIMEOUT), timeoutMs);
  const stopped = () =>
    signal.reason === TIMEOUT
      ? new TimeoutError(`deadline of ${timeoutMs} ms passed`, details())
      : new AbortError("aborted", details());
  const deadline = Date.now() + timeoutMs;
  user?.addEventListener("abort", abort);
  if (user?.aborted) {
    abort();
  }

  try {
    for (;;) {
      if (signal.aborted) {
        throw stopped();
      }
      attempts++;
      let response: Response | undefined;
      let text = "";
      let failure: CalldeskError | undefined;
      try {
        response = await t.fetch(url, init);
        text = await response.text();
      } catch (error) {
        // An abort while the request is in flight: it may have been read by the server.
        outcomeUnknown ||= !!response || signal.aborted || !neverSent(error);
        if (signal.aborted) {
          throw stopped();
        }
        const why = `(${errorCode(error) ?? (error as Error)?.message})`;
        failure = outcomeUnknown
          ? new OutcomeUnknownError(`sent, no answer ${why}: retry with this idempotencyKey`, details(error))
          : new ConnectionError(`not sent ${why}`, details(error));
      }
      const delay =
        retryAfterMs(response?.headers.get("retry-after")) ??
        Math.min(500 * 2 ** (attempts - 1), 8000) * (1 - 0.25 * t.random());
      // Final: a definite answer, no retries left, or a wait that would outlast the deadline.
      if (
        (response && !failure && !retriable(response.status)) ||
        attempts > t.maxRetries ||
        Date.now() + delay >= deadline
      ) {
        if (failure) {
          throw failure;
        }
        // The details travel with a final error status too: an earlier attempt whose answer was
        // lost may have created the call, whatever this last answer says.
        return { response: response as Response, text, ...details() };
      }
      await (t.sleep?.(delay) ??
        new Promise((resolve) => {
          pause = setTimeout(resolve, delay);
          signal.addEventListener("abort", resolve as () => void);
        }));
    }
  } finally {
    clearTimeout(timer);
    clearTimeout(pause);
    user?.removeEventListener("abort", abort);
  }
}
