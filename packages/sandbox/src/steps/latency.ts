// Injected latency (`Sandbox-Fault: latency=`, `--latency`) and the slow test number: the
// creation waits, with its Idempotency-Key in flight meanwhile.
import type { CreateCallRequest } from "@calldesk/api-types";
import type { Step } from "../step.js";
import { destinationBehaviour, SLOW_ANSWER_MS } from "../test-numbers.js";

export const latency: Step = {
  name: "latency",
  check: "injected latency, or the slow test number",
  answer: "none: the creation waits, its `Idempotency-Key` in flight (409 meanwhile)",
  run(exchange, sandbox) {
    if (destinationBehaviour((exchange.body as unknown as CreateCallRequest).destination) === "slow") {
      exchange.latencyMs += SLOW_ANSWER_MS;
    }
    return sandbox.delay(exchange);
  },
};
