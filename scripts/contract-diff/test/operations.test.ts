import { describe, expect, it } from "vitest";
import { listOperations, templateKey } from "../src/operations.js";
import { openSpec } from "../src/spec.js";

const op = { responses: { "204": { description: "ok" } } };

describe("listOperations", () => {
  it("keys path operations by method and a template whose parameter names do not count", () => {
    expect(templateKey("/calls/{call_id}/legs/{leg}")).toBe("/calls/{}/legs/{}");
    const [a] = listOperations(openSpec({ openapi: "3.1.0", paths: { "/calls/{id}": { get: op } } }));
    const [b] = listOperations(openSpec({ openapi: "3.1.0", paths: { "/calls/{call_id}": { get: op } } }));
    expect(a?.key).toBe(b?.key);
    expect([a?.label, a?.reversed]).toEqual(["GET /calls/{id}", false]);
  });

  it("keeps two templates of the same shape apart (their names are all that tells them apart)", () => {
    const ops = listOperations(
      openSpec({ openapi: "3.1.0", paths: { "/a/{x}": { get: op }, "/a/{y}": { get: op } } }),
    );
    expect(new Set(ops.map((o) => o.key)).size).toBe(2);
  });

  it("follows a path item $ref", () => {
    const doc = {
      openapi: "3.1.0",
      paths: { "/x": { $ref: "#/components/pathItems/X" } },
      components: { pathItems: { X: { post: op } } },
    };
    const [x] = listOperations(openSpec(doc));
    expect([x?.label, x?.op.ptr]).toEqual(["POST /x", "#/components/pathItems/X/post"]);
  });

  it("lists webhooks and callbacks with their direction reversed", () => {
    const doc = {
      openapi: "3.1.0",
      paths: {
        "/calls": { post: { ...op, callbacks: { onEnd: { "{$request.body#/url}": { post: op } } } } },
      },
      webhooks: { callEnded: { post: op } },
    };
    const ops = listOperations(openSpec(doc)).map((o) => [o.kind, o.label, o.reversed]);
    expect(ops).toEqual([
      ["path", "POST /calls", false],
      ["callback", "POST /calls callback onEnd: POST {$request.body#/url}", true],
      ["webhook", "webhook callEnded (POST)", true],
    ]);
  });
});
