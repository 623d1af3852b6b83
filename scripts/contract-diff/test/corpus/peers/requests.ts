// Catalogue sections 3.4 (request bodies and media types) and 3.5 (request schemas).
import type { Doc } from "../../fixtures/cases.js";
import { N, type Pair, section, Y } from "../case.js";
import {
  createOp,
  deleteOp,
  type Edit,
  edit,
  enumOf,
  int,
  num,
  numWith,
  objAB,
  pair,
  petUnion,
  ref,
  reqBody,
  reqBodySchema,
  reqMedia,
  reqProp,
  schemas,
  sharedBody,
  sharedProp,
  str,
  strArray,
  strMap,
  strWith,
  withParts,
  withPets,
  xEnumOf,
} from "../template.js";

export const requestPairs: Pair[] = [];
// ---- 3.4 Request body and media types ------------------------------------------------------------
const body = section(requestPairs, "catalogue §3.4 Request body and media types");
const reasonBody = (required: boolean): Doc => ({
  required,
  content: { "application/json": { schema: { type: "object", properties: { reason: str } } } },
});
body(
  "R01",
  "required request body added",
  Y,
  edit((d) => {
    deleteOp(d).requestBody = reasonBody(true);
  }),
);
body(
  "R02",
  "optional request body added",
  N,
  edit((d) => {
    deleteOp(d).requestBody = reasonBody(false);
  }),
);
body(
  "R03",
  "body optional -> required",
  Y,
  edit(
    (d) => {
      reqBody(d).required = true;
    },
    {
      common: (d) => {
        reqBody(d).required = false;
      },
    },
  ),
);
body(
  "R04",
  "body required -> optional",
  N,
  edit((d) => {
    reqBody(d).required = false;
  }),
);
body(
  "R05",
  "request body removed",
  Y,
  edit((d) => {
    delete createOp(d).requestBody;
  }),
);
const twoMedia: Edit = (d) => {
  reqBody(d).content["application/x-www-form-urlencoded"] = { schema: ref("NewPet") };
};
body(
  "R06",
  "one of two request media types removed",
  Y,
  edit(
    (d) => {
      delete reqBody(d).content["application/x-www-form-urlencoded"];
    },
    { common: twoMedia },
  ),
);
body("R07", "request media type added", N, edit(twoMedia));
body(
  "R08",
  "request application/json -> application/*",
  N,
  edit((d) => {
    reqBody(d).content["application/*"] = reqMedia(d);
    delete reqBody(d).content["application/json"];
  }),
  { basis: "README" },
);
body(
  "R09",
  "request media schema added where none",
  Y,
  edit(
    (d) => {
      reqMedia(d).schema = ref("NewPet");
    },
    {
      common: (d) => {
        delete reqMedia(d).schema;
      },
    },
  ),
);
body(
  "R10",
  "request media schema removed",
  N,
  edit((d) => {
    delete reqMedia(d).schema;
  }),
);
const multipart =
  (contentType: string): Edit =>
  (d) => {
    reqBody(d).content = {
      "multipart/form-data": {
        schema: {
          type: "object",
          properties: { photo: { type: "string", contentMediaType: "image/png" }, name: str },
        },
        encoding: { photo: { contentType } },
      },
    };
  };
body(
  "R11",
  "multipart encoding contentType changed",
  Y,
  pair({}, multipart("image/png"), multipart("image/jpeg")),
);
body(
  "R13",
  "request body description/examples changed",
  N,
  edit((d) => {
    reqBody(d).description = "A pet to add.";
    reqMedia(d).examples = { rex: { value: { name: "Rex" } } };
  }),
);

// ---- 3.5 Request schemas -------------------------------------------------------------------------
const reqSchemas = section(requestPairs, "catalogue §3.5 Request schemas");
reqSchemas("RB01", "new required property", Y, reqProp(undefined, str, { headRequired: true }));
reqSchemas(
  "RB02",
  "new required property with a default",
  Y,
  reqProp(undefined, { type: "string", default: "x" }, { headRequired: true }),
  { basis: "README" },
);
reqSchemas("RB03", "new optional property", N, reqProp(undefined, str));
reqSchemas(
  "RB04",
  "new optional property on a closed object",
  N,
  reqProp(undefined, str, {
    extra: (d) => {
      schemas(d).NewPet.additionalProperties = false;
    },
  }),
);
reqSchemas("RB05", "optional -> required", Y, reqProp(str, str, { headRequired: true }));
reqSchemas(
  "RB06",
  "became required, has a default",
  Y,
  reqProp({ type: "string", default: "x" }, { type: "string", default: "x" }, { headRequired: true }),
  { basis: "README" },
);
reqSchemas("RB07", "required -> optional", N, reqProp(str, str, { required: true, headRequired: false }));
reqSchemas("RB08", "optional property removed (open object)", N, reqProp(str, undefined));
reqSchemas(
  "RB09",
  "property removed from a closed object",
  Y,
  reqProp(str, undefined, {
    extra: (d) => {
      schemas(d).NewPet.additionalProperties = false;
    },
  }),
);
reqSchemas("RB10", "required property removed (open object)", N, reqProp(str, undefined, { required: true }));
reqSchemas(
  "RB11",
  "new required readOnly property (schema shared by request and response)",
  N,
  sharedBody(null, (d) => {
    schemas(d).Pet.properties.createdAt = { type: "string", format: "date-time", readOnly: true };
    schemas(d).Pet.required.push("createdAt");
  }),
);
reqSchemas(
  "RB12",
  "readOnly property became required",
  N,
  sharedBody(
    (d) => {
      schemas(d).Pet.properties.createdAt = { type: "string", readOnly: true };
    },
    (d) => {
      schemas(d).Pet.required.push("createdAt");
    },
  ),
);
reqSchemas(
  "RB13",
  "nested object became readOnly with its own required list",
  N,
  sharedBody(
    (d) => {
      schemas(d).Pet.properties.owner = { type: "object", properties: { name: str } };
    },
    (d) => {
      schemas(d).Pet.properties.owner = {
        type: "object",
        readOnly: true,
        required: ["name"],
        properties: { name: str },
      };
    },
  ),
);
reqSchemas(
  "RB14",
  "required property is a $ref to a readOnly component",
  N,
  sharedBody(
    (d) => {
      schemas(d).Audit = { type: "object", readOnly: true, properties: { by: str } };
    },
    (d) => {
      schemas(d).Pet.properties.audit = ref("Audit");
      schemas(d).Pet.required.push("audit");
    },
  ),
);
reqSchemas(
  "RB16",
  "required request property became readOnly",
  N,
  sharedBody(
    (d) => {
      schemas(d).Pet.properties.code = str;
      schemas(d).Pet.required.push("code");
    },
    (d) => {
      schemas(d).Pet.properties.code = { type: "string", readOnly: true };
    },
  ),
);
reqSchemas(
  "RB17",
  "readOnly removed from a required property",
  Y,
  sharedBody(
    (d) => {
      schemas(d).Pet.properties.id = { type: "string", readOnly: true };
    },
    (d) => {
      schemas(d).Pet.properties.id = str;
    },
  ),
  { note: "catalogue Y (lean)" },
);
reqSchemas(
  "RB18a",
  "request property became writeOnly",
  N,
  reqProp(str, { type: "string", writeOnly: true }),
);
reqSchemas(
  "RB18b",
  "request property no longer writeOnly",
  N,
  reqProp({ type: "string", writeOnly: true }, str),
);
reqSchemas("RB19", "type string -> integer", Y, reqProp(str, int));
reqSchemas("RB20", "type integer -> number", N, reqProp(int, num));
reqSchemas("RB21", "type number -> integer", Y, reqProp(num, int));
reqSchemas("RB22", "number -> integer/int32", Y, reqProp(num, { type: "integer", format: "int32" }));
reqSchemas(
  "RB23",
  "request body object -> array",
  Y,
  reqBodySchema(ref("NewPet"), { type: "array", items: ref("NewPet") }),
);
reqSchemas(
  "RB24",
  "type [string] -> [string, number]",
  N,
  reqProp({ type: ["string"] }, { type: ["string", "number"] }),
);
reqSchemas(
  "RB25",
  "type [string, number] -> [string]",
  Y,
  reqProp({ type: ["string", "number"] }, { type: ["string"] }),
);
reqSchemas("RB26", "format date-time added", Y, reqProp(str, { type: "string", format: "date-time" }));
reqSchemas(
  "RB27",
  "format int32 -> int64",
  N,
  reqProp({ type: "integer", format: "int32" }, { type: "integer", format: "int64" }),
  { basis: "README" },
);
reqSchemas(
  "RB28",
  "format int64 -> int32",
  Y,
  reqProp({ type: "integer", format: "int64" }, { type: "integer", format: "int32" }),
);
reqSchemas("RB29", "format removed", N, reqProp({ type: "string", format: "date-time" }, str));
reqSchemas("RB30", "maxLength decreased", Y, reqProp(strWith({ maxLength: 10 }), strWith({ maxLength: 5 })));
reqSchemas("RB31", "maxLength set", Y, reqProp(str, strWith({ maxLength: 10 })));
reqSchemas(
  "RB32a",
  "maxLength increased",
  N,
  reqProp(strWith({ maxLength: 10 }), strWith({ maxLength: 20 })),
);
reqSchemas("RB32b", "maxLength removed", N, reqProp(strWith({ maxLength: 10 }), str));
reqSchemas("RB33", "minLength increased", Y, reqProp(strWith({ minLength: 1 }), strWith({ minLength: 3 })));
reqSchemas("RB34", "minLength decreased", N, reqProp(strWith({ minLength: 3 }), strWith({ minLength: 1 })));
reqSchemas("RB35", "maximum 20 -> 10", Y, reqProp(numWith({ maximum: 20 }), numWith({ maximum: 10 })));
reqSchemas("RB36", "maximum 100 -> 130", N, reqProp(numWith({ maximum: 100 }), numWith({ maximum: 130 })));
reqSchemas("RB37", "minimum 100 -> 80", N, reqProp(numWith({ minimum: 100 }), numWith({ minimum: 80 })));
reqSchemas("RB38", "minimum set", Y, reqProp(num, numWith({ minimum: 1 })));
reqSchemas(
  "RB39",
  "minimum: 0 -> exclusiveMinimum: 0",
  Y,
  reqProp(numWith({ minimum: 0 }), numWith({ exclusiveMinimum: 0 })),
);
reqSchemas(
  "RB40",
  "3.0 minimum 0 + exclusiveMinimum true -> 3.1 exclusiveMinimum 0 (shared)",
  N,
  sharedProp(numWith({ minimum: 0, exclusiveMinimum: true }), numWith({ exclusiveMinimum: 0 }), {
    v: "3.0",
    headV: "3.1",
  }),
);
reqSchemas(
  "RB41a",
  "exclusiveMinimum increased",
  Y,
  reqProp(numWith({ exclusiveMinimum: 0 }), numWith({ exclusiveMinimum: 1 })),
);
reqSchemas(
  "RB41b",
  "exclusiveMaximum decreased",
  Y,
  reqProp(numWith({ exclusiveMaximum: 10 }), numWith({ exclusiveMaximum: 9 })),
);
reqSchemas("RB42", "maxItems 10 -> 5", Y, reqProp(strArray({ maxItems: 10 }), strArray({ maxItems: 5 })));
reqSchemas("RB43", "maxItems 10 -> 16", N, reqProp(strArray({ maxItems: 10 }), strArray({ maxItems: 16 })));
reqSchemas("RB44a", "minItems increased", Y, reqProp(strArray({ minItems: 1 }), strArray({ minItems: 3 })));
reqSchemas("RB44b", "minItems set", Y, reqProp(strArray({}), strArray({ minItems: 1 })));
reqSchemas("RB45", "minItems 10 -> 3", N, reqProp(strArray({ minItems: 10 }), strArray({ minItems: 3 })));
reqSchemas("RB46", "uniqueItems set", Y, reqProp(strArray({}), strArray({ uniqueItems: true })));
reqSchemas("RB47", "uniqueItems: false written", N, reqProp(strArray({}), strArray({ uniqueItems: false })));
reqSchemas("RB48", "uniqueItems removed", N, reqProp(strArray({ uniqueItems: true }), strArray({})));
reqSchemas("RB49", "multipleOf set", Y, reqProp(int, { type: "integer", multipleOf: 5 }));
reqSchemas(
  "RB50",
  "multipleOf 10 -> 5",
  N,
  reqProp({ type: "integer", multipleOf: 10 }, { type: "integer", multipleOf: 5 }),
);
reqSchemas(
  "RB51a",
  "multipleOf 5 -> 10",
  Y,
  reqProp({ type: "integer", multipleOf: 5 }, { type: "integer", multipleOf: 10 }),
);
reqSchemas(
  "RB51b",
  "multipleOf 2 -> 3",
  Y,
  reqProp({ type: "integer", multipleOf: 2 }, { type: "integer", multipleOf: 3 }),
);
reqSchemas(
  "RB52a",
  "maxProperties decreased",
  Y,
  reqProp(strMap({ maxProperties: 10 }), strMap({ maxProperties: 5 })),
);
reqSchemas("RB52b", "maxProperties set", Y, reqProp(strMap({}), strMap({ maxProperties: 5 })));
reqSchemas(
  "RB52c",
  "minProperties increased",
  Y,
  reqProp(strMap({ minProperties: 1 }), strMap({ minProperties: 2 })),
);
reqSchemas("RB53", "pattern added", Y, reqProp(str, strWith({ pattern: "^[a-z]+$" })));
reqSchemas(
  "RB54a",
  "pattern ^[a-z]+$ -> ^[a-z ]+$ (widens)",
  N,
  reqProp(strWith({ pattern: "^[a-z]+$" }), strWith({ pattern: "^[a-z ]+$" })),
  {
    basis: "README",
    note: "catalogue Y(warn) because undecidable; README decides patterns exactly and a widened request pattern is not breaking",
  },
);
reqSchemas(
  "RB54b",
  "pattern ^[a-z]+$ -> .+ (widens)",
  N,
  reqProp(strWith({ pattern: "^[a-z]+$" }), strWith({ pattern: ".+" })),
  { basis: "README", note: "as RB54a" },
);
reqSchemas(
  "RB54c",
  "pattern ^[a-z ]+$ -> ^[a-z]+$ (narrows)",
  Y,
  reqProp(strWith({ pattern: "^[a-z ]+$" }), strWith({ pattern: "^[a-z]+$" })),
);
reqSchemas("RB55", "pattern -> .*", N, reqProp(strWith({ pattern: "^[a-z]+$" }), strWith({ pattern: ".*" })));
reqSchemas("RB56", "pattern removed", N, reqProp(strWith({ pattern: "^[a-z]+$" }), str));
reqSchemas("RB57", "enum added to a free string", Y, reqProp(str, enumOf("a", "b")));
reqSchemas("RB58", "enum value removed", Y, reqProp(enumOf("a", "b"), enumOf("a")));
reqSchemas(
  "RB59",
  "enum value removed from a readOnly property",
  N,
  sharedBody(
    (d) => {
      schemas(d).Pet.properties.status = { ...enumOf("a", "b", "c"), readOnly: true };
    },
    (d) => {
      schemas(d).Pet.properties.status = { ...enumOf("a", "b"), readOnly: true };
    },
  ),
);
reqSchemas("RB60", "enum value added", N, reqProp(enumOf("a", "b"), enumOf("a", "b", "c")));
reqSchemas("RB61", "request body root enum value removed", Y, reqBodySchema(enumOf("a", "b"), enumOf("a")));
reqSchemas(
  "RB62",
  "enum value added to a shared schema",
  Y,
  sharedProp(enumOf("a", "b"), enumOf("a", "b", "c")),
);
reqSchemas("RB63", "x-extensible-enum value removed (request)", Y, reqProp(xEnumOf("a", "b"), xEnumOf("a")));
reqSchemas(
  "RB64",
  "x-extensible-enum value added (shared)",
  N,
  sharedProp(xEnumOf("a", "b"), xEnumOf("a", "b", "c")),
);
reqSchemas("RB65", "const added", Y, reqProp(str, { type: "string", const: "small" }));
reqSchemas(
  "RB66",
  "const changed (shared)",
  Y,
  sharedProp({ type: "string", const: "small" }, { type: "string", const: "large" }),
);
reqSchemas("RB67", "const removed", N, reqProp({ type: "string", const: "small" }, str));
reqSchemas(
  "RB68",
  "3.0 nullable true -> false",
  Y,
  reqProp({ type: "number", nullable: true }, num, { v: "3.0" }),
);
reqSchemas(
  "RB69",
  "3.0 nullable false -> true",
  N,
  reqProp(num, { type: "number", nullable: true }, { v: "3.0" }),
);
reqSchemas(
  "RB70",
  "3.0 nullable -> 3.1 [T, null] (shared)",
  N,
  sharedProp({ type: "string", nullable: true }, { type: ["string", "null"] }, { v: "3.0", headV: "3.1" }),
);
reqSchemas("RB71", "[string, null] -> no type", N, reqProp({ type: ["string", "null"] }, {}));
reqSchemas(
  "RB72",
  "wrapped as oneOf [null, $ref]",
  N,
  reqProp(ref("Kind"), { oneOf: [{ type: "null" }, ref("Kind")] }),
);
reqSchemas(
  "RB73",
  "already-nullable schema wrapped in oneOf-with-null",
  Y,
  reqProp(
    ref("Nick"),
    { oneOf: [{ type: "null" }, ref("Nick")] },
    {
      extra: (d) => {
        schemas(d).Nick = { type: ["string", "null"], maxLength: 20 };
      },
    },
  ),
  { note: "null now matches both oneOf branches" },
);
reqSchemas(
  "RB74a",
  "default added to an optional request property",
  N,
  reqProp(str, { type: "string", default: "x" }),
);
reqSchemas(
  "RB74b",
  "default changed on an optional request property",
  Y,
  reqProp({ type: "string", default: "x" }, { type: "string", default: "y" }),
  { basis: "README" },
);
reqSchemas(
  "RB74c",
  "default removed from an optional request property",
  Y,
  reqProp({ type: "string", default: "x" }, str),
  { basis: "README" },
);
reqSchemas(
  "RB75",
  "anyOf branch added",
  N,
  reqProp({ anyOf: [str, int] }, { anyOf: [str, int, { type: "boolean" }] }),
);
reqSchemas(
  "RB76",
  "anyOf branch removed",
  Y,
  reqProp({ anyOf: [str, int, { type: "boolean" }] }, { anyOf: [str, int] }),
);
reqSchemas(
  "RB77",
  "oneOf branch added (disjoint)",
  N,
  reqProp({ oneOf: [str, int] }, { oneOf: [str, int, { type: "boolean" }] }),
);
reqSchemas(
  "RB78",
  "oneOf branch removed",
  Y,
  reqProp({ oneOf: [str, int, { type: "boolean" }] }, { oneOf: [str, int] }),
);
reqSchemas(
  "RB79",
  "allOf member added",
  Y,
  reqBodySchema(
    { allOf: [ref("NewPet")] },
    { allOf: [ref("NewPet"), { type: "object", required: ["tag"] }] },
  ),
);
reqSchemas(
  "RB80",
  "allOf member removed",
  N,
  reqBodySchema(
    { allOf: [ref("NewPet"), { type: "object", required: ["tag"] }] },
    { allOf: [ref("NewPet")] },
  ),
);
reqSchemas(
  "RB81",
  "allOf $ref swapped Named -> Tagged (shared)",
  Y,
  sharedProp({ allOf: [ref("Named")] }, { allOf: [ref("Tagged")] }, { extra: withParts }),
);
reqSchemas(
  "RB82",
  "plain schema -> equivalent allOf of components (shared)",
  N,
  sharedProp(
    { type: "object", required: ["a", "b"], properties: { a: str, b: int } },
    { allOf: [ref("PA"), ref("PB")] },
    { extra: withParts },
  ),
);
reqSchemas(
  "RB83a",
  "body wrapped in oneOf [original, disjoint other]",
  N,
  reqBodySchema(ref("NewPet"), { oneOf: [ref("NewPet"), { type: "array", items: ref("NewPet") }] }),
  { note: "row: N if the branches are disjoint" },
);
reqSchemas(
  "RB83b",
  "body wrapped in oneOf [original, overlapping other]",
  Y,
  reqBodySchema(ref("NewPet"), {
    oneOf: [ref("NewPet"), { type: "object", required: ["name"], properties: { name: str, microchip: str } }],
  }),
  {
    note: "row: Y if the branches overlap (also K27): a pet with a microchip matches both branches, which oneOf refuses",
  },
);
reqSchemas("RB84", "single-branch oneOf unwrapped", N, reqProp({ oneOf: [ref("Kind")] }, ref("Kind")));
reqSchemas(
  "RB85",
  "discriminator added to a request oneOf",
  N,
  reqProp({ oneOf: [ref("Dog"), ref("Cat")] }, petUnion(), { extra: withPets }),
  { basis: "README" },
);
reqSchemas(
  "RB86",
  "discriminator propertyName changed (shared)",
  Y,
  sharedProp(petUnion(), { ...petUnion(), discriminator: { propertyName: "kind" } }, { extra: withPets }),
  { basis: "lean" },
);
reqSchemas(
  "RB87",
  "discriminator mapping value changed (shared)",
  Y,
  sharedProp(
    petUnion({ mapping: { dog: "#/components/schemas/Dog", cat: "#/components/schemas/Cat" } }),
    petUnion({ mapping: { doggo: "#/components/schemas/Dog", cat: "#/components/schemas/Cat" } }),
    { extra: withPets },
  ),
  { basis: "lean" },
);
reqSchemas(
  "RB88",
  "discriminator mapping added, same values as the implicit one (shared)",
  N,
  sharedProp(
    petUnion(),
    petUnion({ mapping: { Dog: "#/components/schemas/Dog", Cat: "#/components/schemas/Cat" } }),
    { extra: withPets },
  ),
  {
    note: "the mapping spells out the implicit one (schema names), so the discriminator values are unchanged",
  },
);
reqSchemas(
  "RB89",
  "additionalProperties absent -> false",
  Y,
  reqProp(
    { type: "object", properties: { a: str } },
    { type: "object", properties: { a: str }, additionalProperties: false },
  ),
);
reqSchemas(
  "RB90",
  "additionalProperties false -> true",
  N,
  reqProp(
    { type: "object", properties: { a: str }, additionalProperties: false },
    { type: "object", properties: { a: str }, additionalProperties: true },
  ),
);
reqSchemas(
  "RB91",
  "additionalProperties schema added to an open object",
  Y,
  reqProp({ type: "object" }, { type: "object", additionalProperties: str }),
);
reqSchemas(
  "RB92",
  "type changed inside additionalProperties (request)",
  Y,
  reqProp({ type: "object", additionalProperties: str }, { type: "object", additionalProperties: int }),
  { note: "row: judge as a normal property" },
);
reqSchemas(
  "RB93",
  "inline schema -> $ref to identical component (shared use)",
  N,
  pair(
    {},
    (d) => {
      schemas(d).Code = { type: "string", maxLength: 5 };
      schemas(d).NewPet.properties.code = { type: "string", maxLength: 5 };
      schemas(d).Pet.properties.code = { type: "string", maxLength: 5 };
    },
    (d) => {
      schemas(d).NewPet.properties.code = ref("Code");
      schemas(d).Pet.properties.code = ref("Code");
    },
  ),
);
reqSchemas(
  "RB94",
  "anyOf branch inline enum -> equivalent $ref",
  N,
  reqProp(
    { anyOf: [enumOf("a", "b"), int] },
    { anyOf: [ref("AB"), int] },
    {
      extra: (d) => {
        schemas(d).AB = enumOf("a", "b");
      },
    },
  ),
);
reqSchemas(
  "RB95a",
  "$ref switched to another component with the same content",
  N,
  reqProp(ref("Beverage"), ref("Dessert"), {
    extra: (d) => {
      schemas(d).Beverage = { type: "string", maxLength: 20 };
      schemas(d).Dessert = { type: "string", maxLength: 20 };
    },
  }),
  { note: "row: judge by content" },
);
reqSchemas(
  "RB95b",
  "$ref switched to a narrower component (request)",
  Y,
  reqProp(ref("Beverage"), ref("Dessert"), {
    extra: (d) => {
      schemas(d).Beverage = { type: "string", maxLength: 20 };
      schemas(d).Dessert = { type: "string", maxLength: 10 };
    },
  }),
  { note: "row: judge by content" },
);
reqSchemas(
  "RB96",
  "optional request property renamed",
  N,
  pair(
    {},
    (d) => {
      schemas(d).NewPet.properties.nick = str;
    },
    (d) => {
      delete schemas(d).NewPet.properties.nick;
      schemas(d).NewPet.properties.nickname = str;
    },
  ),
);
reqSchemas(
  "RB97",
  "lone if added",
  N,
  reqProp({ type: "object" }, { type: "object", if: { required: ["a"] } }),
);
reqSchemas(
  "RB98a",
  "then added to an existing if",
  Y,
  reqProp(
    { type: "object", if: { required: ["a"] } },
    // biome-ignore lint/suspicious/noThenProperty: JSON Schema's then keyword
    { type: "object", if: { required: ["a"] }, then: { required: ["b"] } },
  ),
);
reqSchemas(
  "RB98b",
  "if/else added",
  Y,
  reqProp({ type: "object" }, { type: "object", if: { required: ["a"] }, else: { required: ["b"] } }),
);
reqSchemas("RB99", "not added", Y, reqProp(str, { type: "string", not: { const: "admin" } }));
reqSchemas(
  "RB100",
  "prefixItems added",
  Y,
  reqProp(strArray({}), { type: "array", prefixItems: [{ type: "string", format: "date" }], items: str }),
  { basis: "lean" },
);
reqSchemas(
  "RB102",
  "closed tuple opened with an items schema",
  N,
  reqProp(
    { type: "array", prefixItems: [str], items: false },
    { type: "array", prefixItems: [str], items: str },
  ),
);
reqSchemas("RB103a", "contains added", Y, reqProp(strArray({}), strArray({ contains: { const: "x" } })));
reqSchemas(
  "RB103b",
  "minContains increased",
  Y,
  reqProp(strArray({ contains: { const: "x" } }), strArray({ contains: { const: "x" }, minContains: 2 })),
);
reqSchemas(
  "RB103c",
  "maxContains decreased",
  Y,
  reqProp(
    strArray({ contains: { const: "x" }, maxContains: 3 }),
    strArray({ contains: { const: "x" }, maxContains: 2 }),
  ),
);
reqSchemas(
  "RB104",
  "dependentRequired added",
  Y,
  reqProp(objAB({}), objAB({ dependentRequired: { a: ["b"] } })),
);
reqSchemas(
  "RB105a",
  "dependentSchemas added",
  Y,
  reqProp(objAB({}), objAB({ dependentSchemas: { a: { required: ["b"] } } })),
);
reqSchemas(
  "RB105b",
  "patternProperties added (open object)",
  Y,
  reqProp(objAB({}), objAB({ patternProperties: { "^x-": int } })),
);
reqSchemas(
  "RB105c",
  "propertyNames added",
  Y,
  reqProp(objAB({}), objAB({ propertyNames: { pattern: "^[a-z]+$" } })),
);
reqSchemas(
  "RB106",
  "unevaluatedProperties: false added",
  Y,
  reqProp(objAB({}), objAB({ unevaluatedProperties: false })),
);
reqSchemas(
  "RB107",
  "unevaluatedProperties false -> schema",
  N,
  reqProp(objAB({ unevaluatedProperties: false }), objAB({ unevaluatedProperties: str })),
);
reqSchemas(
  "RB108a",
  "contentMediaType changed (shared)",
  Y,
  sharedProp(
    { type: "string", contentMediaType: "image/png", contentEncoding: "base64" },
    { type: "string", contentMediaType: "image/jpeg", contentEncoding: "base64" },
  ),
);
reqSchemas(
  "RB108b",
  "contentEncoding changed (shared)",
  Y,
  sharedProp({ type: "string", contentEncoding: "base64" }, { type: "string", contentEncoding: "base32" }),
);
reqSchemas(
  "RB109",
  "contentSchema added (request)",
  Y,
  reqProp(
    { type: "string", contentMediaType: "application/json" },
    {
      type: "string",
      contentMediaType: "application/json",
      contentSchema: { type: "object", required: ["a"] },
    },
  ),
);
reqSchemas(
  "RB110",
  "property inside array items became required",
  Y,
  reqProp(
    { type: "array", items: { type: "object", properties: { a: str } } },
    { type: "array", items: { type: "object", required: ["a"], properties: { a: str } } },
  ),
);
reqSchemas(
  "RB111",
  "property inside an anyOf branch became required",
  Y,
  reqProp(
    { anyOf: [{ type: "object", properties: { a: str } }, str] },
    { anyOf: [{ type: "object", required: ["a"], properties: { a: str } }, str] },
  ),
);
reqSchemas(
  "RB112",
  "nested property became required",
  Y,
  reqProp(
    { type: "object", properties: { inner: { type: "object", properties: { a: str } } } },
    { type: "object", properties: { inner: { type: "object", required: ["a"], properties: { a: str } } } },
  ),
);
reqSchemas(
  "RB113",
  "items type string -> integer (shared)",
  Y,
  sharedProp(strArray({}), { type: "array", items: int }),
);
reqSchemas("RB114", "property deprecated", N, reqProp(str, { type: "string", deprecated: true }));
reqSchemas(
  "RB115",
  "property x-stability-level decreased",
  N,
  reqProp({ type: "string", "x-stability-level": "stable" }, { type: "string", "x-stability-level": "beta" }),
  { basis: "policy-only" },
);
reqSchemas(
  "RB116",
  "title/description/example changed (shared)",
  N,
  sharedProp(
    { type: "string", title: "A", description: "a", example: "x" },
    { type: "string", title: "B", description: "b", example: "y" },
  ),
);
reqSchemas(
  "RB117",
  "unused component schema removed",
  N,
  edit(
    (d) => {
      delete schemas(d).Unused;
    },
    {
      common: (d) => {
        schemas(d).Unused = { type: "object", properties: { a: str } };
      },
    },
  ),
);
reqSchemas(
  "RB118",
  "component schema added",
  N,
  edit((d) => {
    schemas(d).Unused = { type: "object", properties: { a: str } };
  }),
);
