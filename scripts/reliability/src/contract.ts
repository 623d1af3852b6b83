// Validators for the contract's response schemas, compiled from the published bundle.
import { createRequire } from "node:module";
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";

// ajv-formats is CommonJS; under NodeNext its default export arrives wrapped.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;
const CONTRACT_ID = "https://api.247calldesk.com/openapi.json";

const bundle = createRequire(import.meta.url)("@calldesk/api-types/openapi.json");
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

export function schemaValidator(name: "Call" | "Problem"): ValidateFunction {
  return ajv.compile({ $ref: `${CONTRACT_ID}#/components/schemas/${name}` });
}
