// The sandbox: a plain node:http server for `POST /api/v1/voice/calls` plus two inspection
// routes under `/_sandbox/`. Plain node:http because the contract has one operation and the
// benchmark target (8x Prism) leaves no room for a framework's routing and hooks.
import { createHash, randomFillSync, randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import type { Call, CreateCallRequest, ErrorCode, FieldError, Problem } from "@calldesk/api-types";
import { CallLog } from "./calls.js";
import { canonicalJson } from "./canonical.js";
import { type Contract, loadContract } from "./contract.js";
import { createCors } from "./cors.js";
import {
  FAULT_HEADER,
  FaultHeaderError,
  type Faults,
  NO_FAULTS,
  parseFaultHeader,
  resolveFaults,
  type SandboxFaults,
  validateServerFaults,
} from "./faults.js";
import { type IdempotencyOptions, IdempotencyStore } from "./idempotency.js";
import { DEFAULT_RATE_LIMIT, RateLimiter, type RateLimitOptions, type RateLimitState } from "./rate-limit.js";
import { destinationBehaviour, SLOW_ANSWER_MS, TEST_RETRY_AFTER_SECONDS } from "./test-numbers.js";
import { fieldErrors, plural, sortFieldErrors } from "./validation.js";

export const DEFAULT_PORT = 4010;
export const DEFAULT_HOST = "127.0.0.1";
const INSPECTION_PREFIX = "/_sandbox/";

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

/**
 * Response headers as node:http's flat `[name, value, name, value, ...]` list. writeHead takes it
 * as is; building and walking a header object per request cost about a quarter of the throughput.
 */
type HeaderList = string[];

interface Context {
  req: IncomingMessage;
  res: ServerResponse;
  requestId: string;
  started: number;
  path: string;
  log: Partial<LogLine>;
  latencyMs: number;
  latencyDone: boolean;
}

const CALL_ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
const CALL_ID_LENGTH = 14;
const randomPool = Buffer.alloc(4096);
let randomOffset = randomPool.length;

/** `call_` + 14 lowercase letters and digits, like the seed's `call_cm1abc2def3gh4`. */
function newCallId(): string {
  if (randomOffset + CALL_ID_LENGTH > randomPool.length) {
    randomFillSync(randomPool);
    randomOffset = 0;
  }
  let id = "call_";
  for (let i = 0; i < CALL_ID_LENGTH; i += 1) {
    id += CALL_ID_ALPHABET[(randomPool[randomOffset + i] as number) % CALL_ID_ALPHABET.length];
  }
  randomOffset += CALL_ID_LENGTH;
  return id;
}

// Request ids only need to be unique: a random per-process prefix and a counter are cheaper
// than a UUID per request.
const requestIdPrefix = `req_${randomUUID().replace(/-/g, "").slice(0, 12)}`;
let requestCounter = 0;

function newRequestId(): string {
  requestCounter += 1;
  return `${requestIdPrefix}${requestCounter.toString(36).padStart(8, "0")}`;
}

let clockSecond = -1;
let clockText = "";

/** RFC 3339 UTC without milliseconds, like the seed's `2026-04-15T18:30:22Z`. */
function timestamp(): string {
  const second = Math.floor(Date.now() / 1000);
  if (second !== clockSecond) {
    clockSecond = second;
    clockText = `${new Date(second * 1000).toISOString().slice(0, 19)}Z`;
  }
  return clockText;
}

// Idempotency keys and quotas are scoped per API key through a hash, so the idempotency store
// and the quota windows never hold a key; the hashes are cached here (at most 1000 keys,
// never exposed) because every request asks for one.
const keyIds = new Map<string, string>();

function keyId(apiKey: string): string {
  let id = keyIds.get(apiKey);
  if (id === undefined) {
    if (keyIds.size >= 1000) {
      keyIds.clear();
    }
    id = createHash("sha256").update(apiKey).digest("base64url").slice(0, 22);
    keyIds.set(apiKey, id);
  }
  return id;
}

function resetSocket(socket: Socket | null): void {
  if (!socket) {
    return;
  }
  // An RST is what a client sees when a proxy or a crashed server drops it.
  socket.resetAndDestroy();
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const contract = loadContract(options.spec);
  const handler = createHandler(contract, options);
  const server = createServer({ keepAliveTimeout: 5000 }, handler.handle);
  const port = options.port ?? DEFAULT_PORT;
  const host = options.host ?? DEFAULT_HOST;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const urlHost = address.family === "IPv6" ? `[${address.address}]` : address.address;
  const url = `http://${urlHost}:${address.port}`;
  handler.logger?.({ time: timestamp(), msg: "listening", url });
  let closing: Promise<void> | undefined;
  return {
    url,
    close: () => {
      closing ??= closeServer(server, handler);
      return closing;
    },
  };
}

function closeServer(server: Server, handler: Handler): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    server.close((error) => {
      handler.logger?.({ time: timestamp(), msg: "closed" });
      return error ? reject(error) : resolve();
    });
    // Pending latency (injected or the slow test number) ends now; keep-alive sockets go.
    handler.shutdown();
    server.closeIdleConnections();
  });
}

interface Handler {
  handle: (req: IncomingMessage, res: ServerResponse) => void;
  logger: ((line: LogLine) => void) | undefined;
  /** Runs every delayed step now. */
  shutdown: () => void;
}

// The handler is written with callbacks, not async/await, on purpose: answering from inside the
// request's own 'end' event lets node:http send headers and body in one write, and measured
// about 3x the throughput of answering from a promise continuation.
export function createHandler(contract: Contract, options: SandboxOptions): Handler {
  const logger = options.logger;
  const apiKeys = options.apiKeys ? new Set(options.apiKeys) : undefined;
  const apiKeyPattern = contract.apiKeyPattern;
  if (!apiKeys && !apiKeyPattern) {
    throw new Error(
      "spec: the contract's bearer scheme has no x-api-key-pattern, so the sandbox cannot tell a well-formed key; pass apiKeys (--api-key) to list the keys to accept",
    );
  }
  const verifiedCallerIds = new Set(options.verifiedCallerIds ?? contract.exampleCallerIds);
  const serverFaults = options.faults ?? {};
  validateServerFaults(serverFaults);
  const rateLimiter = new RateLimiter(options.rateLimit ?? DEFAULT_RATE_LIMIT);
  const idempotency = new IdempotencyStore(options.idempotency);
  const calls = new CallLog(options.maxCalls);
  const cors = createCors(contract.cors, options.corsOrigins);
  const pending = new Set<() => void>();
  let shuttingDown = false;
  const mediaTypes = new Set(contract.mediaTypes);

  const serverHasFaults = Object.keys(serverFaults).length > 0;

  function acceptsContentType(contentType: string): boolean {
    // The bare media type is what nearly every client sends: no need to parse parameters.
    if (mediaTypes.has(contentType)) {
      return true;
    }
    const [mediaType = "", ...parameters] = contentType.split(";").map((part) => part.trim().toLowerCase());
    const charset = parameters
      .find((parameter) => parameter.startsWith("charset="))
      ?.slice(8)
      .replace(/"/g, "");
    return mediaTypes.has(mediaType) && (charset === undefined || charset === "utf-8");
  }

  function isAuthorised(key: string): boolean {
    return apiKeys ? apiKeys.has(key) : apiKeyPattern?.test(key) === true;
  }

  /** Runs `step` after the request's injected latency (served once), or right away. */
  function afterLatency(ctx: Context, step: () => void): void {
    if (ctx.latencyDone || ctx.latencyMs <= 0 || shuttingDown) {
      ctx.latencyDone = true;
      guard(ctx, step);
      return;
    }
    ctx.latencyDone = true;
    const run = () => {
      clearTimeout(timer);
      pending.delete(run);
      guard(ctx, step);
    };
    const timer = setTimeout(run, ctx.latencyMs);
    pending.add(run);
  }

  function guard(ctx: Context, step: () => void): void {
    try {
      step();
    } catch (error) {
      logger?.({
        time: timestamp(),
        msg: "error",
        request_id: ctx.requestId,
        error: error instanceof Error ? error.message : String(error),
      });
      if (!ctx.res.headersSent && !ctx.res.destroyed) {
        ctx.latencyDone = true;
        problem(ctx, 500, "internal_error", "An unexpected error occurred in the sandbox.");
      } else {
        ctx.res.destroy();
      }
    }
  }

  function finish(ctx: Context, status: number | "reset", extra: Partial<LogLine> = {}): void {
    if (!logger) {
      return;
    }
    logger({
      time: timestamp(),
      msg: "request",
      request_id: ctx.requestId,
      method: ctx.req.method ?? "",
      path: ctx.path,
      status,
      duration_ms: Math.round((performance.now() - ctx.started) * 10) / 10,
      ...ctx.log,
      ...extra,
    });
  }

  function send(
    ctx: Context,
    status: number,
    body: string | undefined,
    headers: HeaderList,
    extra: Partial<LogLine> = {},
  ): void {
    const { res } = ctx;
    if (!res.destroyed && !res.headersSent) {
      // Every caller builds `headers` for this answer alone, so it is completed in place.
      headers.push("X-Request-Id", ctx.requestId, ...cors.headers(ctx.req.headers.origin));
      if (body !== undefined) {
        headers.push("Content-Length", String(Buffer.byteLength(body)));
      }
      res.writeHead(status, headers);
      res.end(body);
    }
    finish(ctx, status, extra);
  }

  /** Answers a problem+json (after the request's injected latency, if any). */
  function problem(
    ctx: Context,
    status: number,
    code: ErrorCode,
    detail: string,
    more: { errors?: FieldError[]; headers?: HeaderList; typeOf?: ErrorCode } = {},
  ): void {
    afterLatency(ctx, () => {
      const { type, title } = contract.problemType(code, more.typeOf);
      const body: Problem = {
        type,
        title,
        status,
        detail,
        instance: ctx.path,
        code,
        request_id: ctx.requestId,
        ...(more.errors ? { errors: more.errors } : {}),
      };
      send(
        ctx,
        status,
        JSON.stringify(body),
        ["Content-Type", "application/problem+json", ...(more.headers ?? [])],
        { code },
      );
    });
  }

  /** Reads the body up to the contract's limit; `done` gets undefined when it is too large. */
  function readBody(ctx: Context, done: (body: Buffer | undefined) => void): void {
    const chunks: Buffer[] = [];
    let size = 0;
    let finished = false;
    ctx.req.on("data", (chunk: Buffer) => {
      if (finished) {
        return;
      }
      size += chunk.length;
      if (size > contract.maxBodyBytes) {
        finished = true;
        ctx.req.pause();
        guard(ctx, () => done(undefined));
        return;
      }
      chunks.push(chunk);
    });
    ctx.req.on("end", () => {
      if (!finished) {
        finished = true;
        guard(ctx, () => done(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks)));
      }
    });
    ctx.req.on("error", () => {
      // The client went away mid-body: there is nobody to answer.
      finished = true;
    });
  }

  function tooLarge(ctx: Context): void {
    // The rest of the body is not read: close the connection after answering.
    ctx.res.shouldKeepAlive = false;
    problem(
      ctx,
      413,
      "payload_too_large",
      `The request body must be at most ${contract.maxBodyBytes} bytes.`,
      {
        headers: ["Connection", "close"],
      },
    );
  }

  function rateLimitHeaders(state: RateLimitState): HeaderList {
    return ["RateLimit-Policy", rateLimiter.policy, "RateLimit", rateLimiter.header(state)];
  }

  function createCall(ctx: Context): void {
    const { req } = ctx;

    let faults: Readonly<Faults>;
    const faultHeader = req.headers[FAULT_HEADER];
    try {
      // Most requests carry no fault and the server injects none: nothing to parse or draw.
      faults =
        faultHeader === undefined && !serverHasFaults
          ? NO_FAULTS
          : resolveFaults(typeof faultHeader === "string" ? parseFaultHeader(faultHeader) : {}, serverFaults);
    } catch (error) {
      if (error instanceof FaultHeaderError) {
        problem(ctx, 400, "invalid_value", error.message);
        return;
      }
      throw error;
    }
    ctx.latencyMs = faults.latencyMs;
    if (faults.latencyMs || faults.status || faults.resetBefore || faults.resetAfter) {
      ctx.log.faults = [
        faults.latencyMs ? `latency=${faults.latencyMs}` : "",
        faults.status ? `status=${faults.status}` : "",
        faults.resetBefore ? "reset-before" : "",
        faults.resetAfter ? "reset-after" : "",
      ]
        .filter(Boolean)
        .join(",");
    }

    const authorization = req.headers.authorization ?? "";
    const bearer = /^Bearer[ ]+(\S+)\s*$/i.exec(authorization)?.[1];
    if (authorization) {
      ctx.log.api_key = bearer?.startsWith("calldesk_") ? "calldesk_[redacted]" : "[redacted]";
    }
    if (!bearer || !isAuthorised(bearer)) {
      problem(
        ctx,
        401,
        "unauthorized",
        bearer
          ? "The API key is not valid for this sandbox. Send Authorization: Bearer calldesk_..."
          : "Send a valid API key as Authorization: Bearer calldesk_...",
        { headers: ["WWW-Authenticate", contract.wwwAuthenticate] },
      );
      return;
    }
    const account = keyId(bearer);
    const quota = rateLimiter.take(account);
    if (!quota.allowed) {
      problem(
        ctx,
        429,
        "rate_limited",
        `The quota of ${plural(rateLimiter.limit, "request")} per ${plural(rateLimiter.windowSeconds, "second")} is exhausted; retry in ${quota.resetSeconds} s.`,
        { headers: ["Retry-After", String(quota.resetSeconds), ...rateLimitHeaders(quota)] },
      );
      return;
    }

    const contentType = req.headers["content-type"] ?? "";
    if (!acceptsContentType(contentType)) {
      problem(
        ctx,
        415,
        "unsupported_media_type",
        `Send the body as Content-Type: ${contract.mediaTypes.join(" or ")} (UTF-8)${contentType ? `, not ${contentType.slice(0, 100)}` : ""}.`,
      );
      return;
    }

    const idempotencyKey = req.headers["idempotency-key"];
    if (idempotencyKey !== undefined) {
      if (typeof idempotencyKey !== "string" || !contract.validateIdempotencyKey(idempotencyKey)) {
        problem(
          ctx,
          400,
          "invalid_idempotency_key",
          "The Idempotency-Key header must be a UUID such as 550e8400-e29b-41d4-a716-446655440000.",
        );
        return;
      }
      ctx.log.idempotency_key = idempotencyKey;
    }

    if (Number(req.headers["content-length"]) > contract.maxBodyBytes) {
      tooLarge(ctx);
      return;
    }
    readBody(ctx, (raw) => {
      if (raw === undefined) {
        return tooLarge(ctx);
      }
      const scopedKey = idempotencyKey === undefined ? undefined : `${account}:${idempotencyKey}`;
      processBody(ctx, raw, faults, quota, scopedKey);
    });
  }

  function processBody(
    ctx: Context,
    raw: Buffer,
    faults: Readonly<Faults>,
    quota: RateLimitState,
    scopedKey: string | undefined,
  ): void {
    let body: unknown;
    try {
      // JSON.parse defines `__proto__` as an own data property; the body is never merged.
      body = JSON.parse(raw.toString("utf8"));
    } catch {
      problem(ctx, 400, "malformed_json", "The request body is not valid JSON.");
      return;
    }
    if (body === null || typeof body !== "object" || Array.isArray(body)) {
      const kind = body === null ? "null" : Array.isArray(body) ? "an array" : `a ${typeof body}`;
      problem(ctx, 400, "malformed_json", `The request body must be a JSON object, not ${kind}.`);
      return;
    }

    let errors = contract.validateRequest(body)
      ? []
      : fieldErrors(contract.validateRequest.errors ?? [], body);
    const request = body as CreateCallRequest;
    if (
      typeof request.caller_id === "string" &&
      !errors.some((error) => error.pointer === "/caller_id") &&
      !verifiedCallerIds.has(request.caller_id)
    ) {
      const unverified: FieldError = {
        pointer: "/caller_id",
        detail: "is not a verified caller ID for this account",
        code: "caller_id_not_verified",
      };
      errors = sortFieldErrors([...errors, unverified], body);
    }
    if (errors.length > 0) {
      const codes = new Set(errors.map((error) => error.code));
      const code: ErrorCode = codes.size === 1 ? (errors[0]?.code as ErrorCode) : "validation_failed";
      const detail =
        code === "caller_id_not_verified"
          ? `The caller ID ${request.caller_id} is not verified for this account.`
          : `The request body has ${plural(errors.length, "invalid field")}.`;
      problem(ctx, 422, code, detail, { errors, typeOf: "validation_failed" });
      return;
    }

    if (scopedKey !== undefined) {
      const lookup = idempotency.begin(scopedKey, canonicalJson(body));
      if (lookup.kind === "replay") {
        const { answer } = lookup;
        afterLatency(ctx, () =>
          send(
            ctx,
            answer.status,
            answer.body,
            [...answer.headers, ...rateLimitHeaders(quota), "Idempotent-Replayed", "true"],
            { replayed: true },
          ),
        );
        return;
      }
      if (lookup.kind === "mismatch") {
        problem(
          ctx,
          422,
          "idempotency_key_reused",
          "This Idempotency-Key was already used with a different request body.",
        );
        return;
      }
      if (lookup.kind === "in_flight") {
        problem(
          ctx,
          409,
          "idempotency_key_in_use",
          "A request with this Idempotency-Key is still being processed; retry later with the same key.",
        );
        return;
      }
    }

    // The key is in flight from here until the answer is stored or the attempt abandoned.
    const behaviour = destinationBehaviour(request.destination);
    if (behaviour === "slow") {
      ctx.latencyMs += SLOW_ANSWER_MS;
    }
    afterLatency(ctx, () => {
      let stored = false;
      try {
        stored = answerCreation(ctx, request, faults, quota, scopedKey, behaviour);
      } finally {
        if (scopedKey !== undefined && !stored) {
          idempotency.release(scopedKey);
        }
      }
    });
  }

  /** The end of a creation: a fault, a test number's answer, or the call. True when stored. */
  function answerCreation(
    ctx: Context,
    request: CreateCallRequest,
    faults: Readonly<Faults>,
    quota: RateLimitState,
    scopedKey: string | undefined,
    behaviour: ReturnType<typeof destinationBehaviour>,
  ): boolean {
    if (faults.resetBefore) {
      resetSocket(ctx.req.socket);
      finish(ctx, "reset");
      return false;
    }
    if (faults.status) {
      const unavailable = faults.status === 503;
      problem(
        ctx,
        faults.status,
        unavailable ? "service_unavailable" : "internal_error",
        `Injected fault: ${faults.status}; no call was created. Retry with the same Idempotency-Key.`,
        unavailable ? { headers: ["Retry-After", String(TEST_RETRY_AFTER_SECONDS)] } : {},
      );
      return false;
    }
    if (behaviour === "rate_limited") {
      problem(
        ctx,
        429,
        "rate_limited",
        `Test number ${request.destination}: the quota is exhausted; retry in ${TEST_RETRY_AFTER_SECONDS} s.`,
        {
          headers: [
            "Retry-After",
            String(TEST_RETRY_AFTER_SECONDS),
            ...rateLimitHeaders({ allowed: false, remaining: 0, resetSeconds: TEST_RETRY_AFTER_SECONDS }),
          ],
        },
      );
      return false;
    }
    if (behaviour === "internal_error") {
      problem(
        ctx,
        500,
        "internal_error",
        `Test number ${request.destination}: an unexpected error occurred; no call was created.`,
      );
      return false;
    }
    if (behaviour === "service_unavailable") {
      problem(
        ctx,
        503,
        "service_unavailable",
        `Test number ${request.destination}: the service is temporarily unavailable; retry in ${TEST_RETRY_AFTER_SECONDS} s.`,
        { headers: ["Retry-After", String(TEST_RETRY_AFTER_SECONDS)] },
      );
      return false;
    }

    const callId = newCallId();
    const links = contract.linksFor(callId);
    const call: Call = {
      call_id: callId,
      status: contract.createdStatus,
      caller_id: request.caller_id,
      destination: request.destination,
      created_at: timestamp(),
      ...(request.voice_changer_uid == null ? {} : { voice_changer_uid: request.voice_changer_uid }),
      recording: { enabled: request.record === true },
      metadata: request.metadata ?? {},
      links,
    };
    const json = JSON.stringify(call);
    calls.add(json);
    const headers = ["Content-Type", "application/json", "Location", links.self];
    if (scopedKey !== undefined) {
      idempotency.complete(scopedKey, { status: 201, body: json, headers });
    }
    if (faults.resetAfter) {
      resetSocket(ctx.req.socket);
      finish(ctx, "reset", { call_id: callId });
    } else {
      send(ctx, 201, json, [...headers, "Idempotent-Replayed", "false", ...rateLimitHeaders(quota)], {
        call_id: callId,
      });
    }
    return scopedKey !== undefined;
  }

  function route(ctx: Context): void {
    const { req } = ctx;
    // A browser's preflight gets an answer on any path, so that the request it announces gets
    // a readable answer (404, 405) instead of failing as an opaque CORS error.
    if (req.method === "OPTIONS" && req.headers["access-control-request-method"] !== undefined) {
      send(ctx, 204, undefined, cors.preflight());
      return;
    }
    if (ctx.path === contract.path) {
      if (req.method === "POST") {
        createCall(ctx);
        return;
      }
      problem(ctx, 405, "method_not_allowed" as ErrorCode, `Use POST on ${contract.path}.`, {
        headers: ["Allow", "POST"],
      });
      return;
    }
    if (ctx.path === `${INSPECTION_PREFIX}calls` && req.method === "GET") {
      send(ctx, 200, calls.toJson(), ["Content-Type", "application/json"]);
      return;
    }
    if (ctx.path === `${INSPECTION_PREFIX}reset` && req.method === "POST") {
      calls.clear();
      idempotency.clear();
      rateLimiter.clear();
      send(ctx, 204, undefined, []);
      return;
    }
    problem(ctx, 404, "not_found" as ErrorCode, `No route for ${req.method} ${ctx.path.slice(0, 200)}.`);
  }

  function handle(req: IncomingMessage, res: ServerResponse): void {
    const url = req.url ?? "/";
    const query = url.indexOf("?");
    const ctx: Context = {
      req,
      res,
      requestId: newRequestId(),
      // Only the log line reads it.
      started: logger ? performance.now() : 0,
      path: query === -1 ? url : url.slice(0, query),
      log: {},
      latencyMs: 0,
      latencyDone: false,
    };
    guard(ctx, () => route(ctx));
  }

  function shutdown(): void {
    shuttingDown = true;
    for (const run of [...pending]) {
      run();
    }
  }

  return { handle, logger, shutdown };
}
