import { describe, expect, it } from "vitest";
import { keywordEffect } from "../src/classify.js";
import { buildUsageIndex, lookupUsage } from "../src/usage.js";
import { loadBase } from "./support.js";

describe("usage index", () => {
  it("follows $ref chains to the side where each component is used", async () => {
    const index = buildUsageIndex(await loadBase());
    const sides = (pointer: string) => [...(lookupUsage(index, pointer)?.directions ?? [])].sort();
    expect(sides("#/components/schemas/Phone/maxLength")).toEqual(["request", "response"]);
    expect(sides("#/components/schemas/CreateCall/properties/mode/enum")).toEqual(["request"]);
    expect(sides("#/components/schemas/ErrorCode/enum")).toEqual(["response"]);
    expect(sides("#/components/parameters/IdempotencyKey/schema/maxLength")).toEqual(["request"]);
    expect(sides("#/paths/~1calls/post/responses/201/headers/Location/schema")).toEqual(["response"]);
    expect(lookupUsage(index, "#/components/securitySchemes/apiKey")).toBeUndefined();
  });

  it("records every operation a shared component reaches", async () => {
    const index = buildUsageIndex(await loadBase());
    expect(
      [...(lookupUsage(index, "#/components/schemas/Call/properties/id")?.operations ?? [])].sort(),
    ).toEqual(["GET /calls/{call_id}", "POST /calls"]);
  });

  it("leaves readOnly properties out of requests and writeOnly ones out of responses", () => {
    const doc = {
      paths: {
        "/x": {
          post: {
            requestBody: { content: { "application/json": { schema: { $ref: "#/components/schemas/T" } } } },
            responses: {
              "200": {
                description: "ok",
                content: { "application/json": { schema: { $ref: "#/components/schemas/T" } } },
              },
            },
          },
        },
      },
      components: {
        schemas: {
          T: {
            type: "object",
            properties: {
              id: { type: "string", readOnly: true },
              secret: { type: "string", writeOnly: true },
            },
          },
        },
      },
    };
    const index = buildUsageIndex(doc);
    expect([
      ...(lookupUsage(index, "#/components/schemas/T/properties/id/maxLength")?.directions ?? []),
    ]).toEqual(["response"]);
    expect([...(lookupUsage(index, "#/components/schemas/T/properties/secret")?.directions ?? [])]).toEqual([
      "request",
    ]);
  });
});

describe("keyword effect", () => {
  it.each([
    ["maxLength", 10, 5, "narrow"],
    ["maxLength", 10, undefined, "widen"],
    ["minimum", 1, 2, "narrow"],
    ["minimum", undefined, 0, "narrow"],
    ["pattern", undefined, "^a$", "narrow"],
    ["pattern", "^a$", "^b$", "both"],
    ["format", "date-time", undefined, "widen"],
    ["type", "string", ["string", "null"], "widen"],
    ["type", ["string", "null"], "string", "narrow"],
    ["type", "integer", "number", "widen"],
    ["type", "number", "integer", "narrow"],
    ["type", "string", "integer", "both"],
    ["additionalProperties", undefined, false, "narrow"],
    ["additionalProperties", false, undefined, "widen"],
    ["uniqueItems", false, true, "narrow"],
    ["maxItems", 3, 3, "none"],
  ] as const)("%s %j -> %j is %s", (property, before, after, effect) => {
    expect(keywordEffect(property, before, after)).toBe(effect);
  });
});

describe("readOnly in a request-only schema", () => {
  it("travels nowhere, so it inherits no direction from its parent", () => {
    const doc = {
      paths: {
        "/x": {
          post: {
            requestBody: {
              content: {
                "application/json": {
                  schema: { type: "object", properties: { id: { type: "string", readOnly: true } } },
                },
              },
            },
            responses: { "204": { description: "ok" } },
          },
        },
      },
    };
    const index = buildUsageIndex(doc);
    const path = "#/paths/~1x/post/requestBody/content/application~1json/schema";
    expect([...(lookupUsage(index, `${path}/properties/id/enum`)?.directions ?? ["missing"])]).toEqual([]);
    expect([...(lookupUsage(index, `${path}/required`)?.directions ?? [])]).toEqual(["request"]);
  });
});
