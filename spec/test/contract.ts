// Loads the bundled contract and compiles validators straight from its schemas, so tests
// never restate a rule the spec already states.
import { readFileSync } from "node:fs";
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";

// ajv-formats is CommonJS; under NodeNext its default export arrives wrapped.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

const BUNDLE_URL = new URL("../dist/openapi.json", import.meta.url);
const CONTRACT_ID = "https://api.247calldesk.com/openapi.json";

// biome-ignore lint/suspicious/noExplicitAny: an OpenAPI document is walked structurally in tests.
export type Json = any;

export const bundle: Json = JSON.parse(readFileSync(BUNDLE_URL, "utf8"));
export const createCall: Json = bundle.paths["/api/v1/voice/calls"].post;

const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);
// OpenAPI vocabulary and every vendor extension (x-...): annotations, not assertions.
const extensions = new Set(
  [...JSON.stringify(bundle).matchAll(/"(x-[\w-]+)":/g)].map((match) => match[1] as string),
);
for (const keyword of ["example", "components", ...extensions]) {
  ajv.addKeyword(keyword);
}
ajv.addSchema({ $id: CONTRACT_ID, components: bundle.components });

export function validatorFor(schemaName: string): ValidateFunction {
  if (!(schemaName in bundle.components.schemas)) {
    throw new Error(`The contract has no schema named ${schemaName}`);
  }
  return ajv.compile({ $ref: `${CONTRACT_ID}#/components/schemas/${schemaName}` });
}

/** Follows a local `$ref` (one hop at a time) until a concrete object is reached. */
export function resolve(node: Json): Json {
  let current = node;
  while (current && typeof current.$ref === "string") {
    const path = current.$ref.replace(/^#\//, "").split("/");
    const target = path.reduce((acc: Json, key: string) => acc?.[key], bundle);
    // A $ref with siblings (3.1 schemas): the siblings refine the target.
    const { $ref: _ignored, ...siblings } = current;
    current = { ...target, ...siblings };
  }
  return current;
}
