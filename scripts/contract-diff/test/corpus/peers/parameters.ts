// Catalogue section 3.3: request parameters.
import type { Doc } from "../../fixtures/cases.js";
import { N, type Pair, section, Y } from "../case.js";
import {
  deepFilter,
  edit,
  limitParam,
  listOp,
  listParam,
  parameter,
  qSchema,
  str,
  strArray,
} from "../template.js";

export const parameterPairs: Pair[] = [];
// ---- 3.3 Request parameters ----------------------------------------------------------------------
const params = section(parameterPairs, "catalogue §3.3 Request parameters");
params("Q01", "new required query param", Y, listParam(undefined, parameter("owner", "query", true, str)));
params(
  "Q02",
  "new required header param",
  Y,
  listParam(undefined, parameter("X-Tenant", "header", true, str)),
);
params(
  "Q03",
  "new required cookie param",
  Y,
  listParam(undefined, parameter("session", "cookie", true, str)),
);
params(
  "Q04",
  "new path param (template gains a variable)",
  Y,
  edit(
    (d) => {
      const it = d.paths["/pets/{petId}/photos"];
      delete d.paths["/pets/{petId}/photos"];
      it.parameters.push(parameter("size", "path", true, str));
      d.paths["/pets/{petId}/photos/{size}"] = it;
    },
    {
      common: (d) => {
        d.paths["/pets/{petId}/photos"] = {
          parameters: [parameter("petId", "path", true, str)],
          get: {
            operationId: "listPhotos",
            responses: {
              200: {
                description: "ok",
                content: { "application/json": { schema: { type: "array", items: str } } },
              },
            },
          },
        };
      },
    },
  ),
);
params("Q05a", "new optional query param", N, listParam(undefined, parameter("owner", "query", false, str)));
params(
  "Q05b",
  "new optional header param",
  N,
  listParam(undefined, parameter("X-Tenant", "header", false, str)),
);
params(
  "Q06",
  "new required param with a default",
  Y,
  listParam(undefined, parameter("sort", "query", true, { type: "string", default: "name" })),
  {
    basis: "README",
    note: "README: new required request property with a default -> breaking (same reasoning)",
  },
);
params(
  "Q07",
  "optional -> required",
  Y,
  edit((d) => {
    limitParam(d).required = true;
  }),
);
params(
  "Q08",
  "required -> optional",
  N,
  listParam(parameter("q", "query", true, str), parameter("q", "query", false, str)),
);
params(
  "Q09",
  "optional query param removed",
  Y,
  edit((d) => {
    listOp(d).parameters.splice(0, 1);
  }),
  { basis: "README" },
);
params(
  "Q10",
  "deprecated param removed",
  Y,
  edit(
    (d) => {
      listOp(d).parameters.splice(0, 1);
    },
    {
      common: (d) => {
        limitParam(d).deprecated = true;
      },
    },
  ),
  {
    basis: "README",
    note: "catalogue N is oasdiff's deprecation policy; README: deprecation is not a policy here, removal breaks",
  },
);
params(
  "Q11",
  "param removed before x-sunset",
  Y,
  edit(
    (d) => {
      listOp(d).parameters.splice(0, 1);
    },
    {
      common: (d) => {
        limitParam(d).deprecated = true;
        limitParam(d)["x-sunset"] = "2099-01-01";
      },
    },
  ),
);
params(
  "Q12",
  "query param renamed",
  Y,
  edit((d) => {
    limitParam(d).name = "pageSize";
  }),
);
params(
  "Q13",
  "query param name case changed",
  Y,
  listParam(parameter("userId", "query", false, str), parameter("userid", "query", false, str)),
);
params(
  "Q14",
  "header param name case changed",
  N,
  edit((d) => {
    listOp(d).parameters[1].name = "x-client-version";
  }),
);
params(
  "Q15",
  "in: query -> header",
  Y,
  listParam(parameter("q", "query", false, str), parameter("q", "header", false, str)),
);
params(
  "Q16",
  "parameters reordered",
  N,
  edit((d) => {
    listOp(d).parameters.reverse();
  }),
);
params(
  "Q17",
  "inline param -> $ref to identical component",
  N,
  edit((d) => {
    d.components.parameters = { Limit: structuredClone(limitParam(d)) };
    listOp(d).parameters[0] = { $ref: "#/components/parameters/Limit" };
  }),
);
params(
  "Q18",
  "param $ref swapped to another component",
  Y,
  edit(
    (d) => {
      listOp(d).parameters[0] = { $ref: "#/components/parameters/PageSize" };
    },
    {
      common: (d) => {
        d.components.parameters = {
          Limit: structuredClone(limitParam(d)),
          PageSize: { ...structuredClone(limitParam(d)), name: "page_size" },
        };
        listOp(d).parameters[0] = { $ref: "#/components/parameters/Limit" };
      },
    },
  ),
);
const arr = strArray({});
params(
  "Q19",
  "array query param style form -> pipeDelimited",
  Y,
  listParam(
    parameter("tags", "query", false, arr),
    parameter("tags", "query", false, arr, { style: "pipeDelimited" }),
  ),
);
params(
  "Q20",
  "array query param explode true -> false",
  Y,
  listParam(
    parameter("tags", "query", false, arr, { explode: true }),
    parameter("tags", "query", false, arr, { explode: false }),
  ),
);
params(
  "Q21",
  "default style/explode written out",
  N,
  listParam(
    parameter("tags", "query", false, arr),
    parameter("tags", "query", false, arr, { style: "form", explode: true }),
  ),
);
params(
  "Q22",
  "explode changed on a scalar param",
  N,
  listParam(parameter("q", "query", false, str), parameter("q", "query", false, str, { explode: false })),
);
params(
  "Q23",
  "explode changed on an untyped param",
  Y,
  listParam(parameter("q", "query", false, {}), parameter("q", "query", false, {}, { explode: false })),
);
params(
  "Q24",
  "path param style simple -> label",
  Y,
  edit((d) => {
    d.paths["/pets/{petId}"].parameters[0].style = "label";
  }),
);
params(
  "Q25",
  "allowReserved true -> false",
  Y,
  listParam(
    parameter("q", "query", false, str, { allowReserved: true }),
    parameter("q", "query", false, str, { allowReserved: false }),
  ),
);
params(
  "Q26",
  "allowReserved false -> true",
  N,
  listParam(
    parameter("q", "query", false, str),
    parameter("q", "query", false, str, { allowReserved: true }),
  ),
  { note: "catalogue consensus N (it widens)" },
);
params(
  "Q27",
  "allowEmptyValue true -> false",
  Y,
  listParam(
    parameter("q", "query", false, str, { allowEmptyValue: true }),
    parameter("q", "query", false, str),
  ),
);
params(
  "Q28",
  "allowEmptyValue false -> true",
  N,
  listParam(
    parameter("q", "query", false, str),
    parameter("q", "query", false, str, { allowEmptyValue: true }),
  ),
  { note: "catalogue consensus N (widens)" },
);
params("Q29", "param type string -> integer", Y, qSchema(str, { type: "integer" }));
params("Q30", "param type integer -> number", N, qSchema({ type: "integer" }, { type: "number" }));
params("Q31a", "param type number -> integer", Y, qSchema({ type: "number" }, { type: "integer" }));
params("Q31b", "param type string -> number", Y, qSchema(str, { type: "number" }));
params(
  "Q32",
  "param type [string] -> [string, integer]",
  N,
  qSchema({ type: ["string"] }, { type: ["string", "integer"] }),
);
params("Q33", "param type [string, null] -> string", Y, qSchema({ type: ["string", "null"] }, str));
params("Q34", "scalar query param -> array (form, explode)", N, qSchema(str, arr));
params("Q35", "array query param -> string", Y, qSchema(arr, str));
params(
  "Q36",
  "param format int32 -> int64",
  N,
  qSchema({ type: "integer", format: "int32" }, { type: "integer", format: "int64" }),
  { basis: "README" },
);
params("Q37", "param format uuid added", Y, qSchema(str, { type: "string", format: "uuid" }));
params("Q38", "param format removed", N, qSchema({ type: "string", format: "uuid" }, str));
params("Q39", "enum added to a free param", Y, qSchema(str, { type: "string", enum: ["a", "b"] }));
params(
  "Q40",
  "param enum value removed",
  Y,
  qSchema({ type: "string", enum: ["a", "b"] }, { type: "string", enum: ["a"] }),
);
params(
  "Q41",
  "param enum value added",
  N,
  qSchema({ type: "string", enum: ["a", "b"] }, { type: "string", enum: ["a", "b", "c"] }),
);
params("Q42", "enum removed from a param", N, qSchema({ type: "string", enum: ["a", "b"] }, str));
params(
  "Q43",
  "param const a -> enum [a]",
  N,
  qSchema({ type: "string", const: "a" }, { type: "string", enum: ["a"] }),
);
params(
  "Q44",
  "param const changed",
  Y,
  qSchema({ type: "string", const: "a" }, { type: "string", const: "b" }),
);
params(
  "Q45",
  "param x-extensible-enum value removed",
  Y,
  qSchema(
    { type: "string", "x-extensible-enum": ["a", "b"] },
    { type: "string", "x-extensible-enum": ["a"] },
  ),
);
params("Q46", "param pattern added", Y, qSchema(str, { type: "string", pattern: "^[a-z]+$" }));
params(
  "Q47",
  "param pattern ^[0-9a-f]+$ -> ^[0-9]+$",
  Y,
  qSchema({ type: "string", pattern: "^[0-9a-f]+$" }, { type: "string", pattern: "^[0-9]+$" }),
);
params(
  "Q48",
  "param pattern -> .*",
  N,
  qSchema({ type: "string", pattern: "^[0-9a-f]+$" }, { type: "string", pattern: ".*" }),
);
params("Q49", "param pattern removed", N, qSchema({ type: "string", pattern: "^[0-9a-f]+$" }, str));
params(
  "Q50",
  "param maxLength 10 -> 5",
  Y,
  qSchema({ type: "string", maxLength: 10 }, { type: "string", maxLength: 5 }),
);
params("Q51", "param maxLength set", Y, qSchema(str, { type: "string", maxLength: 10 }));
params(
  "Q52",
  "param maxLength increased",
  N,
  qSchema({ type: "string", maxLength: 10 }, { type: "string", maxLength: 20 }),
);
params(
  "Q53",
  "param minLength increased",
  Y,
  qSchema({ type: "string", minLength: 1 }, { type: "string", minLength: 3 }),
);
params(
  "Q54a",
  "param maximum decreased",
  Y,
  edit((d) => {
    limitParam(d).schema.maximum = 50;
  }),
);
params(
  "Q54b",
  "param minimum increased",
  Y,
  edit((d) => {
    limitParam(d).schema.minimum = 5;
  }),
);
params(
  "Q55a",
  "param maximum increased",
  N,
  edit((d) => {
    limitParam(d).schema.maximum = 500;
  }),
);
params(
  "Q55b",
  "param minimum decreased",
  N,
  edit((d) => {
    limitParam(d).schema.minimum = 0;
  }),
);
params("Q56a", "param minimum set", Y, qSchema({ type: "number" }, { type: "number", minimum: 0 }));
params(
  "Q56b",
  "param exclusiveMinimum set (3.1)",
  Y,
  qSchema({ type: "number" }, { type: "number", exclusiveMinimum: 0 }),
);
params(
  "Q57",
  "array param maxItems decreased",
  Y,
  qSchema({ ...arr, maxItems: 10 }, { ...arr, maxItems: 5 }),
);
params(
  "Q58a",
  "array param minItems increased",
  Y,
  qSchema({ ...arr, minItems: 1 }, { ...arr, minItems: 2 }),
);
params("Q58b", "array param minItems set", Y, qSchema(arr, { ...arr, minItems: 1 }));
params(
  "Q59",
  "path-level param maxItems decreased",
  Y,
  edit(
    (d) => {
      d.paths["/pets/{petId}"].parameters[1].schema.maxItems = 5;
    },
    {
      common: (d) => {
        d.paths["/pets/{petId}"].parameters.push(
          parameter("fields", "query", false, { ...arr, maxItems: 10 }),
        );
      },
    },
  ),
);
params(
  "Q60",
  "3.0 param nullable true -> false",
  Y,
  qSchema({ type: "string", nullable: true }, str, { v: "3.0" }),
);
params(
  "Q61",
  "default of an optional param changed",
  Y,
  edit(
    (d) => {
      limitParam(d).schema.default = 50;
    },
    {
      common: (d) => {
        limitParam(d).schema.default = 20;
      },
    },
  ),
  { basis: "README" },
);
params(
  "Q62",
  "default added to an optional param",
  N,
  edit((d) => {
    limitParam(d).schema.default = 20;
  }),
);
params(
  "Q63",
  "default removed from an optional param",
  Y,
  edit(
    (d) => {
      delete limitParam(d).schema.default;
    },
    {
      common: (d) => {
        limitParam(d).schema.default = 20;
      },
    },
  ),
  { basis: "README" },
);
params(
  "Q64",
  "default changed on a required param",
  N,
  edit(
    (d) => {
      limitParam(d).schema.default = 50;
    },
    {
      common: (d) => {
        limitParam(d).required = true;
        limitParam(d).schema.default = 20;
      },
    },
  ),
);
params(
  "Q65",
  "param marked deprecated",
  N,
  edit((d) => {
    limitParam(d).deprecated = true;
  }),
);
params(
  "Q66",
  "param deprecated without x-sunset",
  N,
  edit((d) => {
    limitParam(d).deprecated = true;
    limitParam(d).description = "Deprecated.";
  }),
  { basis: "policy-only" },
);
params(
  "Q67",
  "param description/example changed",
  N,
  edit((d) => {
    limitParam(d).description = "How many.";
    limitParam(d).example = 10;
  }),
);
const hdrObj = { type: "object", properties: { a: str, b: str } };
params(
  "Q68",
  "header object param: property became required",
  Y,
  listParam(
    parameter("X-Filter", "header", false, hdrObj),
    parameter("X-Filter", "header", false, { ...hdrObj, required: ["a"] }),
  ),
);
params(
  "Q69",
  "header object param: new required property",
  Y,
  listParam(
    parameter("X-Filter", "header", false, hdrObj),
    parameter("X-Filter", "header", false, {
      ...hdrObj,
      properties: { ...hdrObj.properties, c: str },
      required: ["c"],
    }),
  ),
);
params(
  "Q70",
  "deepObject param property enum value removed",
  Y,
  listParam(deepFilter(["dog", "cat"]), deepFilter(["dog"])),
);
const contentParam = (max: number): Doc => ({
  name: "where",
  in: "query",
  required: false,
  description: "Filter.",
  content: { "application/json": { schema: { type: "string", maxLength: max } } },
});
params("Q72a", "content param: media schema narrowed", Y, listParam(contentParam(10), contentParam(5)), {
  note: "row: judge the media-type schema",
});
params("Q72b", "content param: media schema widened", N, listParam(contentParam(10), contentParam(20)), {
  note: "row: judge the media-type schema",
});
