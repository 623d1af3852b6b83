// Catalogue section 4: bugs the peers' users reported, with the answer the maintainers agreed on.
import type { Doc } from "../../fixtures/cases.js";
import { N, type Pair, section, Y } from "../case.js";
import {
  aUnder,
  createOp,
  deepFilter,
  deleteOp,
  type Edit,
  edit,
  enumOf,
  getOp,
  int,
  limitParam,
  listOp,
  listParam,
  moveMedia,
  num,
  numWith,
  opSecurity,
  pair,
  parameter,
  r200,
  r201,
  ref,
  renamePetId,
  reqBodySchema,
  reqProp,
  respBodySchema,
  respProp,
  schemas,
  setScheme,
  sharedBody,
  sharedProp,
  str,
  strArray,
  webhookOp,
  withParts,
  withPets,
  withWebhook,
  xEnumOf,
} from "../template.js";

export const knownBugPairs: Pair[] = [];
/** A PUT /pets/{petId} whose body is the object `Upd` (name, and what `more` adds). */
const withUpdate =
  (more: Doc): Edit =>
  (d) => {
    schemas(d).Upd = { type: "object", properties: { name: str }, ...more };
    d.paths["/pets/{petId}"].put = {
      operationId: "updatePet",
      requestBody: { required: true, content: { "application/json": { schema: ref("Upd") } } },
      responses: { 204: { description: "ok" } },
    };
  };
const addNick: Edit = (d) => {
  schemas(d).Upd.properties.nick = str;
};

// ---- 4. Known bugs (agreed right answer) ---------------------------------------------------------
const knownBugs = section(knownBugPairs, "catalogue §4 Known bugs");
knownBugs(
  "K01",
  "response property required -> optional",
  Y,
  respProp(str, str, { required: true, headRequired: false }),
  { source: "https://github.com/oasdiff/oasdiff/issues/103" },
);
knownBugs(
  "K02",
  "readOnly property added to required of a request-body schema",
  N,
  sharedBody(
    (d) => {
      schemas(d).Pet.properties.createdAt = { type: "string", readOnly: true };
    },
    (d) => {
      schemas(d).Pet.required.push("createdAt");
    },
  ),
  { source: "https://github.com/oasdiff/oasdiff/issues/126" },
);
knownBugs(
  "K03",
  "spec with /a and /a/ diffed against itself",
  N,
  edit(() => {}, {
    common: (d) => {
      d.paths["/pets/"] = structuredClone(d.paths["/pets"]);
      d.paths["/pets/"].get.operationId = "listPetsSlash";
      delete d.paths["/pets/"].post;
    },
  }),
  { source: "https://github.com/oasdiff/oasdiff/issues/158", bump: "none" },
);
knownBugs(
  "K04",
  "plain schema -> equivalent allOf (shared)",
  N,
  sharedProp(
    { type: "object", required: ["a", "b"], properties: { a: str, b: int } },
    { allOf: [ref("PA"), ref("PB")] },
    { extra: withParts },
  ),
  { source: "https://github.com/oasdiff/oasdiff/issues/169" },
);
knownBugs(
  "K05",
  "scope removed from a requirement (must be reported)",
  N,
  opSecurity([{ oauth: ["pets:read", "pets:write"] }], [{ oauth: ["pets:read"] }]),
  { source: "https://github.com/oasdiff/oasdiff/issues/175", bump: "minor" },
);
knownBugs(
  "K06",
  "response 400 replaced by 500",
  Y,
  edit((d) => {
    createOp(d).responses[500] = createOp(d).responses[400];
    delete createOp(d).responses[400];
  }),
  { basis: "README", source: "https://github.com/oasdiff/oasdiff/issues/194" },
);
knownBugs(
  "K07a",
  "enum value deleted from the request body",
  Y,
  reqBodySchema(enumOf("a", "b"), enumOf("a")),
  { source: "https://github.com/oasdiff/oasdiff/issues/205" },
);
knownBugs(
  "K07b",
  "enum value deleted from the response body",
  N,
  respBodySchema(enumOf("a", "b"), enumOf("a")),
  { source: "https://github.com/oasdiff/oasdiff/issues/205" },
);
knownBugs(
  "K08",
  "identical path param in base and revision",
  N,
  edit(() => {}),
  { source: "https://github.com/oasdiff/oasdiff/issues/215", bump: "none" },
);
knownBugs("K09", "request string restricted to an enum", Y, reqProp(str, enumOf("a", "b")), {
  source: "https://github.com/oasdiff/oasdiff/issues/224",
});
knownBugs(
  "K10",
  "component behind $ref changed type (request)",
  Y,
  edit(
    (d) => {
      schemas(d).Code = int;
    },
    {
      common: (d) => {
        schemas(d).Code = str;
        schemas(d).NewPet.properties.p = ref("Code");
      },
    },
  ),
  { source: "https://github.com/oasdiff/oasdiff/issues/276" },
);
knownBugs(
  "K11",
  "response array-item property type changed",
  Y,
  respProp(
    { type: "array", items: { type: "object", properties: { a: str } } },
    { type: "array", items: { type: "object", properties: { a: int } } },
  ),
  { source: "https://github.com/oasdiff/oasdiff/issues/280" },
);
knownBugs(
  "K12",
  "response property optional inside a oneOf branch",
  Y,
  respBodySchema(aUnder("oneOf", true), aUnder("oneOf", false)),
  { source: "https://github.com/oasdiff/oasdiff/issues/314" },
);
knownBugs(
  "K13",
  "parameter moved from operation to path level",
  N,
  edit(
    (d) => {
      const p = getOp(d).parameters.pop();
      delete getOp(d).parameters;
      d.paths["/pets/{petId}"].parameters.push(p);
      deleteOp(d).parameters = [];
    },
    {
      common: (d) => {
        getOp(d).parameters = [
          { name: "X-Trace", in: "header", required: false, description: "Trace.", schema: str },
        ];
        deleteOp(d).parameters = [
          { name: "X-Trace", in: "header", required: false, description: "Trace.", schema: str },
        ];
      },
    },
  ),
  { source: "https://github.com/oasdiff/oasdiff/issues/378" },
);
knownBugs(
  "K14",
  "header parameter name case changed",
  N,
  edit((d) => {
    listOp(d).parameters[1].name = "x-CLIENT-version";
  }),
  { source: "https://github.com/oasdiff/oasdiff/issues/469" },
);
knownBugs("K15", "new required response property", N, respProp(undefined, str, { headRequired: true }), {
  source: "https://github.com/oasdiff/oasdiff/issues/481",
});
knownBugs(
  "K16",
  "request: inline enum value added and a $ref enum branch added at once",
  N,
  reqProp(enumOf("a", "b"), { oneOf: [enumOf("a", "b", "c"), ref("Kind")] }),
  {
    basis: "first principles",
    note: "row wants each change once; request widening -> N",
    source: "https://github.com/oasdiff/oasdiff/issues/514",
  },
);
knownBugs(
  "K17",
  "new required request property with a default",
  Y,
  reqProp(undefined, { type: "boolean", default: false }, { headRequired: true }),
  { basis: "README", source: "https://github.com/oasdiff/oasdiff/issues/549" },
);
knownBugs(
  "K18",
  "response json -> json; charset=utf-8",
  N,
  edit(moveMedia("application/json", "application/json; charset=utf-8")),
  { source: "https://github.com/oasdiff/oasdiff/issues/593" },
);
knownBugs("K19", "response enum value removed", N, respProp(enumOf("a", "b"), enumOf("a")), {
  source: "https://github.com/oasdiff/oasdiff/issues/595",
});
knownBugs(
  "K20",
  "type changed inside additionalProperties (response)",
  Y,
  respProp({ type: "object", additionalProperties: str }, { type: "object", additionalProperties: int }),
  { source: "https://github.com/oasdiff/oasdiff/issues/601" },
);
knownBugs(
  "K21",
  "required from the child across allOf (request: child requires the parent's property)",
  Y,
  reqBodySchema(
    { allOf: [ref("Base")] },
    { allOf: [ref("Base")], required: ["a"] },
    {
      extra: (d) => {
        schemas(d).Base = { type: "object", properties: { a: str } };
      },
    },
  ),
  { source: "https://github.com/oasdiff/oasdiff/issues/607" },
);
knownBugs(
  "K22",
  "path-level (common) parameter narrowed",
  Y,
  edit((d) => {
    d.paths["/pets/{petId}"].parameters[0].schema.maxLength = 10;
  }),
  { source: "https://github.com/oasdiff/oasdiff/issues/608" },
);
knownBugs(
  "K23",
  "response oneOf gains a branch",
  Y,
  respProp(
    { oneOf: [ref("Dog"), ref("Cat")] },
    {
      oneOf: [
        ref("Dog"),
        ref("Cat"),
        { type: "object", required: ["petType", "chirp"], properties: { petType: str, chirp: str } },
      ],
    },
    { extra: withPets },
  ),
  { source: "https://github.com/oasdiff/oasdiff/issues/610" },
);
knownBugs(
  "K24",
  "response enum [NORMAL, CRITICAL] -> [NORMAL, BREAKING]",
  Y,
  respProp(enumOf("NORMAL", "CRITICAL"), enumOf("NORMAL", "BREAKING")),
  { source: "https://github.com/oasdiff/oasdiff/issues/639" },
);
knownBugs("K25", "new optional request field", N, reqProp(undefined, str), {
  source: "https://github.com/oasdiff/oasdiff/issues/640",
});
knownBugs(
  "K26",
  "response json -> problem+json",
  N,
  edit(moveMedia("application/json", "application/problem+json")),
  { basis: "README", source: "https://github.com/oasdiff/oasdiff/issues/686" },
);
knownBugs(
  "K27",
  "request body object -> oneOf of two overlapping objects",
  Y,
  reqBodySchema(ref("NewPet"), {
    oneOf: [
      ref("NewPet"),
      { type: "object", required: ["name", "breed"], properties: { name: str, breed: str } },
    ],
  }),
  { source: "https://github.com/oasdiff/oasdiff/issues/702" },
);
knownBugs(
  "K28",
  "numeric exclusiveMaximum decreased (3.1, request)",
  Y,
  reqProp(numWith({ exclusiveMaximum: 10 }), numWith({ exclusiveMaximum: 5 })),
  { source: "https://github.com/oasdiff/oasdiff/issues/714" },
);
knownBugs("K29", "response oneOf [integer, string] -> integer", N, respProp({ oneOf: [int, str] }, int), {
  source: "https://github.com/oasdiff/oasdiff/issues/723",
});
knownBugs(
  "K30",
  "deepObject query param enum value removed",
  Y,
  listParam(deepFilter(["dog", "cat"]), deepFilter(["cat"])),
  { source: "https://github.com/oasdiff/oasdiff/issues/861" },
);
knownBugs(
  "K31",
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
  { source: "https://github.com/oasdiff/oasdiff/pull/930" },
);
knownBugs("K32", "[string, null] -> no type (request)", N, reqProp({ type: ["string", "null"] }, {}), {
  source: "https://github.com/oasdiff/oasdiff/issues/1004",
});
knownBugs(
  "K33",
  "response property array -> object",
  Y,
  respProp(strArray({}), { type: "object", properties: { a: str } }),
  { source: "https://github.com/oasdiff/oasdiff/issues/1090" },
);
knownBugs(
  "K34",
  "request body root enum value removed",
  Y,
  reqBodySchema(enumOf("a", "b", "c"), enumOf("a", "b")),
  { source: "https://github.com/oasdiff/oasdiff/pull/1118" },
);
knownBugs(
  "K35",
  "webhook payload property widened (direction inverted)",
  Y,
  edit(
    (d) => {
      webhookOp(d).requestBody.content["application/json"].schema.properties.weight = num;
    },
    { common: withWebhook },
  ),
  { source: "https://github.com/oasdiff/oasdiff/issues/1160" },
);
knownBugs(
  "K36a",
  "apiKey name changed (global requirement)",
  Y,
  edit(
    (d) => {
      d.components.securitySchemes.apiKey.name = "X-Key";
    },
    {
      common: (d) => {
        d.security = [{ apiKey: [] }];
      },
    },
  ),
  { source: "https://github.com/oasdiff/oasdiff/issues/1175" },
);
knownBugs(
  "K36b",
  "openIdConnectUrl changed",
  Y,
  opSecurity([{ oidc: [] }], [{ oidc: [] }], {
    extra: setScheme("oidc", {
      type: "openIdConnect",
      openIdConnectUrl: "https://id.example.com/.well-known/openid-configuration",
    }),
    headExtra: setScheme("oidc", {
      type: "openIdConnect",
      openIdConnectUrl: "https://login.example.com/.well-known/openid-configuration",
    }),
  }),
  { source: "https://github.com/oasdiff/oasdiff/issues/1175" },
);
knownBugs(
  "K36c",
  "bearerFormat changed (INFO)",
  N,
  edit((d) => {
    d.components.securitySchemes.bearerAuth.bearerFormat = "opaque";
  }),
  { source: "https://github.com/oasdiff/oasdiff/issues/1175" },
);
knownBugs(
  "K37",
  "multipleOf/uniqueItems tightened on a readOnly property (shared body)",
  N,
  sharedBody(
    (d) => {
      schemas(d).Pet.properties.score = { type: "integer", readOnly: true, multipleOf: 5 };
      schemas(d).Pet.properties.tags = { type: "array", items: str, readOnly: true };
    },
    (d) => {
      schemas(d).Pet.properties.score.multipleOf = 10;
      schemas(d).Pet.properties.tags.uniqueItems = true;
    },
  ),
  { source: "https://github.com/oasdiff/oasdiff/issues/1189" },
);
knownBugs("K38", "path parameter renamed", N, edit(renamePetId("pet_id")), {
  source: "https://github.com/OpenAPITools/openapi-diff/issues/21",
});
knownBugs("K39", "optional response field removed", Y, respProp(str, undefined), {
  basis: "README",
  note: "catalogue: compatible; README policy property-removed major 'optional response properties too'",
  source: "https://github.com/OpenAPITools/openapi-diff/issues/198",
});
knownBugs(
  "K40",
  "response status added",
  N,
  edit((d) => {
    getOp(d).responses[410] = structuredClone(getOp(d).responses[404]);
  }),
  { source: "https://github.com/OpenAPITools/openapi-diff/issues/199" },
);
knownBugs("K41", "enum value appended to a response", Y, respProp(enumOf("a", "b"), enumOf("a", "b", "c")), {
  source: "https://github.com/OpenAPITools/openapi-diff/issues/303",
});
knownBugs(
  "K42",
  "security scheme removed (referenced)",
  Y,
  opSecurity([{ apiKey: [] }], [{ apiKey: [] }], {
    headExtra: (d) => {
      delete d.components.securitySchemes.apiKey;
    },
  }),
  { source: "https://github.com/OpenAPITools/openapi-diff/issues/330" },
);
knownBugs("K43", "3.1 property integer -> string (shared)", Y, sharedProp(int, str), {
  source: "https://github.com/OpenAPITools/openapi-diff/issues/375",
});
knownBugs(
  "K44a",
  "x-extensible-enum value added (response)",
  N,
  respProp(xEnumOf("a", "b"), xEnumOf("a", "b", "c")),
  {
    basis: "first principles",
    note: "RB64/RP54",
    source: "https://github.com/OpenAPITools/openapi-diff/issues/487",
  },
);
knownBugs("K44b", "x-extensible-enum value removed (request)", Y, reqProp(xEnumOf("a", "b"), xEnumOf("b")), {
  basis: "first principles",
  note: "RB63",
  source: "https://github.com/OpenAPITools/openapi-diff/issues/487",
});
knownBugs(
  "K45",
  "optional property added to a closed request (PUT)",
  N,
  edit(addNick, { common: withUpdate({ additionalProperties: false }) }),
  { source: "https://github.com/OpenAPITools/openapi-diff/issues/490" },
);
knownBugs("K46", "new property in a PUT request body", N, edit(addNick, { common: withUpdate({}) }), {
  source: "https://github.com/OpenAPITools/openapi-diff/issues/537",
});
knownBugs("K47", "request property removed (open object)", N, reqProp(str, undefined), {
  source: "https://github.com/OpenAPITools/openapi-diff/issues/599",
});
knownBugs("K48", "required response attribute removed", Y, respProp(str, undefined, { required: true }), {
  source: "https://github.com/OpenAPITools/openapi-diff/issues/611",
});
knownBugs(
  "K49",
  "self-diff, schema has an example",
  N,
  edit(() => {}, {
    common: (d) => {
      schemas(d).Pet.example = { id: "1", name: "Rex" };
    },
  }),
  { source: "https://github.com/OpenAPITools/openapi-diff/issues/814", bump: "none" },
);
knownBugs(
  "K50",
  "operationId changed",
  Y,
  edit((d) => {
    createOp(d).operationId = "addPet";
  }),
  { basis: "README", source: "https://github.com/OpenAPITools/openapi-diff/pull/880" },
);
knownBugs(
  "K51",
  "example removed",
  N,
  edit(
    (d) => {
      delete r200(d).content["application/json"].example;
    },
    {
      common: (d) => {
        r200(d).content["application/json"].example = { id: "1", name: "Rex" };
      },
    },
  ),
  { source: "https://github.com/pb33f/openapi-changes/issues/152" },
);
knownBugs(
  "K52",
  "openapi 3.0.0 -> 3.1.0",
  N,
  pair({ v: "3.0", headV: "3.1" }, (d) => {
    if (d.openapi.startsWith("3.0")) {
      d.openapi = "3.0.0";
    }
  }),
  { source: "https://github.com/pb33f/openapi-changes/issues/136" },
);
knownBugs(
  "K53",
  "self-diff, additionalProperties false under a $ref",
  N,
  edit(() => {}, {
    common: (d) => {
      schemas(d).Closed = { type: "object", additionalProperties: false, properties: { a: str } };
      schemas(d).Pet.properties.extra = ref("Closed");
    },
  }),
  { source: "https://github.com/pb33f/openapi-changes/issues/159", bump: "none" },
);
knownBugs(
  "K54",
  "self-diff, simple oneOf",
  N,
  edit(() => {}, {
    common: (d) => {
      schemas(d).Pet.properties.size = { oneOf: [int, str] };
    },
  }),
  { source: "https://github.com/pb33f/openapi-changes/issues/177", bump: "none" },
);
knownBugs(
  "K55",
  "$ref swapped for an identical inline schema",
  N,
  reqProp(ref("Kind"), { type: "string", enum: ["dog", "cat"] }),
  { source: "https://github.com/pb33f/libopenapi/issues/218" },
);
knownBugs(
  "K56",
  "optional query param added",
  N,
  listParam(undefined, parameter("owner", "query", false, str)),
  { source: "https://github.com/pb33f/libopenapi/issues/429" },
);
knownBugs(
  "K57",
  "self-diff, parameter via $ref",
  N,
  edit(() => {}, {
    common: (d) => {
      d.components.parameters = { Limit: structuredClone(limitParam(d)) };
      listOp(d).parameters[0] = { $ref: "#/components/parameters/Limit" };
    },
  }),
  { source: "https://github.com/udamir/api-smart-diff/issues/6", bump: "none" },
);
knownBugs(
  "K58",
  "3.0 -> 3.1 exclusiveMinimum form (request)",
  N,
  reqProp(numWith({ minimum: 0, exclusiveMinimum: true }), numWith({ exclusiveMinimum: 0 }), {
    v: "3.0",
    headV: "3.1",
  }),
  { source: "https://github.com/Netcracker/qubership-apihub/issues/200" },
);
knownBugs(
  "K59",
  "root-level security deleted",
  N,
  edit((d) => {
    delete d.security;
  }),
  { basis: "README", source: "https://github.com/Netcracker/qubership-apihub/issues/259" },
);
knownBugs(
  "K60",
  "duplicated path params /a/{id}/b/{id} plus a doc edit",
  N,
  edit(
    (d) => {
      d.paths["/owners/{id}/pets/{id}"].get.description = "Pets of an owner.";
    },
    {
      common: (d) => {
        d.paths["/owners/{id}/pets/{id}"] = {
          parameters: [parameter("id", "path", true, str)],
          get: { operationId: "ownerPet", description: "x", responses: { 200: { description: "ok" } } },
        };
      },
    },
  ),
  { source: "https://github.com/Netcracker/qubership-apihub/issues/357" },
);
knownBugs(
  "K61",
  "response property became optional",
  Y,
  respProp(str, str, { required: true, headRequired: false }),
  {
    note: "row: 'requires attention'; README required-properties-removed major",
    source: "https://github.com/Netcracker/qubership-apihub/issues/605",
  },
);
knownBugs(
  "K62",
  "defaults written explicitly (required: false on a request body, parameter)",
  N,
  edit(
    (d) => {
      deleteOp(d).requestBody.required = false;
      limitParam(d).required = false;
      limitParam(d).deprecated = false;
      limitParam(d).allowEmptyValue = false;
      r201(d).headers["X-Rate-Limit"].required = false;
    },
    {
      common: (d) => {
        deleteOp(d).requestBody = { content: { "application/json": { schema: { type: "object" } } } };
        delete limitParam(d).required;
        delete r201(d).headers["X-Rate-Limit"].required;
      },
    },
  ),
  { source: "https://github.com/Netcracker/qubership-apihub/issues/10" },
);
knownBugs(
  "K63",
  "readOnly property optional -> required (shared body)",
  N,
  sharedBody(
    (d) => {
      schemas(d).Pet.properties.createdAt = { type: "string", readOnly: true };
    },
    (d) => {
      schemas(d).Pet.required.push("createdAt");
    },
  ),
  { source: "https://github.com/Azure/azure-sdk-tools/issues/7184" },
);
