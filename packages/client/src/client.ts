import type { Call, CreateCallRequest, paths } from "@calldesk/api-types";
import * as openapiFetch from "openapi-fetch";
import { CalldeskError, errorFromResponse, KEY } from "./errors.js";
import { type Logger, type LogLevel, levelOf } from "./log.js";
import { checkTimeout, type Fetch, type RequestOptions, send, type Transport } from "./transport.js";

export type { Logger, LogLevel } from "./log.js";
export type { Fetch, RequestOptions } from "./transport.js";

// The package's version, written in by the build (tsdown `define`) from package.json.
declare const __VERSION__: string;

export interface ClientOptions {
  /** `calldesk_...`; defaults to the `CALLDESK_API_KEY` environment variable where there is one. */
  apiKey?: string | undefined;
  /** Defaults to https://api.247calldesk.com. Plain http is accepted for loopback only, unless `allowInsecureHttp`. */
  baseUrl?: string | undefined;
  /** Accept a plain http `baseUrl` beyond loopback (a sandbox in docker-compose or a CI service): the key travels in clear. */
  allowInsecureHttp?: boolean | undefined;
  /** Retries after the first attempt (default 2): connection errors, lost answers, 408, 409, 429, 5xx. */
  maxRetries?: number | undefined;
  /** One deadline per request across every attempt and wait, in ms (default 60 000). */
  timeoutMs?: number | undefined;
  /** The longest one attempt may take, in ms (default 20 000, and never past the deadline); a stalled attempt is retried with the same key. */
  attemptTimeoutMs?: number | undefined;
  /** What the client logs (default "warn", or the `CALLDESK_LOG` environment variable where there is one). */
  logLevel?: LogLevel | undefined;
  /** Where the client logs (default `console`): any object with debug, info, warn and error. */
  logger?: Logger | undefined;
  /** A fetch implementation (default: the global one), e.g. a stub in tests. */
  fetch?: Fetch | undefined;
  /** For deterministic tests: replaces the wait between attempts (an abort then no longer cuts it short). */
  sleep?: ((ms: number) => Promise<void>) | undefined;
  /** For deterministic tests: the jitter source, in [0, 1). */
  random?: (() => number) | undefined;
}

/** What the answer said besides the call itself. */
export interface LastResponse {
  /** The final HTTP answer; its body has already been read. */
  response: Response;
  /** `X-Request-Id`: quote it when contacting support. */
  requestId: string | undefined;
  /** The Idempotency-Key sent on every attempt. */
  idempotencyKey: string;
  /** True when the server replayed the stored answer of an earlier request with this key: no new call was placed. */
  replayed: boolean;
  /** How many HTTP attempts it took. */
  attempts: number;
}

/** A created call. `lastResponse` is not enumerable: JSON.stringify(call) is exactly the API's Call. */
export type CreatedCall = Call & { readonly lastResponse: LastResponse };

export interface CalldeskClient {
  calls: {
    /** Places a call. Retries are safe: every attempt carries the same Idempotency-Key. */
    create(body: CreateCallRequest, options?: RequestOptions): Promise<CreatedCall>;
  };
  /** The typed openapi-fetch client, with the same auth, idempotency keys, retries and deadline. */
  raw: Client<paths>;
}

type Client<P extends {}> = openapiFetch.Client<P>;
// openapi-fetch's CommonJS build is `exports.default = createClient` (with __esModule); our CommonJS
// build imports it the Node way, where the default import is that whole `exports` object.
const createClient =
  (openapiFetch.default as unknown as { default?: typeof openapiFetch.default }).default ??
  openapiFetch.default;

const CALLS = "/api/v1/voice/calls" satisfies keyof paths;
const LOOPBACK = /^(localhost|\[::1\]|127\.\d+\.\d+\.\d+)$/;

export function createCalldeskClient(options: ClientOptions = {}): CalldeskClient {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  const apiKey = options.apiKey ?? env?.CALLDESK_API_KEY;
  // The messages never include the value: a malformed key is often a real key with a typo.
  if (!apiKey) {
    throw new CalldeskError("apiKey is missing: pass { apiKey } or set CALLDESK_API_KEY");
  }
  // Only what cannot be a key is refused (the rest of the format is the server's business): the
  // whole key must be one match of the pattern the redaction uses, so every accepted key is redacted.
  if (apiKey.match(KEY)?.[0] !== apiKey) {
    throw new CalldeskError("apiKey is malformed: expected calldesk_ then visible ASCII");
  }
  let url: URL | undefined;
  try {
    url = new URL(options.baseUrl ?? "https://api.247calldesk.com");
  } catch {}
  if (
    !url ||
    !(
      url.protocol === "https:" ||
      (url.protocol === "http:" && (options.allowInsecureHttp || LOOPBACK.test(url.hostname)))
    ) ||
    url.username + url.password + url.search + url.hash
  ) {
    throw new CalldeskError(
      "baseUrl must be https (or loopback, or allowInsecureHttp), no credentials, query or fragment",
    );
  }
  const baseUrl = url.href.replace(/\/+$/, "");
  const { maxRetries = 2, timeoutMs = 60_000, attemptTimeoutMs = 20_000, logger = console } = options;
  if (!(Number.isInteger(maxRetries) && maxRetries >= 0)) {
    throw new CalldeskError("maxRetries must be an integer >= 0");
  }
  checkTimeout("timeoutMs", timeoutMs);
  checkTimeout("attemptTimeoutMs", attemptTimeoutMs);
  const fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const t: Transport = {
    fetch,
    // Browsers set their own User-Agent (and may refuse ours in a CORS preflight): only where
    // there is a process, as in Node, Bun, Deno and edge runtimes with Node compatibility.
    headers: {
      authorization: `Bearer ${apiKey}`,
      ...(env && { "user-agent": `calldesk-node/${__VERSION__}` }),
    },
    maxRetries,
    timeoutMs,
    attemptTimeoutMs,
    sleep: options.sleep,
    random: options.random ?? Math.random,
    level: levelOf(options.logLevel, env?.CALLDESK_LOG),
    logger,
  };

  // openapi-fetch hands over a Request whose body is a stream; it is read once here and sent as
  // a string on every attempt (also faster than letting fetch consume the stream).
  const rawFetch = async (request: Request): Promise<Response> => {
    const headers: Record<string, string> = Object.fromEntries(request.headers);
    const sent = await send(
      t,
      request.method,
      request.url,
      headers,
      request.body ? await request.text() : undefined,
      { idempotencyKey: headers["idempotency-key"], signal: request.signal },
    );
    return new Response(sent.text || null, sent.response);
  };

  const client: CalldeskClient = {
    calls: {
      async create(body, requestOptions = {}) {
        const sent = await send(
          t,
          "POST",
          baseUrl + CALLS,
          { "content-type": "application/json" },
          JSON.stringify(body),
          requestOptions,
        );
        const { response, text, data, ...details } = sent;
        if (!response.ok) {
          throw errorFromResponse(response, text, details);
        }
        const lastResponse: LastResponse = {
          response,
          requestId: response.headers.get("x-request-id") ?? undefined,
          // A POST always carries a key (given or generated) and makes at least one attempt.
          idempotencyKey: details.idempotencyKey as string,
          replayed: response.headers.get("idempotent-replayed") === "true",
          attempts: details.attempts as number,
        };
        return Object.defineProperty(data as Call, "lastResponse", { value: lastResponse }) as CreatedCall;
      },
    },
    raw: createClient<paths>({ baseUrl, fetch: rawFetch }),
    // The key lives only in closures, out of reach of util.inspect and JSON.stringify; this is what
    // util.inspect shows instead of a list of functions.
    [Symbol.for("nodejs.util.inspect.custom")]: () =>
      `CalldeskClient { baseUrl: '${baseUrl}', apiKey: [redacted] }`,
  };
  return client;
}
