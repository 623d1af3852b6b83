import { describe, expect, it } from "vitest";
import { NEXT } from "../../src/step.js";
import { validation } from "../../src/steps/validation.js";
import { verifiedCallerId } from "../../src/steps/verified-caller-id.js";
import { seedBody } from "../helpers.js";
import { exchangeFor, stateFor } from "./support.js";

/** The exchange after the validation step, as the pipeline hands it over. */
function validated(body: Record<string, unknown>) {
  const exchange = exchangeFor();
  exchange.body = body;
  validation.run(exchange, stateFor());
  return exchange;
}

describe("verified-caller-id", () => {
  it("lets a verified caller ID through", () => {
    expect(verifiedCallerId.run(validated({ ...seedBody }), stateFor())).toBe(NEXT);
  });

  it("answers an unverified caller ID alone 422 validation_failed, its reason in errors[]", () => {
    const answer = verifiedCallerId.run(validated({ ...seedBody, caller_id: "+14155550100" }), stateFor());
    expect(answer).toEqual({
      kind: "problem",
      status: 422,
      code: "validation_failed",
      detail: "The request body has 1 invalid field.",
      headers: undefined,
      errors: [
        {
          pointer: "/caller_id",
          detail: "is not a verified caller ID for this account",
          code: "caller_id_not_verified",
        },
      ],
    });
  });

  it("answers it together with the schema's errors, in body order", () => {
    const answer = verifiedCallerId.run(
      validated({ ...seedBody, record: 1, caller_id: "+14155550100" }),
      stateFor(),
    );
    expect(answer).toMatchObject({
      status: 422,
      code: "validation_failed",
      detail: "The request body has 2 invalid fields.",
    });
    expect(answer).toHaveProperty("errors", [
      expect.objectContaining({ pointer: "/caller_id" }),
      expect.objectContaining({ pointer: "/record" }),
    ]);
  });

  it("answers the schema's errors alone, one reason or several, as validation_failed", () => {
    expect(verifiedCallerId.run(validated({ ...seedBody, record: 1 }), stateFor())).toMatchObject({
      code: "validation_failed",
      errors: [{ pointer: "/record", code: "invalid_type" }],
    });
    expect(
      verifiedCallerId.run(validated({ ...seedBody, caller_id: "1", destination: "2" }), stateFor()),
    ).toMatchObject({
      code: "validation_failed",
      detail: "The request body has 2 invalid fields.",
      errors: [
        { pointer: "/caller_id", code: "invalid_e164" },
        { pointer: "/destination", code: "invalid_e164" },
      ],
    });
  });

  it("trusts the options' list", () => {
    const sandbox = stateFor({ verifiedCallerIds: ["+14155550100"] });
    expect(verifiedCallerId.run(validated({ ...seedBody, caller_id: "+14155550100" }), sandbox)).toBe(NEXT);
  });
});
