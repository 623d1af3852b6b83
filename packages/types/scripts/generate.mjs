// Writes src/generated/: openapi-typescript's types of the bundled contract, and a copy of the
// bundle. One thing is added to what the CLI would write: an enum the contract declares open
// (`x-extensible-enum: true`, "new values may appear") becomes `"a" | "b" | (string & {})`, so
// its known values still autocomplete and code must handle a value a later release adds.
import { copyFileSync, writeFileSync } from "node:fs";
import openapiTS, {
  astToString,
  COMMENT_HEADER,
  NULL,
  STRING,
  tsIntersection,
  tsLiteral,
  tsUnion,
} from "openapi-typescript";
import ts from "typescript";

const bundle = new URL("../../../spec/dist/openapi.yaml", import.meta.url);
const generated = new URL("../src/generated/", import.meta.url);

/** The type of an open enum, or undefined to let openapi-typescript write the schema as usual. */
export function openEnum(schema) {
  if (schema["x-extensible-enum"] !== true || !Array.isArray(schema.enum)) {
    return undefined;
  }
  const anyOtherString = tsIntersection([STRING, ts.factory.createTypeLiteralNode([])]);
  return tsUnion([...schema.enum.map((value) => (value === null ? NULL : tsLiteral(value))), anyOtherString]);
}

const ast = await openapiTS(bundle, { defaultNonNullable: false, transform: openEnum });
writeFileSync(new URL("openapi.ts", generated), COMMENT_HEADER + astToString(ast));
copyFileSync(new URL("../../../spec/dist/openapi.json", import.meta.url), new URL("openapi.json", generated));
