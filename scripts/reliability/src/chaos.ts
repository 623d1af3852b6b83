// A chaos run: many logical call creations, each with its own business id, sent by the real
// client through the fault proxy (and sometimes at a port that refuses connections) to the
// real sandbox. Afterwards the client's answers are reconciled with the calls the sandbox holds.
import { createServer } from "node:net";
import { APIError, type CalldeskError, createCalldeskClient } from "@calldesk/client";
import { idempotencyKeyFor } from "@calldesk/client/idempotency";
import { startSandbox } from "@calldesk/sandbox";
import { type Fault, type Outcome, startFaultProxy } from "./proxy.js";
import { seededRandom } from "./random.js";

export interface ChaosOptions {
  creates: number;
  seed: number;
  /** Logical creates in flight at once. */
  concurrency?: number;
  /** Per-request fault rates at the proxy. */
  rates?: Partial<Record<Fault, number>>;
  /** Chance that an attempt is sent to a port that refuses connections. */
  refusedRate?: number;
  /**
   * Idempotency key per attempt. The real client keeps one key per logical create; a broken
   * variant that regenerates it proves the reconciliation catches duplicates.
   */
  regenerateKeyOnRetry?: boolean;
  /**
   * Report every error answer as "no call", as a client that trusts the HTTP status would (the
   * client before it knew gateways): proves the reconciliation catches mis-reported outcomes.
   */
  trustErrorAnswers?: boolean;
  /** Retries after the first attempt (default 4). */
  maxRetries?: number;
}

export interface ChaosReport {
  seed: number;
  creates: number;
  succeeded: number;
  /** Typed errors whose `outcomeUnknown` is false: the client says no call exists. */
  failedKnown: number;
  /** Typed errors whose `outcomeUnknown` is true: the call may or may not exist. */
  failedUnknown: number;
  /** Unknown outcomes that turned out to have created the call. */
  unknownButCreated: number;
  errorsByName: Record<string, number>;
  faults: Record<Outcome | "refused", number>;
  /** Business ids with more than one sandbox call. Must be 0. */
  duplicates: number;
  /** Failures reported as "no call" although the sandbox holds one. Must be 0. */
  misreported: number;
  /** Successes whose call the sandbox does not hold (or holds with another id). Must be 0. */
  lostSuccesses: number;
  /** Rejections that were not typed CalldeskErrors. Must be 0. */
  untypedErrors: number;
}

export const DEFAULT_RATES: Partial<Record<Fault, number>> = {
  "reset-before": 0.05,
  "reset-after": 0.05,
  delay: 0.02,
  "status-502": 0.03,
  "status-503": 0.03,
  truncate: 0.04,
  "gateway-502": 0.02,
  "gateway-504": 0.02,
  "forwarded-500": 0.02,
};

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  return typeof address === "object" && address ? address.port : 0;
}

export async function runChaos(options: ChaosOptions): Promise<ChaosReport> {
  const random = seededRandom(options.seed);
  const sandbox = await startSandbox({
    port: 0,
    rateLimit: { limit: 1_000_000, windowSeconds: 1 },
    maxCalls: options.creates * 2,
    idempotency: { maxEntries: options.creates * 4 },
  });
  const upstream = new URL(sandbox.url);
  const proxy = await startFaultProxy({
    upstream: { host: upstream.hostname, port: Number(upstream.port) },
    rates: options.rates ?? DEFAULT_RATES,
    random,
    delayMs: 2_500,
  });
  const refused = await closedPort();
  let refusedCount = 0;

  const chaosFetch: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    let url = request.url;
    if (random() < (options.refusedRate ?? 0.03)) {
      refusedCount += 1;
      url = url.replace(`:${proxy.port}/`, `:${refused}/`);
    }
    const headers = new Headers(request.headers);
    if (options.regenerateKeyOnRetry) {
      headers.set("idempotency-key", crypto.randomUUID());
    }
    return fetch(url, {
      method: request.method,
      headers,
      body: await request.text(),
      signal: request.signal,
    });
  };

  const client = createCalldeskClient({
    apiKey: "calldesk_chaosmonkey",
    baseUrl: `http://127.0.0.1:${proxy.port}`,
    maxRetries: options.maxRetries ?? 4,
    timeoutMs: 2_000,
    // Shorter than the delay fault: a held answer is cut and retried (the retry gets the replay).
    attemptTimeoutMs: 700,
    logLevel: "off",
    fetch: chaosFetch,
    // Real waits, shortened: the schedule is the client's, the run stays CI-sized.
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.min(ms, 20))),
    random,
  });

  type Result =
    | { businessId: string; ok: true; callId: string }
    | { businessId: string; ok: false; typed: boolean; unknown: boolean; name: string };
  const results: Result[] = [];
  let next = 0;
  const worker = async () => {
    while (next < options.creates) {
      const businessId = `order-${options.seed}-${next}`;
      next += 1;
      try {
        const call = await client.calls.create(
          {
            caller_id: "+14155550123",
            destination: "+14155559876",
            metadata: { business_id: businessId },
          },
          { idempotencyKey: await idempotencyKeyFor(businessId) },
        );
        results.push({ businessId, ok: true, callId: call.call_id });
      } catch (error) {
        const typed = error instanceof Error && "outcomeUnknown" in error;
        results.push({
          businessId,
          ok: false,
          typed,
          unknown:
            !typed ||
            (!(options.trustErrorAnswers && error instanceof APIError) &&
              (error as CalldeskError).outcomeUnknown),
          name: error instanceof Error ? error.name : typeof error,
        });
      }
    }
  };

  try {
    await Promise.all(Array.from({ length: options.concurrency ?? 32 }, worker));
    const listing = (await (await fetch(`${sandbox.url}/_sandbox/calls`)).json()) as {
      calls: { call_id: string; metadata: Record<string, string> }[];
    };
    const callsByBusinessId = new Map<string, string[]>();
    for (const call of listing.calls) {
      const id = call.metadata.business_id ?? "";
      callsByBusinessId.set(id, [...(callsByBusinessId.get(id) ?? []), call.call_id]);
    }

    const report: ChaosReport = {
      seed: options.seed,
      creates: options.creates,
      succeeded: 0,
      failedKnown: 0,
      failedUnknown: 0,
      unknownButCreated: 0,
      errorsByName: {},
      faults: { ...proxy.counts, refused: refusedCount },
      duplicates: 0,
      misreported: 0,
      lostSuccesses: 0,
      untypedErrors: 0,
    };
    for (const result of results) {
      const calls = callsByBusinessId.get(result.businessId) ?? [];
      if (calls.length > 1) {
        report.duplicates += 1;
      }
      if (result.ok) {
        report.succeeded += 1;
        if (calls.length !== 1 || calls[0] !== result.callId) {
          report.lostSuccesses += 1;
        }
        continue;
      }
      report.errorsByName[result.name] = (report.errorsByName[result.name] ?? 0) + 1;
      if (!result.typed) {
        report.untypedErrors += 1;
      }
      if (result.unknown) {
        report.failedUnknown += 1;
        report.unknownButCreated += calls.length > 0 ? 1 : 0;
      } else {
        report.failedKnown += 1;
        report.misreported += calls.length > 0 ? 1 : 0;
      }
    }
    return report;
  } finally {
    await proxy.close();
    await sandbox.close();
  }
}
