// The injected fault that replaces the creation: a reset before processing, or a 5xx.

import { NEXT, problem, reset, type Step } from "../step.js";
import { TEST_RETRY_AFTER_SECONDS } from "../test-numbers.js";

export const fault: Step = {
  name: "fault",
  check: "`Sandbox-Fault: reset-before` or `status=`, or the server's fault options",
  answer: "connection reset, or 500 / 502 / 503 (+ `Retry-After`); no call",
  run(exchange) {
    const { faults } = exchange;
    if (faults.resetBefore) {
      return reset();
    }
    if (!faults.status) {
      return NEXT;
    }
    const unavailable = faults.status === 503;
    return problem(
      faults.status,
      unavailable ? "service_unavailable" : "internal_error",
      `Injected fault: ${faults.status}; no call was created. Retry with the same Idempotency-Key.`,
      unavailable ? { headers: ["Retry-After", String(TEST_RETRY_AFTER_SECONDS)] } : {},
    );
  },
};
