// Catalogue sections 3.6 (status codes and media types), 3.7 (response schemas) and 3.8 (response headers).
import type { Doc } from "../../fixtures/cases.js";
import { N, type Pair, section, Y } from "../case.js";
import {
  aUnder,
  createOp,
  type Edit,
  edit,
  enumOf,
  getOp,
  int,
  moveMedia,
  num,
  numWith,
  objAB,
  pair,
  petUnion,
  r200,
  r201,
  ref,
  reqProp,
  respBodySchema,
  respHeader,
  respProp,
  schemas,
  str,
  strArray,
  strMap,
  strWith,
  withPets,
  xEnumOf,
} from "../template.js";

export const responsePairs: Pair[] = [];
// ---- 3.6 Responses: status codes and media types -------------------------------------------------
const statuses = section(responsePairs, "catalogue §3.6 Responses: status codes and media types");
statuses(
  "RS01",
  "success status 200 removed",
  Y,
  edit((d) => {
    delete getOp(d).responses[200];
  }),
);
statuses(
  "RS02",
  "non-success status 404 removed",
  Y,
  edit((d) => {
    delete getOp(d).responses[404];
  }),
  { basis: "README" },
);
statuses(
  "RS03",
  "default response removed",
  Y,
  edit((d) => {
    delete createOp(d).responses.default;
  }),
  { basis: "README" },
);
statuses(
  "RS04",
  "status 201 -> 200",
  Y,
  edit((d) => {
    createOp(d).responses[200] = createOp(d).responses[201];
    delete createOp(d).responses[201];
  }),
);
statuses(
  "RS05",
  "201 documented as 2XX (same content)",
  N,
  edit((d) => {
    createOp(d).responses["2XX"] = createOp(d).responses[201];
    delete createOp(d).responses[201];
  }),
  { basis: "README" },
);
statuses(
  "RS06",
  "4XX changed to 5XX",
  Y,
  edit(
    (d) => {
      getOp(d).responses["5XX"] = getOp(d).responses["4XX"];
      delete getOp(d).responses["4XX"];
    },
    {
      common: (d) => {
        getOp(d).responses["4XX"] = getOp(d).responses[404];
        delete getOp(d).responses[404];
      },
    },
  ),
  { basis: "README", note: "row: see RS02 (README: error response removed -> breaking)" },
);
statuses(
  "RS07",
  "new success status added",
  N,
  edit((d) => {
    createOp(d).responses[202] = { description: "Accepted." };
  }),
);
statuses(
  "RS08",
  "new 429 added",
  N,
  edit((d) => {
    createOp(d).responses[429] = structuredClone(createOp(d).responses[400]);
  }),
);
const xml: Edit = (d) => {
  r200(d).content["application/xml"] = { schema: ref("Pet") };
};
statuses(
  "RS09",
  "one of two response media types removed",
  Y,
  edit(
    (d) => {
      delete r200(d).content["application/xml"];
    },
    { common: xml },
  ),
);
statuses(
  "RS10",
  "all response content removed",
  Y,
  edit((d) => {
    delete r200(d).content;
  }),
);
statuses("RS11", "response media type added", N, edit(xml));
statuses(
  "RS12",
  "response application/json -> application/problem+json",
  N,
  edit(moveMedia("application/json", "application/problem+json")),
  { basis: "README" },
);
statuses(
  "RS13",
  "response application/problem+json -> application/json",
  Y,
  edit(moveMedia("application/problem+json", "application/json", (d) => getOp(d).responses[404])),
);
statuses(
  "RS14",
  "response json -> json; charset=utf-8",
  N,
  edit(moveMedia("application/json", "application/json; charset=utf-8")),
);
statuses(
  "RS15",
  "charset removed from a response media type",
  Y,
  edit(moveMedia("application/json; charset=utf-8", "application/json"), {
    common: moveMedia("application/json", "application/json; charset=utf-8"),
  }),
);
statuses(
  "RS16",
  "charset utf-8 -> utf-16",
  Y,
  edit(moveMedia("application/json; charset=utf-8", "application/json; charset=utf-16"), {
    common: moveMedia("application/json", "application/json; charset=utf-8"),
  }),
);
statuses(
  "RS18",
  "response media type -> application/*",
  Y,
  edit(moveMedia("application/json", "application/*")),
);
statuses(
  "RS19",
  "schema removed from a response media type",
  Y,
  edit((d) => {
    delete r200(d).content["application/json"].schema;
  }),
);
statuses(
  "RS20",
  "schema added to a response media type",
  N,
  edit(
    (d) => {
      r200(d).content["application/json"].schema = ref("Pet");
    },
    {
      common: (d) => {
        delete r200(d).content["application/json"].schema;
      },
    },
  ),
);

// ---- 3.7 Response schemas ------------------------------------------------------------------------
const respSchemas = section(responsePairs, "catalogue §3.7 Response schemas");
respSchemas("RP01", "required response property removed", Y, respProp(str, undefined, { required: true }));
respSchemas(
  "RP02",
  "required property under allOf removed",
  Y,
  respBodySchema(
    { allOf: [ref("Pet"), { type: "object", required: ["owner"], properties: { owner: str } }] },
    { allOf: [ref("Pet"), { type: "object" }] },
  ),
);
respSchemas("RP03", "optional response property removed", Y, respProp(str, undefined), {
  basis: "README",
  note: "README policy: property-removed major 'optional response properties too'",
});
respSchemas(
  "RP04a",
  "required writeOnly response property removed",
  N,
  respProp({ type: "string", writeOnly: true }, undefined, { required: true }),
);
respSchemas(
  "RP04b",
  "optional writeOnly response property removed",
  N,
  respProp({ type: "string", writeOnly: true }, undefined),
);
respSchemas(
  "RP05",
  "whole properties map removed",
  Y,
  respBodySchema({ type: "object", required: ["a"], properties: { a: str, b: str } }, { type: "object" }),
);
respSchemas(
  "RP06",
  "response property renamed",
  Y,
  pair(
    {},
    (d) => {
      schemas(d).Pet.properties.nick = str;
    },
    (d) => {
      delete schemas(d).Pet.properties.nick;
      schemas(d).Pet.properties.nickname = str;
    },
  ),
);
respSchemas(
  "RP07",
  "property removed from a $ref'd nested schema",
  Y,
  edit(
    (d) => {
      delete schemas(d).Item.properties.price;
    },
    {
      common: (d) => {
        schemas(d).Item = { type: "object", properties: { price: num, label: str } };
        schemas(d).Pet.properties.p = ref("Item");
      },
    },
  ),
);
respSchemas("RP08", "new required response property", N, respProp(undefined, str, { headRequired: true }));
respSchemas("RP09", "new optional response property", N, respProp(undefined, str));
respSchemas("RP10", "response property optional -> required", N, respProp(str, str, { headRequired: true }));
respSchemas(
  "RP11",
  "response property required -> optional",
  Y,
  respProp(str, str, { required: true, headRequired: false }),
);
respSchemas(
  "RP12a",
  "required -> optional under allOf",
  Y,
  respBodySchema(aUnder("allOf", true), aUnder("allOf", false)),
);
respSchemas(
  "RP12b",
  "required -> optional under anyOf",
  Y,
  respBodySchema(aUnder("anyOf", true), aUnder("anyOf", false)),
);
respSchemas(
  "RP12c",
  "required -> optional under oneOf",
  Y,
  respBodySchema(aUnder("oneOf", true), aUnder("oneOf", false)),
);
respSchemas(
  "RP13",
  "writeOnly response property required -> optional",
  N,
  respProp(
    { type: "string", writeOnly: true },
    { type: "string", writeOnly: true },
    { required: true, headRequired: false },
  ),
);
respSchemas(
  "RP14",
  "writeOnly property removed with its required entry",
  N,
  respProp({ type: "string", writeOnly: true }, undefined, { required: true }),
);
respSchemas(
  "RP15",
  "child's top-level required of an allOf-inherited property dropped",
  Y,
  respBodySchema(
    { allOf: [ref("Base")], required: ["a"] },
    { allOf: [ref("Base")] },
    {
      extra: (d) => {
        schemas(d).Base = { type: "object", properties: { a: str } };
      },
    },
  ),
  { note: "row: treat as required" },
);
respSchemas(
  "RP16",
  "required response property became writeOnly",
  Y,
  respProp(str, { type: "string", writeOnly: true }, { required: true }),
  { basis: "lean" },
);
respSchemas(
  "RP17",
  "required response property no longer writeOnly",
  N,
  respProp({ type: "string", writeOnly: true }, str, { required: true }),
  { basis: "lean" },
);
respSchemas(
  "RP18",
  "response property became readOnly",
  N,
  respProp(str, { type: "string", readOnly: true }),
);
respSchemas("RP19", "response type string -> integer", Y, respProp(str, int));
respSchemas("RP20", "response number -> integer", N, respProp(num, int));
respSchemas("RP21", "response integer -> number", Y, respProp(int, num));
respSchemas(
  "RP22",
  "response [string] -> [string, object]",
  Y,
  respProp({ type: ["string"] }, { type: ["string", "object"] }),
);
respSchemas("RP23", "response array -> object", Y, respProp(strArray({}), { type: "object" }));
respSchemas(
  "RP24a",
  "3.0 response nullable added",
  Y,
  respProp(str, { type: "string", nullable: true }, { v: "3.0" }),
);
respSchemas("RP24b", "3.1 response null added to type", Y, respProp(str, { type: ["string", "null"] }));
respSchemas("RP25", "response nullable removed", N, respProp({ type: ["string", "null"] }, str));
respSchemas(
  "RP26",
  "response format int32 -> int64",
  Y,
  respProp({ type: "integer", format: "int32" }, { type: "integer", format: "int64" }),
);
respSchemas("RP27", "response format added", N, respProp(str, { type: "string", format: "date-time" }));
respSchemas("RP28", "response format removed", Y, respProp({ type: "string", format: "date-time" }, str));
respSchemas(
  "RP29",
  "response maxLength increased",
  Y,
  respProp(strWith({ maxLength: 10 }), strWith({ maxLength: 20 })),
);
respSchemas("RP30", "response maxLength removed", Y, respProp(strWith({ maxLength: 10 }), str));
respSchemas(
  "RP31a",
  "response maxLength decreased",
  N,
  respProp(strWith({ maxLength: 10 }), strWith({ maxLength: 5 })),
);
respSchemas("RP31b", "response maxLength set", N, respProp(str, strWith({ maxLength: 10 })));
respSchemas(
  "RP32",
  "response minLength decreased",
  Y,
  respProp(strWith({ minLength: 3 }), strWith({ minLength: 1 })),
);
respSchemas(
  "RP33",
  "response minLength increased",
  N,
  respProp(strWith({ minLength: 1 }), strWith({ minLength: 3 })),
);
respSchemas(
  "RP34",
  "response maximum increased",
  Y,
  respProp(numWith({ maximum: 10 }), numWith({ maximum: 20 })),
);
respSchemas("RP35", "response maximum removed", Y, respProp(numWith({ maximum: 10 }), num));
respSchemas(
  "RP36a",
  "response minimum decreased",
  Y,
  respProp(numWith({ minimum: 1 }), numWith({ minimum: 0 })),
);
respSchemas("RP36b", "response minimum deleted", Y, respProp(numWith({ minimum: 1 }), num));
respSchemas(
  "RP37a",
  "response exclusiveMaximum increased",
  Y,
  respProp(numWith({ exclusiveMaximum: 10 }), numWith({ exclusiveMaximum: 11 })),
);
respSchemas("RP37b", "response exclusiveMaximum unset", Y, respProp(numWith({ exclusiveMaximum: 10 }), num));
respSchemas(
  "RP37c",
  "response exclusiveMinimum decreased",
  Y,
  respProp(numWith({ exclusiveMinimum: 1 }), numWith({ exclusiveMinimum: 0 })),
);
respSchemas("RP37d", "response exclusiveMinimum unset", Y, respProp(numWith({ exclusiveMinimum: 1 }), num));
respSchemas(
  "RP38a",
  "response maximum decreased",
  N,
  respProp(numWith({ maximum: 20 }), numWith({ maximum: 10 })),
);
respSchemas(
  "RP38b",
  "response minimum increased",
  N,
  respProp(numWith({ minimum: 0 }), numWith({ minimum: 1 })),
);
respSchemas(
  "RP39a",
  "response minItems decreased",
  Y,
  respProp(strArray({ minItems: 2 }), strArray({ minItems: 1 })),
);
respSchemas("RP39b", "response minItems removed", Y, respProp(strArray({ minItems: 2 }), strArray({})));
respSchemas(
  "RP40",
  "response minItems increased",
  N,
  respProp(strArray({ minItems: 1 }), strArray({ minItems: 2 })),
);
respSchemas(
  "RP41",
  "response maxItems increased",
  Y,
  respProp(strArray({ maxItems: 5 }), strArray({ maxItems: 10 })),
);
respSchemas(
  "RP42",
  "response uniqueItems removed",
  Y,
  respProp(strArray({ uniqueItems: true }), strArray({})),
);
respSchemas("RP43a", "response multipleOf removed", Y, respProp({ type: "integer", multipleOf: 5 }, int));
respSchemas(
  "RP43b",
  "response multipleOf 5 -> 3",
  Y,
  respProp({ type: "integer", multipleOf: 5 }, { type: "integer", multipleOf: 3 }),
);
respSchemas(
  "RP44a",
  "response maxProperties increased",
  Y,
  respProp(strMap({ maxProperties: 5 }), strMap({ maxProperties: 10 })),
);
respSchemas(
  "RP44b",
  "response minProperties decreased",
  Y,
  respProp(strMap({ minProperties: 2 }), strMap({ minProperties: 1 })),
);
respSchemas("RP45", "response pattern added", N, respProp(str, strWith({ pattern: "^[a-z]+$" })));
respSchemas("RP46", "response pattern removed", Y, respProp(strWith({ pattern: "^[a-z]+$" }), str));
respSchemas(
  "RP47a",
  "response pattern changed (widens)",
  Y,
  respProp(strWith({ pattern: "^[a-z]+$" }), strWith({ pattern: "^[a-z0-9]+$" })),
);
respSchemas(
  "RP47b",
  "response pattern changed (narrows)",
  N,
  respProp(strWith({ pattern: "^[a-z]+$" }), strWith({ pattern: "^[a-z]{2,}$" })),
  {
    basis: "README",
    note: "catalogue Y(warn) because undecidable; README decides exactly: a narrower response pattern is not breaking",
  },
);
respSchemas(
  "RP48",
  "response pattern -> .*",
  Y,
  respProp(strWith({ pattern: "^[a-z]+$" }), strWith({ pattern: ".*" })),
);
respSchemas("RP49", "response enum value added", Y, respProp(enumOf("a", "b"), enumOf("a", "b", "c")));
respSchemas("RP50", "response enum value removed", N, respProp(enumOf("a", "b"), enumOf("a")));
respSchemas("RP51", "response enum [A,B] -> [A,C]", Y, respProp(enumOf("A", "B"), enumOf("A", "C")));
respSchemas("RP52", "enum removed from a response property", Y, respProp(enumOf("a", "b"), str));
respSchemas("RP53", "enum added to a free response string", N, respProp(str, enumOf("a", "b")));
respSchemas(
  "RP54",
  "response x-extensible-enum value added",
  N,
  respProp(xEnumOf("a", "b"), xEnumOf("a", "b", "c")),
);
respSchemas("RP55", "response root enum value removed", N, respBodySchema(enumOf("a", "b"), enumOf("a")));
const unionBefore = (e: string[]): Doc => ({
  type: ["number", "object"],
  properties: { id: str, status: enumOf(...e) },
});
const unionAfter = (e: string[]): Doc => ({
  oneOf: [num, { type: "object", properties: { id: str, status: enumOf(...e) } }],
});
respSchemas(
  "RP56a",
  "response [number, object] -> oneOf [number, object]; a branch's enum gains a value (optic's test)",
  Y,
  respProp(unionBefore(["online"]), unionAfter(["online", "offline"])),
  { note: "optic: 'invalid union type enum transition in response'" },
);
respSchemas(
  "RP56b",
  "request [number, object] -> oneOf [number, object]; a branch's enum loses a value (optic's test)",
  Y,
  reqProp(unionBefore(["online", "offline"]), unionAfter(["online"])),
  { note: "optic: 'invalid union type enum transition in request'" },
);
respSchemas("RP57a", "response const added", N, respProp(str, { type: "string", const: "a" }));
respSchemas("RP57b", "response const removed", Y, respProp({ type: "string", const: "a" }, str));
respSchemas(
  "RP57c",
  "response const changed",
  Y,
  respProp({ type: "string", const: "a" }, { type: "string", const: "b" }),
);
respSchemas(
  "RP58",
  "response oneOf branch added",
  Y,
  respProp({ oneOf: [str, int] }, { oneOf: [str, int, { type: "boolean" }] }),
);
respSchemas(
  "RP59",
  "response object -> oneOf [number, richer object]",
  Y,
  respProp(
    { type: "object", properties: { a: str } },
    { oneOf: [num, { type: "object", properties: { a: str, b: str } }] },
  ),
  { note: "lean Y" },
);
respSchemas(
  "RP60",
  "response oneOf 3 -> 2 branches",
  N,
  respProp({ oneOf: [str, int, { type: "boolean" }] }, { oneOf: [str, int] }),
);
respSchemas(
  "RP61",
  "response [number, object w/ required] -> oneOf [number, object w/o required]",
  Y,
  respProp(
    { type: ["number", "object"], required: ["a"], properties: { a: str } },
    { oneOf: [num, { type: "object", properties: { a: str } }] },
  ),
);
respSchemas("RP62", "response oneOf [integer, string] -> integer", N, respProp({ oneOf: [int, str] }, int));
respSchemas(
  "RP63",
  "response anyOf branch added",
  Y,
  respProp({ anyOf: [str, int] }, { anyOf: [str, int, { type: "boolean" }] }),
);
respSchemas(
  "RP64",
  "response allOf member added",
  N,
  respBodySchema({ allOf: [ref("Pet")] }, { allOf: [ref("Pet"), { type: "object", required: ["tag"] }] }),
);
respSchemas(
  "RP65",
  "response allOf member removed",
  Y,
  respBodySchema({ allOf: [ref("Pet"), { type: "object", required: ["tag"] }] }, { allOf: [ref("Pet")] }),
);
respSchemas(
  "RP66",
  "required property added under allOf in a response",
  N,
  respBodySchema(
    { allOf: [ref("Pet"), { type: "object", properties: { owner: str } }] },
    { allOf: [ref("Pet"), { type: "object", required: ["owner"], properties: { owner: str } }] },
  ),
);
respSchemas(
  "RP67",
  "response additionalProperties false -> true",
  Y,
  respProp(
    { type: "object", properties: { a: str }, additionalProperties: false },
    { type: "object", properties: { a: str }, additionalProperties: true },
  ),
);
respSchemas(
  "RP68",
  "response additionalProperties true -> false",
  N,
  respProp(
    { type: "object", properties: { a: str }, additionalProperties: true },
    { type: "object", properties: { a: str }, additionalProperties: false },
  ),
);
respSchemas(
  "RP69",
  "response map value type integer -> string",
  Y,
  respProp({ type: "object", additionalProperties: int }, { type: "object", additionalProperties: str }),
);
respSchemas("RP70", "response not removed", Y, respProp({ type: "string", not: { const: "admin" } }, str));
respSchemas(
  "RP71",
  "response dependentSchemas removed",
  Y,
  respProp(objAB({ dependentSchemas: { a: { required: ["b"] } } }), objAB({})),
);
respSchemas(
  "RP72",
  "response unevaluatedProperties false -> schema",
  Y,
  respProp(objAB({ unevaluatedProperties: false }), objAB({ unevaluatedProperties: str })),
);
respSchemas(
  "RP73",
  "response closed tuple opened",
  Y,
  respProp(
    { type: "array", prefixItems: [str], items: false },
    { type: "array", prefixItems: [str], items: str },
  ),
);
respSchemas(
  "RP75",
  "response if/then/else removed",
  Y,
  // biome-ignore lint/suspicious/noThenProperty: JSON Schema's then keyword
  respProp(objAB({ if: { required: ["a"] }, then: { required: ["b"] } }), objAB({})),
);
respSchemas(
  "RP76",
  "response discriminator added",
  N,
  respProp({ oneOf: [ref("Dog"), ref("Cat")] }, petUnion(), { extra: withPets }),
  { basis: "README", note: "README: discriminator added names the branch a value already matches" },
);
respSchemas(
  "RP77",
  "response default changed",
  N,
  respProp({ type: "string", default: "a" }, { type: "string", default: "b" }),
);
respSchemas(
  "RP78",
  "response array items type changed",
  Y,
  respProp(strArray({}), { type: "array", items: int }),
);

// ---- 3.8 Response headers ------------------------------------------------------------------------
const respHeaders = section(responsePairs, "catalogue §3.8 Response headers");
const quotaHeader = (more: Doc): Doc => ({ description: "Quota.", schema: int, ...more });
respHeaders(
  "H01",
  "required response header removed",
  Y,
  edit((d) => {
    delete r201(d).headers.Location;
  }),
);
respHeaders(
  "H02",
  "optional response header removed",
  Y,
  respHeader(quotaHeader({ required: false }), undefined),
);
respHeaders(
  "H03",
  "all response headers removed",
  Y,
  edit((d) => {
    delete r201(d).headers;
  }),
);
respHeaders(
  "H04a",
  "required response header added",
  N,
  respHeader(undefined, quotaHeader({ required: true })),
);
respHeaders("H04b", "optional response header added", N, respHeader(undefined, quotaHeader({})));
respHeaders(
  "H05",
  "response header required -> optional",
  Y,
  respHeader(quotaHeader({ required: true }), quotaHeader({ required: false })),
);
respHeaders(
  "H06",
  "response header optional -> required",
  N,
  respHeader(quotaHeader({ required: false }), quotaHeader({ required: true })),
);
respHeaders(
  "H07",
  "response header name case changed",
  N,
  edit((d) => {
    r201(d).headers.location = r201(d).headers.Location;
    delete r201(d).headers.Location;
  }),
);
respHeaders(
  "H08a",
  "response header type integer -> string",
  Y,
  respHeader(quotaHeader({}), quotaHeader({ schema: str })),
);
respHeaders(
  "H08b",
  "response header type integer -> boolean",
  Y,
  respHeader(quotaHeader({}), quotaHeader({ schema: { type: "boolean" } })),
);
respHeaders(
  "H09",
  "response header became nullable",
  Y,
  respHeader(quotaHeader({}), quotaHeader({ schema: { type: ["integer", "null"] } })),
);
respHeaders(
  "H10",
  "response header explode changed",
  Y,
  respHeader(
    quotaHeader({ schema: strArray({}), explode: false }),
    quotaHeader({ schema: strArray({}), explode: true }),
  ),
  { basis: "lean" },
);
respHeaders(
  "H11",
  "response header deprecated",
  N,
  respHeader(quotaHeader({}), quotaHeader({ deprecated: true })),
);
