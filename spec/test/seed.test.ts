// Every statement of the product documentation (the seed) is in the contract, and nothing in
// the contract contradicts it.
import { describe, expect, it } from "vitest";
import { bundle, createCall, type Json, resolve } from "./contract.js";
import { seed } from "./seed.js";

const requestSchema = resolve(createCall.requestBody.content["application/json"].schema);
const headerParameters = (createCall.parameters as Json[]).map(resolve);

describe("the seed", () => {
  it("parses into its six documented fields", () => {
    expect(seed.fields.map((field) => field.name)).toEqual([
      "caller_id",
      "destination",
      "record",
      "voice_changer_uid",
      "metadata",
      "Idempotency-Key",
    ]);
  });

  it("posts to the contract's server and path", () => {
    expect(bundle.servers.map((server: Json) => server.url)).toContain(seed.host);
    expect(Object.keys(bundle.paths)).toEqual([seed.path]);
    expect(createCall).toBeDefined();
  });

  it("authenticates with a calldesk_ bearer key, required globally", () => {
    expect(seed.headers.Authorization).toMatch(/^Bearer calldesk_/);
    const [scheme] = Object.values(bundle.components.securitySchemes) as Json[];
    expect(scheme).toMatchObject({ type: "http", scheme: "bearer" });
    expect(bundle.security).toEqual([{ bearerAuth: [] }]);
  });

  it("states the key format as a pattern the seed's key matches and malformed keys do not", () => {
    const pattern = new RegExp(bundle.components.securitySchemes.bearerAuth["x-api-key-pattern"]);
    expect(pattern.test((seed.headers.Authorization ?? "").replace(/^Bearer /, ""))).toBe(true);
    for (const malformed of [
      "calldesk_",
      "sk_abc123",
      "calldesk_abc 123",
      "calldesk_abc\r\nX: 1",
      "xcalldesk_a",
    ]) {
      expect(pattern.test(malformed), malformed).toBe(false);
    }
  });

  it("is the contract's named request and response examples, verbatim", () => {
    expect(createCall.requestBody.content["application/json"].examples.seed.value).toEqual(seed.requestBody);
    expect(createCall.responses["201"].content["application/json"].examples.seed.value).toEqual(
      seed.responseBody,
    );
  });

  it("is the contract's curl sample, verbatim", () => {
    const curl = (createCall["x-codeSamples"] as Json[]).find((sample) => sample.label === "curl");
    const normalise = (text: string) => text.replace(/\s+/g, " ").trim();
    expect(normalise(curl.source)).toBe(normalise(seed.curl));
  });

  it("sends an Idempotency-Key the contract accepts", () => {
    const parameter = headerParameters.find((p: Json) => p.name === "Idempotency-Key");
    expect(parameter.example).toBe(seed.headers["Idempotency-Key"]);
  });

  for (const field of seed.fields) {
    describe(`field ${field.name}`, () => {
      const parameter = headerParameters.find((p: Json) => p.name === field.name);
      const schema = parameter ? resolve(parameter.schema) : resolve(requestSchema.properties[field.name]);
      const description: string = parameter ? parameter.description : schema.description;

      it("exists with the documented type", () => {
        expect(schema).toBeDefined();
        const types = [schema.type].flat();
        expect(types).toContain(field.type);
      });

      it("is required exactly when documented", () => {
        const required = parameter
          ? parameter.required === true
          : requestSchema.required.includes(field.name);
        expect(required).toBe(field.required);
      });

      it("keeps the documented default, or one meaning 'not set'", () => {
        if (field.default === undefined) {
          // No default on the page: none in the contract either, or one that means "nothing
          // sent" (null, or an empty object for metadata).
          const notSet =
            [null, undefined].includes(schema.default) || JSON.stringify(schema.default) === "{}";
          expect(notSet, JSON.stringify(schema.default)).toBe(true);
        } else {
          expect(String(schema.default)).toBe(field.default);
        }
      });

      it("carries the documented description", () => {
        expect(description.replace(/\s+/g, " ")).toContain(field.description);
      });
    });
  }

  it("turns the prose rules into schema rules", () => {
    const e164 = bundle.components.schemas.E164;
    for (const name of ["caller_id", "destination"]) {
      expect(requestSchema.properties[name].$ref).toBe("#/components/schemas/E164");
    }
    expect(new RegExp(e164.pattern).test("+14155550123")).toBe(true);
    expect(resolve(requestSchema.properties.metadata).maxProperties).toBe(10);
    expect(resolve(requestSchema.properties.voice_changer_uid).enum).toEqual(["male", "female", null]);
    const idempotencyKey = headerParameters.find((p: Json) => p.name === "Idempotency-Key");
    expect(idempotencyKey.schema.format).toBe("uuid");
    expect(
      resolve(createCall.responses["201"].content["application/json"].schema).properties.status.$ref,
    ).toBe("#/components/schemas/CallStatus");
  });
});
