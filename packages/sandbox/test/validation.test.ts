import { describe, expect, it } from "vitest";
import { loadContract } from "../src/contract.js";
import { escapePointerToken, fieldErrors, sortFieldErrors } from "../src/validation.js";
import { bundlePath, seedBody } from "./helpers.js";

const { validateRequest } = loadContract(bundlePath);

function errorsFor(body: Record<string, unknown>) {
  validateRequest(body);
  return fieldErrors(validateRequest.errors ?? [], body);
}

describe("fieldErrors", () => {
  it("reports one error per field even when several keywords fail", () => {
    expect(errorsFor({ ...seedBody, caller_id: "" })).toEqual([
      { pointer: "/caller_id", detail: expect.stringContaining("E.164"), code: "invalid_e164" },
    ]);
  });

  it("uses x-error-codes per keyword and x-error-code per schema", () => {
    const metadata = Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`k${i}`, "v"]));
    expect(errorsFor({ ...seedBody, metadata }).map((error) => error.code)).toEqual([
      "metadata_too_many_keys",
    ]);
    expect(errorsFor({ ...seedBody, metadata: { "a.b": "x", c: "y".repeat(501) } })).toEqual([
      {
        pointer: "/metadata/a.b",
        detail: expect.stringContaining('key "a.b"'),
        code: "invalid_metadata_key",
      },
      { pointer: "/metadata/c", detail: "must be at most 500 characters", code: "invalid_metadata_value" },
    ]);
  });

  it("lists errors in the order of the body, missing fields first", () => {
    const body = { record: 1, destination: "x", extra: true };
    expect(errorsFor(body).map((error) => error.pointer)).toEqual([
      "/caller_id",
      "/record",
      "/destination",
      "/extra",
    ]);
  });
});

describe("sortFieldErrors", () => {
  it("orders nested pointers by position within their object", () => {
    const body = { metadata: { b: 1, a: 2 }, caller_id: 1 };
    const errors = ["/caller_id", "/metadata/a", "/metadata/b"].map((pointer) => ({
      pointer,
      detail: "x",
      code: "invalid_value" as const,
    }));
    expect(sortFieldErrors(errors, body).map((error) => error.pointer)).toEqual([
      "/metadata/b",
      "/metadata/a",
      "/caller_id",
    ]);
  });
});

describe("escapePointerToken", () => {
  it("escapes ~ and / as RFC 6901 says", () => {
    expect(escapePointerToken("a/b~c")).toBe("a~1b~0c");
  });
});
