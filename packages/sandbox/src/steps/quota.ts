// The key's quota: one request counted per key and window.

import { NEXT, problem, type Step } from "../step.js";
import { plural } from "../validation.js";

export const quota: Step = {
  name: "quota",
  check: "quota of the key used up (default 1000 requests per second per key)",
  answer: "429 `rate_limited` + `Retry-After`",
  run(exchange, { rateLimiter }) {
    const state = rateLimiter.take(exchange.account);
    if (!state.allowed) {
      return problem(
        429,
        "rate_limited",
        `The quota of ${plural(rateLimiter.limit, "request")} per ${plural(rateLimiter.windowSeconds, "second")} is exhausted; retry in ${state.resetSeconds} s.`,
        { headers: ["Retry-After", String(state.resetSeconds), ...rateLimiter.headers(state)] },
      );
    }
    exchange.quota = state;
    return NEXT;
  },
};
