// What both entry points (`@calldesk/client` and `@calldesk/client/raw`) do with the options: the
// checks, and the transport that carries the key. Internal: not an entry point of its own.
import { CalldeskError, KEY } from "./errors.js";
import { type Logger, type LogLevel, levelOf } from "./log.js";
import { checkTimeout, type Fetch, type Transport } from "./transport.js";

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

const LOOPBACK = /^(localhost|\[::1\]|127\.\d+\.\d+\.\d+)$/;

/** Checks the options (throwing a CalldeskError that never holds the key) and builds the transport. */
export function configure(options: ClientOptions): { baseUrl: string; t: Transport } {
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
  const { maxRetries = 2, timeoutMs = 60_000, attemptTimeoutMs = 20_000, logger = console } = options;
  if (!(Number.isInteger(maxRetries) && maxRetries >= 0)) {
    throw new CalldeskError("maxRetries must be an integer >= 0");
  }
  checkTimeout("timeoutMs", timeoutMs);
  checkTimeout("attemptTimeoutMs", attemptTimeoutMs);
  return {
    baseUrl: url.href.replace(/\/+$/, ""),
    t: {
      fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
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
    },
  };
}

/**
 * The key lives only in closures, out of reach of util.inspect and JSON.stringify; this is what
 * util.inspect shows of a client instead of a list of functions.
 */
export const redacted = (name: string, baseUrl: string) => ({
  [Symbol.for("nodejs.util.inspect.custom")]: () => `${name} { baseUrl: '${baseUrl}', apiKey: [redacted] }`,
});
