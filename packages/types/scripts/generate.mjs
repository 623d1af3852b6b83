// Writes src/generated/: openapi-typescript's types of the bundled contract (exactly what its CLI
// writes), the list of enums the contract declares open (`x-extensible-enum: true`: "new values
// may appear"), from which src/index.ts types `CallStatus` and friends as open, and a copy of the
// bundle. The generated types themselves stay closed: openapi-fetch maps response types through
// `T extends object`, which would turn `string & {}` into an object type.
import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import openapiTS, { astToString, COMMENT_HEADER } from "openapi-typescript";

const bundle = new URL("../../../spec/dist/openapi.json", import.meta.url);
const generated = new URL("../src/generated/", import.meta.url);

const ast = await openapiTS(new URL("../../../spec/dist/openapi.yaml", import.meta.url), {
  defaultNonNullable: false,
});
writeFileSync(new URL("openapi.ts", generated), COMMENT_HEADER + astToString(ast));

const schemas = JSON.parse(readFileSync(bundle, "utf8")).components?.schemas ?? {};
const open = Object.keys(schemas).filter((name) => schemas[name]["x-extensible-enum"] === true);
writeFileSync(
  new URL("open-enums.ts", generated),
  `${COMMENT_HEADER}/** Schemas whose enum the contract declares open (x-extensible-enum: true). */\nexport type OpenEnum = ${open.map((name) => JSON.stringify(name)).join(" | ") || "never"};\n`,
);
copyFileSync(bundle, new URL("openapi.json", generated));
