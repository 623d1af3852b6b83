// Public entry point of @calldesk/sandbox.
export type { FaultStatus, Faults, SandboxFaults } from "./faults.js";
export { FAULT_HEADER } from "./faults.js";
export type { IdempotencyOptions } from "./idempotency.js";
export {
  DEFAULT_IDEMPOTENCY_MAX_ENTRIES,
  DEFAULT_IDEMPOTENCY_TTL_MS,
  IN_FLIGHT_RETRY_AFTER_SECONDS,
} from "./idempotency.js";
export type { RateLimitOptions } from "./rate-limit.js";
export { DEFAULT_RATE_LIMIT } from "./rate-limit.js";
export type { LogLine, Sandbox, SandboxOptions } from "./server.js";
export { DEFAULT_HOST, DEFAULT_PORT, startSandbox } from "./server.js";
export type { TestNumber, TestNumberBehaviour } from "./test-numbers.js";
export { SLOW_ANSWER_MS, TEST_RETRY_AFTER_SECONDS, testNumbers } from "./test-numbers.js";
