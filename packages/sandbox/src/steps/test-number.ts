// The test numbers that answer an error instead of placing the call (see test-numbers.ts). They
// answer before the idempotency step, as the contract's 429 must: its key is neither read nor
// reserved, so it stays free (or bound to its call) whatever the test number answered.
import type { CreateCallRequest } from "@calldesk/api-types";
import { NEXT, problem, type Step } from "../step.js";
import { destinationBehaviour, TEST_RETRY_AFTER_SECONDS } from "../test-numbers.js";

const RETRY_AFTER = String(TEST_RETRY_AFTER_SECONDS);

export const testNumber: Step = {
  name: "test-number",
  check: "a test number as `destination`",
  answer: "429 `rate_limited`, 500 `internal_error` or 503 `service_unavailable`; no call, key not read",
  run(exchange, { rateLimiter }) {
    const { destination } = exchange.body as unknown as CreateCallRequest;
    const behaviour = destinationBehaviour(destination);
    if (behaviour === "rate_limited") {
      return problem(
        429,
        "rate_limited",
        `Test number ${destination}: the quota is exhausted; retry in ${TEST_RETRY_AFTER_SECONDS} s.`,
        {
          headers: [
            "Retry-After",
            RETRY_AFTER,
            ...rateLimiter.headers({ allowed: false, remaining: 0, resetSeconds: TEST_RETRY_AFTER_SECONDS }),
          ],
        },
      );
    }
    if (behaviour === "internal_error") {
      return problem(
        500,
        "internal_error",
        `Test number ${destination}: an unexpected error occurred; no call was created.`,
      );
    }
    if (behaviour === "service_unavailable") {
      return problem(
        503,
        "service_unavailable",
        `Test number ${destination}: the service is temporarily unavailable; retry in ${TEST_RETRY_AFTER_SECONDS} s.`,
        { headers: ["Retry-After", RETRY_AFTER] },
      );
    }
    return NEXT;
  },
};
