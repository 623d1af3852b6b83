import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compileContract, type ErrorCode, loadContract } from "../src/contract.js";
import { createHandler } from "../src/runner.js";
import {
  bundle,
  bundlePath,
  callsPath,
  callsPathItem,
  exampleProblems,
  type Json,
  requestDefaults,
  resolved,
  seedBody,
} from "./helpers.js";

describe("loadContract", () => {
  const contract = loadContract(bundlePath);

  it("takes the path, media type and body limit from the bundle", () => {
    expect(contract.path).toBe(callsPath);
    expect(contract.mediaTypes).toEqual(Object.keys(callsPathItem.post.requestBody.content));
    expect(contract.maxBodyBytes).toBe(callsPathItem.post.requestBody["x-max-body-bytes"]);
  });

  it("verifies the caller IDs of the contract's own request examples", () => {
    const examples = Object.values(callsPathItem.post.requestBody.content["application/json"].examples);
    expect(new Set(contract.exampleCallerIds)).toEqual(
      new Set(examples.map((example: Json) => example.value.caller_id)),
    );
  });

  it("shapes links like the 201 example", () => {
    const example: Json = Object.values(
      callsPathItem.post.responses["201"].content["application/json"].examples,
    )[0];
    const links = contract.linksFor(example.value.call_id);
    expect(links).toEqual(example.value.links);
  });

  it("types and titles every code of an error example as the example does", () => {
    expect(exampleProblems.size).toBeGreaterThan(0);
    for (const [code, example] of exampleProblems) {
      expect(contract.problemType(code as ErrorCode)).toEqual(example);
    }
  });

  it("pairs every ErrorCode with its own type, <code with dashes> under the examples' base", () => {
    const [code, example] = [...exampleProblems][0] as [string, { type: string }];
    const base = example.type.slice(0, -code.length);
    const codes: ErrorCode[] = bundle.components.schemas.ErrorCode.enum;
    const types = codes.map((each) => contract.problemType(each).type);
    expect(types).toEqual(codes.map((each) => `${base}${each.replaceAll("_", "-")}`));
    expect(new Set(types).size).toBe(codes.length);
  });

  it("titles a code without an example of its own (404, 405) by its words", () => {
    for (const code of ["not_found", "method_not_allowed"]) {
      expect(exampleProblems.has(code)).toBe(false);
      expect(bundle.components.schemas.ErrorCode.enum).toContain(code);
    }
    expect(contract.problemType("not_found").title).toBe("Not found");
    expect(contract.problemType("method_not_allowed").title).toBe("Method not allowed");
  });

  it("refuses a bundle whose example pairs a code with another code's type", () => {
    const changed = structuredClone(bundle);
    const examples = changed.components.responses.UnprocessableEntity.content["application/problem+json"]
      .examples as Record<string, Json>;
    const reused = Object.values(examples).find((example) => example.value.code === "idempotency_key_reused");
    reused.value.code = "caller_id_not_verified";
    expect(() => compileContract(changed)).toThrow(
      /pairs the problem code caller_id_not_verified with the type \S+\/idempotency-key-reused/,
    );
  });

  it("validates the Idempotency-Key with the parameter's own schema", () => {
    expect(contract.validateIdempotencyKey(bundle.components.parameters.IdempotencyKey.example)).toBe(true);
    expect(contract.validateIdempotencyKey("550e8400")).toBe(false);
  });

  it("explains a file that is not a JSON bundle", () => {
    const file = join(tmpdir(), `sandbox-not-json-${process.pid}.yaml`);
    writeFileSync(file, "openapi: 3.1.0\n");
    expect(() => loadContract(file)).toThrow(/cannot read .* as a JSON OpenAPI bundle/);
  });

  it("explains a bundle without the createCall operation or its body limit", () => {
    expect(() => compileContract({ paths: {} })).toThrow(/operationId createCall/);
    const withoutLimit = structuredClone(bundle);
    const item: Json = Object.values(withoutLimit.paths)[0];
    delete item.post.requestBody["x-max-body-bytes"];
    expect(() => compileContract(withoutLimit)).toThrow(/x-max-body-bytes/);
  });

  it("takes the API key format from the bearer scheme's x-api-key-pattern", () => {
    const changed = structuredClone(bundle);
    changed.components.securitySchemes.bearerAuth["x-api-key-pattern"] = "^test_[a-z]+$";
    const pattern = compileContract(changed).apiKeyPattern;
    expect(pattern?.test("test_abc")).toBe(true);
    expect(pattern?.test("calldesk_abc123")).toBe(false);
    delete changed.components.securitySchemes.bearerAuth["x-api-key-pattern"];
    expect(compileContract(changed).apiKeyPattern).toBeUndefined();
  });

  it("serves a contract without x-api-key-pattern only with an allow-list", () => {
    const changed = structuredClone(bundle);
    delete changed.components.securitySchemes.bearerAuth["x-api-key-pattern"];
    const contract = compileContract(changed);
    expect(() => createHandler(contract, {})).toThrow(/x-api-key-pattern.*--api-key/);
    expect(() => createHandler(contract, { apiKeys: ["calldesk_abc123"] })).not.toThrow();
  });

  it("collects for CORS every operation's methods, request headers and documented response headers", () => {
    const { cors } = loadContract(bundlePath);
    const operations = Object.values(bundle.paths).flatMap((item: Json) => Object.entries(item));
    expect(cors.methods).toEqual(operations.map(([method]) => method.toUpperCase()));
    const documented = operations.flatMap(([, operation]: [string, Json]) =>
      Object.values(operation.responses).flatMap((response: Json) =>
        Object.keys(resolved(response).headers ?? {}),
      ),
    );
    expect(new Set(cors.responseHeaders)).toEqual(new Set(documented));
    expect(cors.responseHeaders).toHaveLength(new Set(documented).size);
    const parameters = operations.flatMap(([, operation]: [string, Json]) =>
      (operation.parameters ?? []).map(resolved).filter((parameter: Json) => parameter.in === "header"),
    );
    expect(cors.requestHeaders).toEqual([
      "Authorization",
      "Content-Type",
      ...parameters.map((parameter: Json) => parameter.name),
    ]);
  });

  it("follows a changed bundle's headers and security scheme for CORS", () => {
    const changed = structuredClone(bundle);
    const operation = changed.paths[callsPath].post;
    operation.responses["201"] = { ...resolved(operation.responses["201"]) };
    operation.responses["201"].headers = { ...operation.responses["201"].headers, "X-Trace-Id": {} };
    operation.parameters = [...operation.parameters, { name: "X-Tenant", in: "header", schema: {} }];
    changed.components.securitySchemes.bearerAuth = { type: "apiKey", in: "header", name: "X-Api-Key" };
    const { cors } = compileContract(changed);
    expect(cors.responseHeaders).toContain("X-Trace-Id");
    expect(cors.requestHeaders).toEqual(["X-Api-Key", "Content-Type", "Idempotency-Key", "X-Tenant"]);
  });

  it("validates a body without changing it", () => {
    const body = { caller_id: "+14155550123", destination: "+14155559876" };
    expect(contract.validateRequest(body)).toBe(true);
    expect(body).toEqual({ caller_id: "+14155550123", destination: "+14155559876" });
  });

  it("gives every field left out its documented default, a default behind a $ref too", () => {
    const body = { caller_id: "+14155550123", destination: "+14155559876" };
    contract.applyDefaults(body);
    expect(body).toEqual({ caller_id: "+14155550123", destination: "+14155559876", ...requestDefaults });
    // VoiceChanger's default is behind the property's $ref (ajv's useDefaults skips those).
    expect(bundle.components.schemas.CreateCallRequest.properties.voice_changer_uid.$ref).toBeDefined();
    expect(Object.keys(requestDefaults)).toContain("voice_changer_uid");
  });

  it("keeps every field that is sent, whatever its value", () => {
    const sent = Object.fromEntries(Object.keys(requestDefaults).map((name) => [name, "sent"]));
    const body = { ...seedBody, ...sent };
    contract.applyDefaults(body);
    expect(body).toEqual({ ...seedBody, ...sent });
  });

  it("follows a changed bundle's defaults, at any depth, restating none", () => {
    const changed = structuredClone(bundle);
    const schemas = changed.components.schemas;
    schemas.CreateCallRequest.properties.record.default = true;
    schemas.CreateCallRequest.properties.metadata.default = { source: "api" };
    schemas.CreateCallRequest.properties.options = {
      type: "object",
      properties: { speed: { type: "integer", default: 1 }, note: { type: "string" } },
    };
    const { applyDefaults } = compileContract(changed);
    const body: Record<string, unknown> = { caller_id: "+14155550123", options: {} };
    applyDefaults(body);
    expect(body).toEqual({
      caller_id: "+14155550123",
      options: { speed: 1 },
      record: true,
      voice_changer_uid: requestDefaults.voice_changer_uid,
      metadata: { source: "api" },
    });
    // Each body gets its own copy of an object default.
    const other: Record<string, unknown> = {};
    applyDefaults(other);
    expect(other.metadata).not.toBe(body.metadata);
  });

  it("enforces a changed limit from a changed bundle, restating nothing", () => {
    const changed = structuredClone(bundle);
    changed.components.schemas.Metadata.maxProperties = 1;
    const validate = compileContract(changed).validateRequest;
    expect(
      validate({ caller_id: "+14155550123", destination: "+14155559876", metadata: { a: "1", b: "2" } }),
    ).toBe(false);
    expect(validate.errors?.[0]?.keyword).toBe("maxProperties");
  });
});
