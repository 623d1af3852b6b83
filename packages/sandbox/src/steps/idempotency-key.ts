// The Idempotency-Key's format, checked with the header parameter's own schema.
import { NEXT, problem, type Step } from "../step.js";

export const idempotencyKey: Step = {
  name: "idempotency-key",
  check: "`Idempotency-Key` not a UUID (the parameter's own schema)",
  answer: "400 `invalid_idempotency_key`",
  run(exchange, { contract }) {
    const key = exchange.req.headers["idempotency-key"];
    if (key === undefined) {
      return NEXT;
    }
    if (typeof key !== "string" || !contract.validateIdempotencyKey(key)) {
      return problem(
        400,
        "invalid_idempotency_key",
        "The Idempotency-Key header must be a UUID such as 550e8400-e29b-41d4-a716-446655440000.",
      );
    }
    exchange.log.idempotency_key = key;
    exchange.idempotencyKey = key;
    return NEXT;
  },
};
