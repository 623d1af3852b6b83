// The caller ID must be one the account verified (the contract's example caller IDs by default).
// Answers the field errors of this step and the schema's together: a problem about the body is
// `validation_failed` whichever fields are wrong and however many; each field's reason is its
// `errors[].code` (`caller_id_not_verified` here).
import type { CreateCallRequest, FieldError } from "@calldesk/api-types";
import { NEXT, problem, type Step } from "../step.js";
import { plural, sortFieldErrors } from "../validation.js";

export const verifiedCallerId: Step = {
  name: "verified-caller-id",
  check: "the caller ID is not verified",
  answer: "422 `validation_failed` (with the schema's errors), `caller_id_not_verified` in `errors[]`",
  run(exchange, { verifiedCallerIds }) {
    const request = exchange.body as unknown as CreateCallRequest;
    let errors = exchange.errors as FieldError[];
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
      errors = sortFieldErrors([...errors, unverified], exchange.body);
    }
    if (errors.length === 0) {
      return NEXT;
    }
    const detail = `The request body has ${plural(errors.length, "invalid field")}.`;
    return problem(422, "validation_failed", detail, { errors });
  },
};
