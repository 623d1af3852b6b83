// What a sandbox knows for its whole life, built once from the contract and the options: the
// stores the steps read and write, and the two ways a waiting step gets back into the pipeline.
import { CallLog } from "./calls.js";
import type { Contract } from "./contract.js";
import { type Cors, createCors } from "./cors.js";
import type { Exchange } from "./exchange.js";
import { type SandboxFaults, validateServerFaults } from "./faults.js";
import { IdempotencyStore } from "./idempotency.js";
import type { SandboxOptions } from "./options.js";
import { DEFAULT_RATE_LIMIT, RateLimiter } from "./rate-limit.js";
import type { Outcome } from "./step.js";

export interface Flow {
  /** Carries on with an exchange whose step said PENDING. */
  resume(exchange: Exchange, outcome: Outcome): void;
  /** NEXT when the exchange has no injected latency left to serve; else PENDING, and it resumes after it. */
  delay(exchange: Exchange): Outcome;
}

export interface SandboxState extends Flow {
  contract: Contract;
  /** The allow-list of keys, if any; else the contract's key pattern decides. */
  apiKeys: ReadonlySet<string> | undefined;
  verifiedCallerIds: ReadonlySet<string>;
  mediaTypes: ReadonlySet<string>;
  serverFaults: SandboxFaults;
  serverHasFaults: boolean;
  rateLimiter: RateLimiter;
  idempotency: IdempotencyStore;
  calls: CallLog;
  cors: Cors;
}

/** Checks the options (throwing a message that names the bad one) and builds the state. */
export function createState(contract: Contract, options: SandboxOptions, flow: Flow): SandboxState {
  if (!options.apiKeys && !contract.apiKeyPattern) {
    throw new Error(
      "spec: the contract's bearer scheme has no x-api-key-pattern, so the sandbox cannot tell a well-formed key; pass apiKeys (--api-key) to list the keys to accept",
    );
  }
  const serverFaults = options.faults ?? {};
  validateServerFaults(serverFaults);
  return {
    resume: flow.resume,
    delay: flow.delay,
    contract,
    apiKeys: options.apiKeys ? new Set(options.apiKeys) : undefined,
    verifiedCallerIds: new Set(options.verifiedCallerIds ?? contract.exampleCallerIds),
    mediaTypes: new Set(contract.mediaTypes),
    serverFaults,
    serverHasFaults: Object.keys(serverFaults).length > 0,
    rateLimiter: new RateLimiter(options.rateLimit ?? DEFAULT_RATE_LIMIT),
    idempotency: new IdempotencyStore(options.idempotency),
    calls: new CallLog(options.maxCalls),
    cors: createCors(contract.cors, options.corsOrigins),
  };
}
