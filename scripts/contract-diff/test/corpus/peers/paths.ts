// Catalogue sections 3.1 (paths, operations, webhooks and callbacks) and 3.2 (servers).
import type { Doc } from "../../fixtures/cases.js";
import { N, type Pair, section, Y } from "../case.js";
import {
  createOp,
  deleteOp,
  type Edit,
  edit,
  getOp,
  listOp,
  ref,
  renamePetId,
  str,
  webhookOp,
  withWebhook,
} from "../template.js";

export const pathPairs: Pair[] = [];
const withCallback: Edit = (d) => {
  createOp(d).callbacks = {
    onAdopted: {
      "{$request.body#/callbackUrl}": {
        post: {
          requestBody: {
            required: true,
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  required: ["id"],
                  properties: { id: str, weight: { type: "number" } },
                },
              },
            },
          },
          responses: { 204: { description: "Ack." } },
        },
      },
    },
  };
};
const callbackOp = (d: Doc): Doc => createOp(d).callbacks.onAdopted["{$request.body#/callbackUrl}"].post;

// ---- 3.1 Paths, operations, lifecycle ------------------------------------------------------------
const paths = section(pathPairs, "catalogue §3.1 Paths, operations, lifecycle");
paths(
  "P01",
  "path removed",
  Y,
  edit((d) => delete d.paths["/pets/{petId}"]),
);
paths(
  "P02",
  "operation removed, path kept",
  Y,
  edit((d) => delete d.paths["/pets"].post),
);
paths(
  "P03",
  "deprecated op removed (no sunset)",
  Y,
  edit((d) => delete d.paths["/pets/{petId}"].delete, {
    common: (d) => {
      deleteOp(d).deprecated = true;
    },
  }),
  { basis: "README", note: "README: Deprecated operation removed -> breaking" },
);
paths(
  "P04",
  "deprecated op removed before x-sunset",
  Y,
  edit((d) => delete d.paths["/pets/{petId}"].delete, {
    common: (d) => {
      deleteOp(d).deprecated = true;
      deleteOp(d)["x-sunset"] = "2099-01-01";
    },
  }),
);
paths(
  "P05",
  "deprecated op removed after x-sunset",
  Y,
  edit((d) => delete d.paths["/pets/{petId}"].delete, {
    common: (d) => {
      deleteOp(d).deprecated = true;
      deleteOp(d)["x-sunset"] = "2020-01-01";
    },
  }),
  { basis: "README" },
);
paths(
  "P06",
  "deprecated op removed, x-sunset unparseable",
  Y,
  edit((d) => delete d.paths["/pets/{petId}"].delete, {
    common: (d) => {
      deleteOp(d).deprecated = true;
      deleteOp(d)["x-sunset"] = "soon";
    },
  }),
);
paths(
  "P07",
  "path with ops before sunset removed",
  Y,
  edit((d) => delete d.paths["/pets/{petId}"], {
    common: (d) => {
      getOp(d).deprecated = true;
      getOp(d)["x-sunset"] = "2099-01-01";
    },
  }),
);
paths(
  "P08",
  "new path added",
  N,
  edit((d) => {
    d.paths["/owners"] = {
      get: {
        operationId: "listOwners",
        summary: "Owners",
        responses: {
          200: {
            description: "ok",
            content: { "application/json": { schema: { type: "array", items: str } } },
          },
        },
      },
    };
  }),
);
paths(
  "P09",
  "new method on existing path",
  N,
  edit((d) => {
    d.paths["/pets/{petId}"].put = {
      operationId: "replacePet",
      requestBody: { required: true, content: { "application/json": { schema: ref("NewPet") } } },
      responses: { 200: { description: "ok", content: { "application/json": { schema: ref("Pet") } } } },
    };
  }),
);
paths("P10", "path variable renamed with its parameter", N, edit(renamePetId("id")));
paths(
  "P11",
  "template shape changed",
  Y,
  edit((d) => {
    d.paths["/pets/{petId}/detail"] = d.paths["/pets/{petId}"];
    delete d.paths["/pets/{petId}"];
  }),
);
paths(
  "P12",
  "trailing slash added",
  Y,
  edit((d) => {
    d.paths["/pets/"] = d.paths["/pets"];
    delete d.paths["/pets"];
  }),
);
paths(
  "P13",
  "path case changed",
  Y,
  edit((d) => {
    d.paths["/Pets"] = d.paths["/pets"];
    delete d.paths["/pets"];
  }),
);
paths(
  "P15",
  "method POST -> PUT",
  Y,
  edit((d) => {
    d.paths["/pets"].put = d.paths["/pets"].post;
    delete d.paths["/pets"].post;
  }),
);
paths(
  "P16",
  "operation deprecated",
  N,
  edit((d) => {
    listOp(d).deprecated = true;
  }),
);
paths(
  "P17",
  "deprecated flag removed",
  N,
  edit(
    (d) => {
      delete listOp(d).deprecated;
    },
    {
      common: (d) => {
        listOp(d).deprecated = true;
      },
    },
  ),
);
paths(
  "P18",
  "deprecated without x-sunset",
  N,
  edit((d) => {
    listOp(d).deprecated = true;
  }),
  { basis: "policy-only" },
);
paths(
  "P19",
  "deprecated with an early sunset",
  N,
  edit((d) => {
    listOp(d).deprecated = true;
    listOp(d)["x-sunset"] = "2000-01-02";
  }),
  { basis: "policy-only" },
);
paths(
  "P20",
  "x-sunset moved earlier",
  N,
  edit(
    (d) => {
      listOp(d)["x-sunset"] = "2030-01-01";
    },
    {
      common: (d) => {
        listOp(d).deprecated = true;
        listOp(d)["x-sunset"] = "2031-01-01";
      },
    },
  ),
  { basis: "policy-only" },
);
paths(
  "P21",
  "x-sunset deleted, deprecated kept",
  N,
  edit(
    (d) => {
      delete listOp(d)["x-sunset"];
    },
    {
      common: (d) => {
        listOp(d).deprecated = true;
        listOp(d)["x-sunset"] = "2031-01-01";
      },
    },
  ),
  { basis: "policy-only" },
);
paths(
  "P22",
  "x-stability-level stable -> beta",
  N,
  edit(
    (d) => {
      listOp(d)["x-stability-level"] = "beta";
    },
    {
      common: (d) => {
        listOp(d)["x-stability-level"] = "stable";
      },
    },
  ),
  { basis: "policy-only" },
);
paths(
  "P23",
  "x-stability-level beta -> stable",
  N,
  edit(
    (d) => {
      listOp(d)["x-stability-level"] = "stable";
    },
    {
      common: (d) => {
        listOp(d)["x-stability-level"] = "beta";
      },
    },
  ),
);
paths(
  "P25",
  "operationId changed",
  Y,
  edit((d) => {
    listOp(d).operationId = "getPets";
  }),
  { basis: "README" },
);
paths(
  "P26",
  "operationId added",
  N,
  edit(
    (d) => {
      listOp(d).operationId = "listPets";
    },
    {
      common: (d) => {
        delete listOp(d).operationId;
      },
    },
  ),
);
paths(
  "P27",
  "operationId removed",
  Y,
  edit((d) => {
    delete listOp(d).operationId;
  }),
  {
    basis: "README",
    note: "README policy: operation-id-changed major (SDK method name); removal drops the key",
  },
);
paths(
  "P28",
  "operation tag renamed",
  N,
  edit((d) => {
    listOp(d).tags = ["animals"];
    d.tags = [{ name: "animals" }];
  }),
);
paths(
  "P29",
  "summary/description edited",
  N,
  edit((d) => {
    listOp(d).summary = "List all pets";
    listOp(d).description = "Lists every pet.";
  }),
);
paths(
  "P30",
  "parameter moved from operation to path item",
  N,
  edit(
    (d) => {
      const p = getOp(d).parameters.pop();
      delete getOp(d).parameters;
      d.paths["/pets/{petId}"].parameters.push(p);
    },
    {
      common: (d) => {
        getOp(d).parameters = [
          { name: "fields", in: "query", required: false, description: "Fields.", schema: str },
        ];
        deleteOp(d).parameters = [
          { name: "fields", in: "query", required: false, description: "Fields.", schema: str },
        ];
      },
    },
  ),
);
paths(
  "P31",
  "required query param at path-item level",
  Y,
  edit((d) => {
    d.paths["/pets/{petId}"].parameters.push({ name: "tenant", in: "query", required: true, schema: str });
  }),
);
paths(
  "P32",
  "optional query param at path-item level",
  N,
  edit((d) => {
    d.paths["/pets/{petId}"].parameters.push({ name: "tenant", in: "query", required: false, schema: str });
  }),
);
paths(
  "P33",
  "webhook removed",
  Y,
  edit(
    (d) => {
      delete d.webhooks;
    },
    { common: withWebhook },
  ),
);
paths("P34", "webhook added", N, edit(withWebhook));
paths(
  "P35",
  "webhook key renamed",
  N,
  edit(
    (d) => {
      d.webhooks.adopted = d.webhooks.petAdopted;
      delete d.webhooks.petAdopted;
    },
    { common: withWebhook },
  ),
);
paths(
  "P36",
  "webhook payload property removed",
  Y,
  edit(
    (d) => {
      delete webhookOp(d).requestBody.content["application/json"].schema.properties.note;
    },
    { common: withWebhook },
  ),
);
paths(
  "P37",
  "webhook payload gains a required property",
  N,
  edit(
    (d) => {
      const sc = webhookOp(d).requestBody.content["application/json"].schema;
      sc.properties.adoptedAt = { type: "string", format: "date-time" };
      sc.required.push("adoptedAt");
    },
    { common: withWebhook },
  ),
);
paths(
  "P38",
  "webhook reply gains a required property",
  Y,
  edit(
    (d) => {
      const sc = webhookOp(d).responses[200].content["application/json"].schema;
      sc.required = ["ack"];
    },
    { common: withWebhook },
  ),
);
paths(
  "P39a",
  "callback removed",
  Y,
  edit(
    (d) => {
      delete createOp(d).callbacks;
    },
    { common: withCallback },
  ),
);
paths(
  "P39b",
  "callback URL expression changed",
  Y,
  edit(
    (d) => {
      const cb = createOp(d).callbacks.onAdopted;
      cb["{$request.body#/hookUrl}"] = cb["{$request.body#/callbackUrl}"];
      delete cb["{$request.body#/callbackUrl}"];
    },
    { common: withCallback },
  ),
);
paths(
  "P40a",
  "callback payload property narrowed number -> integer (judged as a response)",
  N,
  edit(
    (d) => {
      callbackOp(d).requestBody.content["application/json"].schema.properties.weight = { type: "integer" };
    },
    { common: withCallback },
  ),
  { note: "row says: judge as a response change; narrowing a response is fine" },
);
paths(
  "P40b",
  "callback payload property widened integer -> number",
  Y,
  edit(
    (d) => {
      callbackOp(d).requestBody.content["application/json"].schema.properties.weight = { type: "number" };
    },
    {
      common: (d) => {
        withCallback(d);
        callbackOp(d).requestBody.content["application/json"].schema.properties.weight = { type: "integer" };
      },
    },
  ),
  { basis: "README" },
);

// ---- 3.2 Servers ---------------------------------------------------------------------------------
const servers = section(pathPairs, "catalogue §3.2 Servers");
servers(
  "S01",
  "root server URL changed",
  Y,
  edit((d) => {
    d.servers[0].url = "https://api.example.org/v1";
  }),
  { basis: "README" },
);
servers(
  "S02",
  "one of two root servers removed",
  Y,
  edit(
    (d) => {
      d.servers.pop();
    },
    {
      common: (d) => {
        d.servers.push({ url: "https://sandbox.example.com/v1", description: "Sandbox" });
      },
    },
  ),
  { basis: "README" },
);
servers(
  "S03",
  "root servers removed entirely",
  Y,
  edit((d) => {
    delete d.servers;
  }),
);
servers(
  "S04a",
  "operation servers (same URL as root) removed",
  N,
  edit(
    (d) => {
      delete listOp(d).servers;
    },
    {
      common: (d) => {
        listOp(d).servers = [{ url: "https://api.example.com/v1" }];
      },
    },
  ),
);
servers(
  "S04b",
  "operation servers (own URL) removed, falls back to root",
  Y,
  edit(
    (d) => {
      delete listOp(d).servers;
    },
    {
      common: (d) => {
        listOp(d).servers = [{ url: "https://files.example.com/v1" }];
      },
    },
  ),
  {
    basis: "README",
    note: "catalogue N (Redocly: inherited); README 'Server URL removed or changed' -> breaking",
  },
);
servers(
  "S05",
  "server added",
  N,
  edit((d) => {
    d.servers.push({ url: "https://sandbox.example.com/v1" });
  }),
);
const varServer: Edit = (d) => {
  d.servers = [
    {
      url: "https://{region}.api.example.com/v1",
      variables: { region: { enum: ["eu", "us"], default: "eu" } },
    },
  ];
};
servers(
  "S06",
  "server variable enum value removed",
  Y,
  edit(
    (d) => {
      d.servers[0].variables.region.enum = ["eu"];
    },
    { common: varServer },
  ),
);
servers(
  "S07",
  "server variable default changed",
  Y,
  edit(
    (d) => {
      d.servers[0].variables.region.default = "us";
    },
    { common: varServer },
  ),
  { basis: "README" },
);
servers(
  "S08",
  "server description changed",
  N,
  edit((d) => {
    d.servers[0].description = "Prod";
  }),
);
