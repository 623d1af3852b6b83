// Catalogue sections 3.10 (document-level changes) and 3.11 (the 3.0 to 3.1 migration).
import { N, type Pair, section, Y } from "../case.js";
import {
  edit,
  limitParam,
  listOp,
  numWith,
  pair,
  r200,
  r201,
  ref,
  reqProp,
  respProp,
  schemas,
  sharedProp,
  str,
} from "../template.js";

export const documentPairs: Pair[] = [];
// ---- 3.10 Document-level -------------------------------------------------------------------------
const document = section(documentPairs, "catalogue §3.10 Document-level");
document(
  "D01",
  "info.version changed",
  N,
  edit((d) => {
    d.info.version = "1.1.0";
  }),
);
document("D02", "openapi 3.0.3 -> 3.1.0", N, pair({ v: "3.0", headV: "3.1" }));
document(
  "D03",
  "title, description, contact, license, externalDocs",
  N,
  edit((d) => {
    d.info.title = "Pet API";
    d.info.description = "All pets.";
    d.info.contact = { email: "a@example.com" };
    d.info.license = { name: "MIT", identifier: "MIT" };
    d.externalDocs = { url: "https://docs.example.com" };
  }),
);
document(
  "D04",
  "x-* extension changed",
  N,
  edit(
    (d) => {
      d["x-owner"] = "team-b";
      listOp(d)["x-internal"] = false;
    },
    {
      common: (d) => {
        d["x-owner"] = "team-a";
        listOp(d)["x-internal"] = true;
      },
    },
  ),
);
document(
  "D05",
  "top-level tags changed",
  N,
  edit((d) => {
    d.tags = [{ name: "pets", description: "All about pets." }, { name: "owners" }];
  }),
);
document(
  "D06",
  "examples changed or removed",
  N,
  edit(
    (d) => {
      r200(d).content["application/json"].example = { id: "2", name: "Tom" };
      delete schemas(d).Pet.properties.name.examples;
    },
    {
      common: (d) => {
        r200(d).content["application/json"].example = { id: "1", name: "Rex" };
        schemas(d).Pet.properties.name.examples = ["Rex"];
      },
    },
  ),
);
document(
  "D07",
  "link changed to use operationId",
  N,
  edit(
    (d) => {
      r201(d).links = { GetPet: { operationId: "getPet", parameters: { petId: "$response.body#/id" } } };
    },
    {
      common: (d) => {
        r201(d).links = {
          GetPet: {
            operationRef: "#/paths/~1pets~1{petId}/get",
            parameters: { petId: "$response.body#/id" },
          },
        };
      },
    },
  ),
);
document(
  "D09",
  "unused component added",
  N,
  edit((d) => {
    d.components.responses = { Gone: { description: "Gone." } };
  }),
);
document(
  "D10",
  "identical spec diffed with itself ($ref params)",
  N,
  edit(() => {}, {
    common: (d) => {
      d.components.parameters = { Limit: structuredClone(limitParam(d)) };
      listOp(d).parameters[0] = { $ref: "#/components/parameters/Limit" };
    },
  }),
  { bump: "none" },
);

// ---- 3.11 3.0 -> 3.1 migration -------------------------------------------------------------------
const migration = section(documentPairs, "catalogue §3.11 3.0 -> 3.1 migration");
migration(
  "M01a",
  "3.0 nullable -> 3.1 [T, null] (shared)",
  N,
  sharedProp({ type: "integer", nullable: true }, { type: ["integer", "null"] }, { v: "3.0", headV: "3.1" }),
);
migration(
  "M01b",
  "3.1 [T, null] -> 3.0 nullable (shared)",
  N,
  sharedProp({ type: ["integer", "null"] }, { type: "integer", nullable: true }, { v: "3.1", headV: "3.0" }),
);
migration(
  "M02a",
  "3.0 min/exclusiveMinimum true -> 3.1 exclusiveMinimum (shared)",
  N,
  sharedProp(
    numWith({ minimum: 5, exclusiveMinimum: true, maximum: 9, exclusiveMaximum: true }),
    numWith({ exclusiveMinimum: 5, exclusiveMaximum: 9 }),
    { v: "3.0", headV: "3.1" },
  ),
);
migration(
  "M02b",
  "3.1 exclusiveMinimum -> 3.0 form (shared)",
  N,
  sharedProp(numWith({ exclusiveMinimum: 5 }), numWith({ minimum: 5, exclusiveMinimum: true }), {
    v: "3.1",
    headV: "3.0",
  }),
);
migration(
  "M03",
  "3.0 minimum m -> 3.1 exclusiveMinimum m (request)",
  Y,
  reqProp(numWith({ minimum: 5 }), numWith({ exclusiveMinimum: 5 }), { v: "3.0", headV: "3.1" }),
);
migration(
  "M04",
  "schema example -> examples (shared)",
  N,
  sharedProp(
    { type: "string", example: "x" },
    { type: "string", examples: ["x"] },
    { v: "3.0", headV: "3.1" },
  ),
);
migration("M05", "type string -> [string] (shared)", N, sharedProp(str, { type: ["string"] }));
migration(
  "M06",
  "3.0 nullable beside $ref -> 3.1 oneOf [null, $ref] (shared)",
  N,
  pair(
    { v: "3.0", headV: "3.1" },
    (d) => {
      schemas(d).NewPet.properties.kind = { $ref: "#/components/schemas/Kind", nullable: true };
      schemas(d).Pet.properties.kind = { $ref: "#/components/schemas/Kind", nullable: true };
    },
    (d) => {
      schemas(d).NewPet.properties.kind = { oneOf: [{ type: "null" }, ref("Kind")] };
      schemas(d).Pet.properties.kind = { oneOf: [{ type: "null" }, ref("Kind")] };
    },
  ),
  { note: "the 3.0 'nullable next to $ref' hack; the catalogue calls the pure wrap equivalent" },
);
migration(
  "M07",
  "enum [x] <-> const x (shared)",
  N,
  sharedProp({ type: "string", enum: ["x"] }, { type: "string", const: "x" }),
);
migration(
  "M08",
  "3.0 nullable with no type -> 3.1 untyped (shared)",
  N,
  sharedProp(
    { nullable: true, description: "Anything." },
    { description: "Anything." },
    { v: "3.0", headV: "3.1" },
  ),
);
// Catalogue 5.7: in 3.0, `nullable: true` beside an `enum` without null does not admit null.
migration(
  "M09",
  "3.0 nullable enum without null -> 3.1 [T, null] with the same enum (shared)",
  N,
  sharedProp(
    { type: "string", nullable: true, enum: ["dog", "cat"] },
    { type: ["string", "null"], enum: ["dog", "cat"] },
    { v: "3.0", headV: "3.1" },
  ),
  {
    basis: "first principles",
    note: "catalogue 5.7: 3.0.3 clarification, null is only allowed if listed in the enum",
  },
);
migration(
  "M10",
  "3.0 nullable enum: null listed explicitly (request), no other change",
  N,
  reqProp(
    { type: "string", nullable: true, enum: ["dog", "cat"] },
    { type: "string", nullable: true, enum: ["dog", "cat", null] },
    { v: "3.0" },
  ),
  {
    basis: "first principles",
    note: "catalogue 5.7: adding null to the enum widens; request side -> not breaking",
  },
);
migration(
  "M11",
  "3.0 nullable enum: null listed explicitly (response)",
  Y,
  respProp(
    { type: "string", nullable: true, enum: ["dog", "cat"] },
    { type: "string", nullable: true, enum: ["dog", "cat", null] },
    { v: "3.0" },
  ),
  { basis: "first principles", note: "catalogue 5.7: adding null to the enum of a response widens it" },
);
