import { describe, expect, it } from "vitest";
import { viewOf } from "../src/schema-view.js";
import { openSpec } from "../src/spec.js";

const options = { extensibleEnums: ["Status"] };

function view(version: "3.0.3" | "3.1.0", schema: unknown, schemas: Record<string, unknown> = {}) {
  const spec = openSpec({ openapi: version, components: { schemas } });
  return viewOf([{ spec, node: schema, ptr: "#/x" }], options);
}

describe("viewOf", () => {
  it("merges allOf members, $refs and all: properties, required and the tightest bounds", () => {
    const v = view(
      "3.1.0",
      {
        allOf: [
          { $ref: "#/components/schemas/Base" },
          { required: ["b"], properties: { b: { type: "integer" } }, maxLength: 5 },
        ],
      },
      { Base: { type: "object", required: ["a"], properties: { a: { type: "string" } }, maxLength: 9 } },
    );
    expect([...v.properties.keys()]).toEqual(["a", "b"]);
    expect([...v.required.keys()]).toEqual(["a", "b"]);
    expect(v.maxLength?.value).toBe(5);
    expect([...(v.types?.value ?? [])]).toEqual(["object"]);
  });

  it("reads 3.0 nullable as null in the type; an enum must still list null (OpenAPI 3.0.3)", () => {
    const v = view("3.0.3", { type: "string", nullable: true });
    expect([...(v.types?.value ?? [])].sort()).toEqual(["null", "string"]);
    const listed = view("3.0.3", { type: "string", nullable: true, enum: ["a", null] });
    expect(listed.enum?.value).toEqual(["a", null]);
    expect(view("3.0.3", { type: "string", nullable: true, enum: ["a"] }).enum?.value).toEqual(["a"]);
  });

  it("honours 3.0 nullable beside a $ref, the way 3.0 documents mean it", () => {
    const v = view("3.0.3", { $ref: "#/components/schemas/P", nullable: true }, { P: { type: "string" } });
    expect([...(v.types?.value ?? [])].sort()).toEqual(["null", "string"]);
  });

  it("reads a one-branch list as its branch, and a list of constants as an enum", () => {
    expect([...(view("3.1.0", { oneOf: [{ type: "string" }] }).types?.value ?? [])]).toEqual(["string"]);
    expect(view("3.1.0", { oneOf: [{ const: "a" }, { const: "b" }] }).enum?.value).toEqual(["a", "b"]);
  });

  it("derives the types from listed values, and drops values of types not allowed", () => {
    expect([...(view("3.1.0", { const: null }).types?.value ?? [])]).toEqual(["null"]);
    expect(view("3.1.0", { type: "string", enum: ["a", 1] }).enum?.value).toEqual(["a"]);
  });

  it("closes an object the same way with additionalProperties or unevaluatedProperties false", () => {
    expect(view("3.1.0", { unevaluatedProperties: false }).additionalProperties.kind).toBe("none");
  });

  it("ignores nullable in 3.1, where it is no keyword", () => {
    const v = view("3.1.0", { type: "string", nullable: true });
    expect([...(v.types?.value ?? [])]).toEqual(["string"]);
  });

  it("reads anyOf [X, {type: null}] as a nullable X", () => {
    const v = view(
      "3.1.0",
      { anyOf: [{ $ref: "#/components/schemas/P" }, { type: "null" }] },
      { P: { type: "string", maxLength: 3 } },
    );
    expect(v.orNull).toBe(true);
    expect([...(v.types?.value ?? [])].sort()).toEqual(["null", "string"]);
    expect(v.anyOf).toEqual([]);
  });

  it("turns 3.0's boolean exclusive bounds and 3.1's numeric ones into the same bound", () => {
    const old = view("3.0.3", { type: "number", minimum: 5, exclusiveMinimum: true });
    const now = view("3.1.0", { type: "number", exclusiveMinimum: 5 });
    expect([old.minimum?.value, old.minimum?.exclusive]).toEqual([5, true]);
    expect([now.minimum?.value, now.minimum?.exclusive]).toEqual([5, true]);
  });

  it("writes exclusive integer bounds as inclusive ones", () => {
    const v = view("3.1.0", { type: "integer", exclusiveMinimum: 0, exclusiveMaximum: 10.5 });
    expect([v.minimum?.value, v.minimum?.exclusive, v.maximum?.value]).toEqual([1, false, 10]);
  });

  it("intersects enum and const", () => {
    expect(view("3.1.0", { enum: ["a", "b"], const: "b" }).enum?.value).toEqual(["b"]);
  });

  it("applies 3.1 keywords beside a $ref and ignores them in 3.0", () => {
    const schemas = { P: { type: "string" } };
    expect(view("3.1.0", { $ref: "#/components/schemas/P", maxLength: 4 }, schemas).maxLength?.value).toBe(4);
    expect(
      view("3.0.3", { $ref: "#/components/schemas/P", maxLength: 4 }, schemas).maxLength,
    ).toBeUndefined();
  });

  it("marks open enums: x-extensible-enum true, its list form, and the policy's component names", () => {
    expect(view("3.1.0", { enum: ["a"], "x-extensible-enum": true }).extensible).toBe(true);
    expect(view("3.1.0", { type: "string", "x-extensible-enum": ["a", "b"] }).knownValues?.value).toEqual([
      "a",
      "b",
    ]);
    expect(
      view("3.1.0", { $ref: "#/components/schemas/Status" }, { Status: { enum: ["x"] } }).extensible,
    ).toBe(true);
    expect(view("3.1.0", { enum: ["a"] }).extensible).toBe(false);
  });

  it("files example and examples as one annotation, and unknown keywords apart", () => {
    const old = view("3.0.3", { type: "string", example: "x", "x-internal": true, frobnicate: 1 });
    const now = view("3.1.0", { type: "string", examples: ["x"] });
    expect(old.annotations.get("examples")?.[0]?.value).toEqual(now.annotations.get("examples")?.[0]?.value);
    expect(old.annotations.has("x-internal")).toBe(true);
    expect(old.unknown.has("frobnicate")).toBe(true);
  });

  it("sees false, and contradictions, as accepting nothing", () => {
    const spec = openSpec({ openapi: "3.1.0" });
    expect(viewOf([{ spec, node: false, ptr: "#/x" }], options).never).toBeDefined();
    expect(view("3.1.0", { allOf: [{ enum: ["a"] }, { enum: ["b"] }] }).never).toBeDefined();
  });
});
