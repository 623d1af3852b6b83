// The public shapes of @calldesk/sandbox: what `startSandbox` takes and gives, and its log lines.
import type { SandboxFaults } from "./faults.js";
import type { IdempotencyOptions } from "./idempotency.js";
import type { RateLimitOptions } from "./rate-limit.js";

export const DEFAULT_PORT = 4010;
export const DEFAULT_HOST = "127.0.0.1";

/** One structured log line per request. API keys never appear in it. */
export interface LogLine {
  time: string;
  msg: string;
  request_id?: string;
  method?: string;
  path?: string;
  status?: number | "reset";
  code?: string;
  duration_ms?: number;
  api_key?: string;
  idempotency_key?: string;
  replayed?: boolean;
  call_id?: string;
  faults?: string;
  [key: string]: unknown;
}

export interface SandboxOptions {
  /** Default 4010; 0 picks a free port. */
  port?: number;
  /** Default "127.0.0.1". */
  host?: string;
  /** Path of a bundled OpenAPI JSON document; default `@calldesk/api-types/openapi.json`. */
  spec?: string;
  /** Allow-list of API keys; default: any key matching the contract's `x-api-key-pattern`. */
  apiKeys?: string[];
  /** Caller IDs that may place calls; default: the caller IDs of the contract's request examples. */
  verifiedCallerIds?: string[];
  /** Per-server fault injection; the `Sandbox-Fault` header adds to it per request. */
  faults?: SandboxFaults;
  /** Receives one line per request (and start/stop lines). Default: no logging. */
  logger?: (line: LogLine) => void;
  /** Quota per API key; default 1000 requests per 1 s window. */
  rateLimit?: RateLimitOptions;
  /** Bounds of the idempotency store; default 10,000 answers kept 24 h. */
  idempotency?: IdempotencyOptions;
  /** How many created calls `GET /_sandbox/calls` keeps (the most recent); default 10,000. */
  maxCalls?: number;
  /** Browser origins allowed to call it (CORS), e.g. `http://localhost:3000`; default any (`*`). */
  corsOrigins?: string[];
}

export interface Sandbox {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:4010`. */
  url: string;
  /** Stops accepting connections, lets requests in flight finish, then resolves. */
  close(): Promise<void>;
}
