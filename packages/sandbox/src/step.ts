// What a step of the request pipeline is, and what it can say: go on to the next step, wait
// (it resumes the exchange itself, e.g. once the body is read), or an answer, which the runner
// (runner.ts) sends. Steps never write to the response themselves.
import type { FieldError } from "@calldesk/api-types";
import type { ErrorCode } from "./contract.js";
import type { Exchange } from "./exchange.js";
import type { LogLine } from "./options.js";
import type { SandboxState } from "./state.js";

/**
 * Response headers as node:http's flat `[name, value, name, value, ...]` list. writeHead takes it
 * as is; building and walking a header object per request cost about a quarter of the throughput.
 */
export type HeaderList = string[];

/** Go on with the next step. */
export const NEXT = Symbol("next");
/** The step has arranged to call `sandbox.resume(exchange, outcome)` later. */
export const PENDING = Symbol("pending");

/**
 * An application/problem+json answer; the runner adds instance, request_id, and the type and
 * title its code names (one kind of problem, one code, one type).
 */
export interface ProblemAnswer {
  kind: "problem";
  status: number;
  code: ErrorCode;
  detail: string;
  headers: HeaderList | undefined;
  errors: FieldError[] | undefined;
}

/** An answer with a ready body (or none), e.g. a 201 or a replay. */
export interface ReplyAnswer {
  kind: "reply";
  status: number;
  body: string | undefined;
  headers: HeaderList;
  log: Partial<LogLine> | undefined;
}

/** No answer: the connection is reset, as a crashed server or a proxy would drop it. */
export interface ResetAnswer {
  kind: "reset";
  log: Partial<LogLine> | undefined;
}

export type Answer = ProblemAnswer | ReplyAnswer | ResetAnswer;
export type Outcome = Answer | typeof NEXT | typeof PENDING;

export interface Step {
  /** Its name in the README's "What it checks, in order" table: the module `steps/<name>.ts`. */
  name: string;
  /** What it checks, as the README's table says it. */
  check: string;
  /** What it answers when the check fails, as the README's table says it. */
  answer: string;
  run(exchange: Exchange, sandbox: SandboxState): Outcome;
}

export function problem(
  status: number,
  code: ErrorCode,
  detail: string,
  more: { errors?: FieldError[]; headers?: HeaderList } = {},
): ProblemAnswer {
  return {
    kind: "problem",
    status,
    code,
    detail,
    headers: more.headers,
    errors: more.errors,
  };
}

export function reply(
  status: number,
  body: string | undefined,
  headers: HeaderList,
  log?: Partial<LogLine>,
): ReplyAnswer {
  return { kind: "reply", status, body, headers, log };
}

export function reset(log?: Partial<LogLine>): ResetAnswer {
  return { kind: "reset", log };
}
