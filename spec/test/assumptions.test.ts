// Known vs assumed, both ways: every fact of the product documentation (the seed) is a rule of
// the contract, and every rule of the contract that is not such a fact carries `x-assumed` on
// the node that holds it. The "Assumptions" section of info.description is generated from the
// marks at build time, never written by hand.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { assumptions, section, describe as withSection } from "../scripts/assumptions.mjs";
import { bundle, createCall, type Json } from "./contract.js";
import { seed } from "./seed.js";

/** Keywords that constrain values (annotations such as description and examples are not rules). */
const RULES = [
  "type",
  "enum",
  "const",
  "pattern",
  "format",
  "minLength",
  "maxLength",
  "minimum",
  "maximum",
  "exclusiveMinimum",
  "exclusiveMaximum",
  "multipleOf",
  "minItems",
  "maxItems",
  "uniqueItems",
  "minProperties",
  "maxProperties",
  "required",
  "default",
  "dependentRequired",
  "x-max-body-bytes",
  "x-api-key-pattern",
];
const SKIP = new Set(["examples", "example", "x-codeSamples", "info", "tags", "servers", "description"]);

function at(pointer: string): Json {
  return pointer
    .replace(/^#/, "")
    .split("/")
    .slice(1)
    .reduce((node: Json, part) => node?.[part.replace(/~1/g, "/").replace(/~0/g, "~")], bundle);
}

/** Where the rules of a property live: its $ref target, or the property itself. */
function holder(pointer: string): string {
  const node = at(pointer);
  return typeof node?.$ref === "string" ? node.$ref : pointer;
}

/** The facts the seed states, as `pointer keyword`, found through the contract's own structure. */
function seedFacts(): Set<string> {
  const facts = new Set<string>();
  const add = (pointer: string, ...keywords: string[]) => {
    for (const keyword of keywords) {
      facts.add(`${pointer} ${keyword}`);
    }
  };
  const request = "#/components/schemas/CreateCallRequest";
  add(request, "type", "required");
  add("#/paths/~1api~1v1~1voice~1calls/post/requestBody", "required");
  for (const field of seed.fields) {
    const parameterIndex = (createCall.parameters as Json[]).findIndex(
      (p) => (p.$ref ? at(p.$ref) : p).name === field.name,
    );
    if (parameterIndex >= 0) {
      const parameter = holder(`#/paths/~1api~1v1~1voice~1calls/post/parameters/${parameterIndex}`);
      add(parameter, "required");
      // "UUID": a string of that format, which fixes its length.
      add(
        `${parameter}/schema`,
        "type",
        ...(/UUID/.test(field.description) ? ["format", "minLength", "maxLength"] : []),
      );
      continue;
    }
    const property = holder(`${request}/properties/${field.name}`);
    add(property, "type");
    if (field.default !== undefined) {
      add(property, "default");
    }
    if (/E\.164/.test(field.description)) {
      add(property, "pattern", "minLength", "maxLength");
    }
    if (/Maximum \d+ keys/.test(field.description)) {
      add(property, "maxProperties");
    }
    if (/Options:/.test(field.description)) {
      // "male, female, or null": the options, null the one that means no effect.
      add(property, "enum", "default");
    }
  }
  // The example answer: every field it shows exists with the type of its value.
  const answer = (value: Json, pointer: string) => {
    add(pointer, "type");
    if (value && typeof value === "object" && !Array.isArray(value) && at(pointer)?.properties) {
      for (const [key, child] of Object.entries(value)) {
        answer(child, holder(`${pointer}/properties/${key}`));
      }
    }
  };
  answer(seed.responseBody, "#/components/schemas/Call");
  return facts;
}

interface Rule {
  holder: string;
  keyword: string;
}

/** Every rule of the bundle and the node that holds it. */
function rules(): Rule[] {
  const found: Rule[] = [];
  const walk = (node: Json, pointer: string) => {
    if (node === null || typeof node !== "object") {
      return;
    }
    if (Array.isArray(node)) {
      node.forEach((child, i) => {
        walk(child, `${pointer}/${i}`);
      });
      return;
    }
    for (const keyword of RULES) {
      if (
        keyword in node &&
        !(keyword === "required" && Array.isArray(node.required) && node.required.length === 0)
      ) {
        found.push({ holder: pointer, keyword });
      }
    }
    if (node.additionalProperties === false) {
      found.push({ holder: pointer, keyword: "additionalProperties" });
    }
    for (const [key, child] of Object.entries(node)) {
      // Extensions hold no rules of their own (x-error-codes maps keywords to codes).
      if (!SKIP.has(key) && key !== "$ref" && !key.startsWith("x-")) {
        walk(child, `${pointer}/${key.replace(/~/g, "~0").replace(/\//g, "~1")}`);
      }
    }
  };
  walk(bundle.components, "#/components");
  walk(bundle.paths, "#/paths");
  // Each documented answer is a rule too, held by its response object.
  for (const [status, response] of Object.entries(createCall.responses as Json)) {
    found.push({
      holder: holder(`#/paths/~1api~1v1~1voice~1calls/post/responses/${status}`),
      keyword: `answer ${status}`,
    });
    for (const name of Object.keys(
      (response as Json).$ref
        ? (at((response as Json).$ref).headers ?? {})
        : ((response as Json).headers ?? {}),
    )) {
      const headers = (response as Json).$ref
        ? `${(response as Json).$ref}/headers`
        : `#/paths/~1api~1v1~1voice~1calls/post/responses/${status}/headers`;
      found.push({ holder: holder(`${headers}/${name}`), keyword: `header ${name}` });
    }
  }
  return found;
}

/** The component (or response, body...) a pointer belongs to. */
function root(pointer: string): string {
  const parts = pointer.split("/");
  return parts[1] === "components" ? parts.slice(0, 4).join("/") : parts.slice(0, 7).join("/");
}

/**
 * A rule is marked when the node holding it says `x-assumed`; inside a component the seed says
 * nothing about (Problem, a header, a response) a mark on an enclosing node covers it.
 */
function marked(rule: Rule, factRoots: Set<string>): boolean {
  if (typeof at(rule.holder)?.["x-assumed"] === "string") {
    return true;
  }
  if (factRoots.has(root(rule.holder))) {
    return false;
  }
  const parts = rule.holder.split("/");
  for (let n = parts.length - 1; n >= root(rule.holder).split("/").length; n--) {
    if (typeof at(parts.slice(0, n).join("/"))?.["x-assumed"] === "string") {
      return true;
    }
  }
  return false;
}

describe("known vs assumed", () => {
  const facts = seedFacts();
  const factRoots = new Set([...facts].map((fact) => root(fact.split(" ")[0] as string)));

  it("finds every seed fact as a rule of the contract", () => {
    expect(facts.size).toBeGreaterThan(20);
    for (const fact of facts) {
      const [pointer, keyword] = fact.split(" ") as [string, string];
      expect(at(pointer), fact).toBeDefined();
      expect(keyword in at(pointer), `the seed states ${fact}, the contract does not`).toBe(true);
    }
  });

  it("marks every rule that is not a seed fact with x-assumed on the node that holds it", () => {
    const unmarked = rules().filter(
      (rule) => !facts.has(`${rule.holder} ${rule.keyword}`) && !marked(rule, factRoots),
    );
    expect(unmarked.map((rule) => `${rule.holder}: ${rule.keyword}`)).toEqual([]);
  });

  it("says why in a sentence each time", () => {
    const list = assumptions(bundle);
    expect(list.length).toBeGreaterThan(20);
    for (const entry of list) {
      expect(entry.why, entry.pointer).toMatch(/^[A-Z`].{30,}[.)]$/);
    }
  });

  it("lists every assumption in info.description, generated at build time from the marks", () => {
    expect(bundle.info.description).toBe(withSection(bundle.info.description, assumptions(bundle)));
    expect(bundle.info.description).toContain(section(assumptions(bundle)));
    const source = readFileSync(new URL("../openapi/openapi.yaml", import.meta.url), "utf8");
    expect(source).not.toContain("## Assumptions");
  });
});
