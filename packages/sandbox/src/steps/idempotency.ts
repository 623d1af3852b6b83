// A request with an Idempotency-Key seen before gets the stored 201 again, or is refused; a new
// key is reserved, and the create step stores its 201. The runner releases a reservation whose
// exchange ends any other way (any other answer, a reset, an error), so that a retry with the
// key is processed anew. "The same body" is the same canonical JSON once the validation step
// has filled in the contract's defaults: key order, white space and sent-or-defaulted fields
// do not matter.
import { canonicalJson } from "../canonical.js";
import { IN_FLIGHT_RETRY_AFTER_SECONDS } from "../idempotency.js";
import { NEXT, problem, reply, type Step } from "../step.js";

const RETRY_AFTER = String(IN_FLIGHT_RETRY_AFTER_SECONDS);

export const idempotency: Step = {
  name: "idempotency",
  check: "`Idempotency-Key` seen before",
  answer: "replay, 422 `idempotency_key_reused` or 409 `idempotency_key_in_use` + `Retry-After`",
  run(exchange, sandbox) {
    if (exchange.idempotencyKey === undefined) {
      return NEXT;
    }
    const scopedKey = `${exchange.account}:${exchange.idempotencyKey}`;
    const lookup = sandbox.idempotency.begin(scopedKey, canonicalJson(exchange.body));
    if (lookup.kind === "replay") {
      const { answer } = lookup;
      return reply(
        answer.status,
        answer.body,
        [...answer.headers, ...sandbox.rateLimiter.headers(exchange.quota), "Idempotent-Replayed", "true"],
        { replayed: true },
      );
    }
    if (lookup.kind === "mismatch") {
      return problem(
        422,
        "idempotency_key_reused",
        "This Idempotency-Key was already used with a different request body.",
      );
    }
    if (lookup.kind === "in_flight") {
      return problem(
        409,
        "idempotency_key_in_use",
        `A request with this Idempotency-Key is still being processed; retry in ${RETRY_AFTER} s with the same key.`,
        { headers: ["Retry-After", RETRY_AFTER] },
      );
    }
    // The key is in flight from here until the answer is stored or the exchange ends otherwise.
    exchange.reserved = scopedKey;
    return NEXT;
  },
};
