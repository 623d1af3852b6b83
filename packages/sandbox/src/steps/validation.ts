// The body against the contract's CreateCallRequest schema (ajv, every error). It answers
// nothing itself: the next step adds the caller ID's error, if any, and answers them together.
// A valid body gets the contract's defaults for the fields it leaves out, so that the steps
// after it (the idempotency fingerprint, the call) see the same request whether a defaulted
// field was sent or not.

import { NEXT, type Step } from "../step.js";
import { fieldErrors } from "../validation.js";

export const validation: Step = {
  name: "validation",
  check: "body breaks `CreateCallRequest`",
  answer: "422 `validation_failed` with **every** invalid field in `errors[]` (with the next step's)",
  run(exchange, { contract }) {
    if (contract.validateRequest(exchange.body)) {
      contract.applyDefaults(exchange.body);
    } else {
      exchange.errors = fieldErrors(contract.validateRequest.errors ?? [], exchange.body);
    }
    return NEXT;
  },
};
