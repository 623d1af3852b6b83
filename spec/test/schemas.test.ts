import { describe, expect, it } from "vitest";
import { bundle, createCall, type Json, resolve, validatorFor } from "./contract.js";
import { seed } from "./seed.js";

const validateRequest = validatorFor("CreateCallRequest");
const validateCall = validatorFor("Call");
const validateProblem = validatorFor("Problem");

/** The JSON pointers ajv reports, with the keyword that failed. */
function violations(validate: typeof validateRequest, value: unknown): string[] {
  validate(value);
  return (validate.errors ?? []).map((error) => {
    const missing = error.keyword === "required" ? `/${String(error.params.missingProperty)}` : "";
    const extra =
      error.keyword === "additionalProperties" ? `/${String(error.params.additionalProperty)}` : "";
    return `${error.instancePath}${missing}${extra} ${error.keyword}`;
  });
}

const seedRequest = seed.requestBody as Record<string, unknown>;

describe("CreateCallRequest", () => {
  it("accepts the seed's request body", () => {
    expect(violations(validateRequest, seedRequest)).toEqual([]);
  });

  it.each(Object.entries(createCall.requestBody.content["application/json"].examples as Json))(
    "accepts the named example %s",
    (_name, example) => {
      expect(violations(validateRequest, (example as Json).value)).toEqual([]);
    },
  );

  it("rejects a caller_id that is not E.164", () => {
    expect(violations(validateRequest, { ...seedRequest, caller_id: "4155550123" })).toContain(
      "/caller_id pattern",
    );
  });

  it("rejects a destination that is not E.164", () => {
    expect(violations(validateRequest, { ...seedRequest, destination: "+0155559876" })).toContain(
      "/destination pattern",
    );
  });

  it("rejects 11 metadata keys", () => {
    const metadata = Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`key_${i}`, "v"]));
    expect(violations(validateRequest, { ...seedRequest, metadata })).toEqual(["/metadata maxProperties"]);
  });

  it("accepts 10 metadata keys", () => {
    const metadata = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`key_${i}`, "v"]));
    expect(violations(validateRequest, { ...seedRequest, metadata })).toEqual([]);
  });

  it("rejects an unknown property", () => {
    expect(violations(validateRequest, { ...seedRequest, callerId: "+14155550123" })).toEqual([
      "/callerId additionalProperties",
    ]);
  });

  it('rejects voice_changer_uid "robot"', () => {
    expect(violations(validateRequest, { ...seedRequest, voice_changer_uid: "robot" })).toContain(
      "/voice_changer_uid enum",
    );
  });

  it("accepts voice_changer_uid null", () => {
    expect(violations(validateRequest, { ...seedRequest, voice_changer_uid: null })).toEqual([]);
  });

  it("rejects a missing caller_id", () => {
    const { caller_id: _omitted, ...body } = seedRequest;
    expect(violations(validateRequest, body)).toEqual(["/caller_id required"]);
  });

  it('rejects record: "yes"', () => {
    expect(violations(validateRequest, { ...seedRequest, record: "yes" })).toEqual(["/record type"]);
  });

  it("rejects a non-string metadata value", () => {
    expect(violations(validateRequest, { ...seedRequest, metadata: { patient_id: 12345 } })).toEqual([
      "/metadata/patient_id type",
    ]);
  });

  it("reports every invalid field, not just the first", () => {
    const body = { destination: "+0123", record: "yes", colour: "red" };
    expect(violations(validateRequest, body).sort()).toEqual(
      ["/caller_id required", "/colour additionalProperties", "/destination pattern", "/record type"].sort(),
    );
  });
});

describe("Call", () => {
  it("accepts the seed's response body", () => {
    expect(violations(validateCall, seed.responseBody)).toEqual([]);
  });

  it("rejects a call_id outside the seed's format", () => {
    const call = { ...(seed.responseBody as object), call_id: "CA1234567" };
    expect(violations(validateCall, call)).toEqual(["/call_id pattern"]);
  });

  it("rejects a status outside CallStatus", () => {
    const call = { ...(seed.responseBody as object), status: "dialing" };
    expect(violations(validateCall, call)).toEqual(["/status enum"]);
  });

  it("rejects a created_at that is not a date-time", () => {
    const call = { ...(seed.responseBody as object), created_at: "yesterday" };
    expect(violations(validateCall, call)).toContain("/created_at format");
  });
});

describe("error responses", () => {
  const problemResponses = Object.entries(createCall.responses as Json)
    .filter(([status]) => Number(status) >= 400)
    .map(([status, response]) => [status, resolve(response)] as const);

  it("cover the full error matrix", () => {
    expect(problemResponses.map(([status]) => status)).toEqual([
      "400",
      "401",
      "403",
      "409",
      "413",
      "415",
      "422",
      "429",
      "500",
      "503",
    ]);
  });

  it.each(problemResponses)(
    "%s is problem+json with valid named examples of its own status",
    (status, response) => {
      const media = response.content["application/problem+json"];
      const examples = Object.values(media.examples as Json) as Json[];
      expect(examples.length).toBeGreaterThan(0);
      for (const example of examples) {
        expect(violations(validateProblem, example.value)).toEqual([]);
        expect(example.value.status).toBe(Number(status));
      }
    },
  );

  it("name every DESIGN.md code in some example, as the problem's code or a field's", () => {
    const codes = new Set(
      problemResponses.flatMap(([, response]) =>
        Object.values(response.content["application/problem+json"].examples as Json).flatMap((example) => [
          (example as Json).value.code,
          ...((example as Json).value.errors ?? []).map((error: Json) => error.code),
        ]),
      ),
    );
    for (const code of [
      "invalid_e164",
      "caller_id_not_verified",
      "idempotency_key_reused",
      "idempotency_key_in_use",
      "unauthorized",
      "rate_limited",
    ]) {
      expect(codes).toContain(code);
    }
  });

  it("pair each problem's code with its type, and keep per-field reasons in errors[] only", () => {
    for (const [status, response] of problemResponses) {
      for (const [name, example] of Object.entries(
        response.content["application/problem+json"].examples as Json,
      )) {
        const value = (example as Json).value;
        expect(value.type, `${status} ${name}`).toBe(
          `https://docs.247calldesk.com/errors/${String(value.code).replace(/_/g, "-")}`,
        );
        if (value.errors) {
          expect(value.code, `${status} ${name}: a problem listing fields is about the body`).toBe(
            "validation_failed",
          );
        }
      }
    }
  });

  it("uses only codes from the ErrorCode enum", () => {
    const known = new Set(bundle.components.schemas.ErrorCode.enum);
    const json = JSON.stringify(createCall.responses) + JSON.stringify(bundle.components.responses);
    for (const [, code] of json.matchAll(/"code":"([a-z0-9_]+)"/g)) {
      expect(known).toContain(code);
    }
  });
});
