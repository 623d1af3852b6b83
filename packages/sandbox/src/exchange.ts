// One request and its answer on the way through the pipeline: what the steps have learnt so far.
// Every field exists from the start, so that each exchange has the same shape for V8.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { FieldError } from "@calldesk/api-types";
import { type Faults, NO_FAULTS } from "./faults.js";
import type { LogLine } from "./options.js";
import type { RateLimitState } from "./rate-limit.js";

const NO_QUOTA: RateLimitState = Object.freeze({ allowed: true, remaining: 0, resetSeconds: 0 });
const NO_BODY = Buffer.alloc(0);
const NOT_PARSED: Record<string, unknown> = Object.freeze({});
export const NO_ERRORS: readonly FieldError[] = Object.freeze([]);

export class Exchange {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  readonly requestId: string;
  /** performance.now() at arrival; only the log line reads it. */
  readonly started: number;
  /** The request's path, without the query. */
  readonly path: string;
  /** What the request's log line adds, in the order the steps learn it. */
  readonly log: Partial<LogLine> = {};
  /** The index of the step that is running or waiting. */
  step = 0;
  /** Injected latency, served once before the answer (or before the creation). */
  latencyMs = 0;
  latencyDone = false;
  faults: Readonly<Faults> = NO_FAULTS;
  /** The API key's id (a hash): what quotas and idempotency keys are scoped by. */
  account = "";
  quota: RateLimitState = NO_QUOTA;
  idempotencyKey: string | undefined = undefined;
  /** The idempotency store's key while this exchange holds its reservation. */
  reserved: string | undefined = undefined;
  raw: Buffer = NO_BODY;
  /** The parsed body (a JSON object once the json step has passed). */
  body: Record<string, unknown> = NOT_PARSED;
  errors: readonly FieldError[] = NO_ERRORS;

  constructor(req: IncomingMessage, res: ServerResponse, requestId: string, started: number) {
    this.req = req;
    this.res = res;
    this.requestId = requestId;
    this.started = started;
    const url = req.url ?? "/";
    const query = url.indexOf("?");
    this.path = query === -1 ? url : url.slice(0, query);
  }
}
