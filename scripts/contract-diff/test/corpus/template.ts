// The small pet API the peers' pairs edit, and the slots their rows change: a property only
// requests carry, one only responses carry, a component both share, the whole request or response
// body, a query parameter, a response header. A pair is the template after a common setup (the
// base) and a copy of it after one edit (the head), so each row reads as the change it tests.
import type { Doc } from "../fixtures/cases.js";

export type Version = "3.0" | "3.1";
/** Edits a document in place. */
export type Edit = (doc: Doc) => void;

/** A base document and the head to compare it with. */
export interface Sides {
  base: Doc;
  head: Doc;
}

const problem = (): Doc => ({
  description: "Problem.",
  headers: { "X-Request-Id": { required: true, schema: { type: "string", minLength: 1 } } },
  content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } },
});

/**
 * The template.
 * - `NewPet` is request-only (the POST /pets body), `Pet` response-only (the 201 and the GETs),
 *   `Kind` shared (NewPet.kind and Pet.kind), `Problem` response-only.
 * - GET /pets has a query parameter `limit` and a header parameter; its 200 is an array of Pet
 *   with two response headers (X-Total-Count required, X-Next optional).
 * - POST /pets: an optional Idempotency-Key header, a required JSON body, a 201 with Location
 *   (required) and X-Rate-Limit (optional), and 400/422/default problems.
 */
export function template(version: Version = "3.1"): Doc {
  return {
    openapi: version === "3.0" ? "3.0.3" : "3.1.0",
    info: { title: "Pets API", version: "1.0.0", description: "Pets." },
    servers: [{ url: "https://api.example.com/v1", description: "Production" }],
    security: [{ bearerAuth: [] }],
    tags: [{ name: "pets", description: "Pets." }],
    paths: {
      "/pets": {
        get: {
          operationId: "listPets",
          tags: ["pets"],
          summary: "List pets",
          description: "Lists pets.",
          parameters: [
            {
              name: "limit",
              in: "query",
              required: false,
              description: "Page size.",
              schema: { type: "integer", minimum: 1, maximum: 100 },
            },
            {
              name: "X-Client-Version",
              in: "header",
              required: false,
              description: "Client version.",
              schema: { type: "string" },
            },
          ],
          responses: {
            200: {
              description: "Pets.",
              headers: {
                "X-Total-Count": { required: true, description: "Total.", schema: { type: "integer" } },
                "X-Next": { required: false, description: "Next page.", schema: { type: "string" } },
              },
              content: {
                "application/json": {
                  schema: { type: "array", items: { $ref: "#/components/schemas/Pet" } },
                },
              },
            },
            400: problem(),
          },
        },
        post: {
          operationId: "createPet",
          tags: ["pets"],
          summary: "Create a pet",
          description: "Creates a pet.",
          parameters: [
            {
              name: "Idempotency-Key",
              in: "header",
              required: false,
              description: "Retry key.",
              schema: { type: "string", format: "uuid" },
            },
          ],
          requestBody: {
            required: true,
            description: "The pet.",
            content: { "application/json": { schema: { $ref: "#/components/schemas/NewPet" } } },
          },
          responses: {
            201: {
              description: "Created.",
              headers: {
                Location: {
                  required: true,
                  description: "Where.",
                  schema: { type: "string", format: "uri-reference" },
                },
                "X-Rate-Limit": { required: false, description: "Quota.", schema: { type: "integer" } },
              },
              content: { "application/json": { schema: { $ref: "#/components/schemas/Pet" } } },
            },
            400: problem(),
            422: problem(),
            default: problem(),
          },
        },
      },
      "/pets/{petId}": {
        parameters: [
          { name: "petId", in: "path", required: true, description: "Pet id.", schema: { type: "string" } },
        ],
        get: {
          operationId: "getPet",
          tags: ["pets"],
          summary: "Get a pet",
          description: "Reads a pet.",
          responses: {
            200: {
              description: "The pet.",
              content: { "application/json": { schema: { $ref: "#/components/schemas/Pet" } } },
            },
            404: problem(),
          },
        },
        delete: {
          operationId: "deletePet",
          tags: ["pets"],
          summary: "Delete a pet",
          description: "Deletes a pet.",
          responses: { 204: { description: "Deleted." }, 404: problem() },
        },
      },
    },
    components: {
      securitySchemes: {
        bearerAuth: { type: "http", scheme: "bearer", bearerFormat: "JWT" },
        apiKey: { type: "apiKey", in: "header", name: "X-Api-Key" },
        oauth: {
          type: "oauth2",
          flows: {
            clientCredentials: {
              tokenUrl: "https://auth.example.com/token",
              scopes: { "pets:read": "Read pets.", "pets:write": "Write pets." },
            },
          },
        },
      },
      schemas: {
        NewPet: {
          type: "object",
          required: ["name"],
          properties: {
            name: { type: "string", minLength: 1, maxLength: 50 },
            tag: { type: "string" },
            kind: { $ref: "#/components/schemas/Kind" },
          },
        },
        Pet: {
          type: "object",
          required: ["id", "name"],
          properties: {
            id: { type: "string" },
            name: { type: "string", minLength: 1, maxLength: 50 },
            tag: { type: "string" },
            kind: { $ref: "#/components/schemas/Kind" },
          },
        },
        Kind: { type: "string", enum: ["dog", "cat"] },
        Problem: {
          type: "object",
          required: ["type", "title", "status"],
          properties: {
            type: { type: "string", format: "uri" },
            title: { type: "string" },
            status: { type: "integer", minimum: 400, maximum: 599 },
            detail: { type: "string" },
          },
        },
      },
    },
  };
}

// ---- Places in the template -------------------------------------------------------------------
export const schemas = (d: Doc): Doc => d.components.schemas;
export const listOp = (d: Doc): Doc => d.paths["/pets"].get;
export const createOp = (d: Doc): Doc => d.paths["/pets"].post;
export const getOp = (d: Doc): Doc => d.paths["/pets/{petId}"].get;
export const deleteOp = (d: Doc): Doc => d.paths["/pets/{petId}"].delete;
export const reqBody = (d: Doc): Doc => createOp(d).requestBody;
export const reqMedia = (d: Doc): Doc => reqBody(d).content["application/json"];
export const r201 = (d: Doc): Doc => createOp(d).responses["201"];
export const r200 = (d: Doc): Doc => getOp(d).responses["200"];
export const limitParam = (d: Doc): Doc => listOp(d).parameters[0];

/** The path parameter `petId` renamed, in the template and in its parameter. */
export const renamePetId =
  (name: string): Edit =>
  (d) => {
    const item = d.paths["/pets/{petId}"];
    delete d.paths["/pets/{petId}"];
    item.parameters[0].name = name;
    d.paths[`/pets/{${name}}`] = item;
  };

// ---- Schemas the rows use ---------------------------------------------------------------------
// Frozen: many pairs share them, so an edit that changed one in place would change them all.
export const str = Object.freeze({ type: "string" });
export const int = Object.freeze({ type: "integer" });
export const num = Object.freeze({ type: "number" });
export const ref = (name: string): Doc => ({ $ref: `#/components/schemas/${name}` });
export const strWith = (more: Doc): Doc => ({ type: "string", ...more });
export const numWith = (more: Doc): Doc => ({ type: "number", ...more });
/** An array of strings. */
export const strArray = (more: Doc): Doc => ({ type: "array", items: str, ...more });
/** A map of strings. */
export const strMap = (more: Doc): Doc => ({ type: "object", additionalProperties: str, ...more });
/** An object with two optional strings, `a` and `b`. */
export const objAB = (more: Doc): Doc => ({ type: "object", properties: { a: str, b: str }, ...more });
export const enumOf = (...values: unknown[]): Doc => ({ type: "string", enum: values });
/** Zalando's open enum, the form oasdiff reads. */
export const xEnumOf = (...values: unknown[]): Doc => ({ type: "string", "x-extensible-enum": values });
export const parameter = (
  name: string,
  where: string,
  required: boolean,
  schema: Doc,
  more: Doc = {},
): Doc => ({
  name,
  in: where,
  required,
  description: "A parameter.",
  schema,
  ...more,
});

// ---- Pairs --------------------------------------------------------------------------------------
export interface PairOptions {
  /** The base's OpenAPI version (and the head's, unless `headV` says otherwise). */
  v?: Version;
  /** A migration: the head is built from the template of this version instead of a copy. */
  headV?: Version;
  /** With `headV`: the setup of the head's template (by default the base's). */
  headCommon?: Edit;
}

/** The template after `common` as the base; a copy of it (or a fresh `headV` template) after `change`. */
export function pair(options: PairOptions, common: Edit = () => {}, change: Edit = () => {}): Sides {
  const base = template(options.v);
  common(base);
  let head: Doc;
  if (options.headV) {
    head = template(options.headV);
    (options.headCommon ?? common)(head);
  } else {
    head = structuredClone(base);
  }
  change(head);
  return { base, head };
}

/** One edit of the template, after an optional common setup. */
export const edit = (change: Edit, options: PairOptions & { common?: Edit } = {}): Sides =>
  pair(options, options.common, change);

export interface SlotOptions extends PairOptions {
  /** Setup both sides need besides the slot (a component the slot refers to). */
  extra?: Edit;
  /** The property is required in the base (and in the head unless `headRequired` says otherwise). */
  required?: boolean;
  headRequired?: boolean;
}

/** Sets or (with undefined) deletes `obj[key]`. */
function put(obj: Doc, key: string, value: unknown): void {
  if (value === undefined) {
    delete obj[key];
  } else {
    obj[key] = structuredClone(value);
  }
}

function setRequired(schema: Doc, name: string, on: boolean): void {
  const required = (schema.required ?? []).filter((n: string) => n !== name);
  if (on) {
    required.push(name);
  }
  if (required.length > 0) {
    schema.required = required;
  } else {
    delete schema.required;
  }
}

/** Property `p` of one component, `b` in the base and `h` in the head (undefined: absent). */
function propertySlot(component: "NewPet" | "Pet"): (b: unknown, h: unknown, o?: SlotOptions) => Sides {
  return (b, h, o = {}) =>
    pair(
      o,
      (d) => {
        put(schemas(d)[component].properties, "p", b);
        setRequired(schemas(d)[component], "p", !!o.required && b !== undefined);
        o.extra?.(d);
      },
      (d) => {
        put(schemas(d)[component].properties, "p", h);
        setRequired(schemas(d)[component], "p", !!(o.headRequired ?? o.required) && h !== undefined);
      },
    );
}

/** Property `p` of the request-only NewPet. */
export const reqProp = propertySlot("NewPet");
/** Property `p` of the response-only Pet. */
export const respProp = propertySlot("Pet");

/** Component `Shared`, used by NewPet.p (request) and Pet.p (response). */
export const sharedProp = (b: Doc, h: Doc, o: SlotOptions = {}): Sides =>
  pair(
    o,
    (d) => {
      schemas(d).Shared = structuredClone(b);
      schemas(d).NewPet.properties.p = ref("Shared");
      schemas(d).Pet.properties.p = ref("Shared");
      o.extra?.(d);
    },
    (d) => {
      schemas(d).Shared = structuredClone(h);
    },
  );

/** A whole (inline) body schema: `b` in the base, `h` in the head. */
const bodySlot =
  (media: (d: Doc) => Doc) =>
  (b: Doc, h: Doc, o: SlotOptions = {}): Sides =>
    pair(
      o,
      (d) => {
        media(d).schema = structuredClone(b);
        o.extra?.(d);
      },
      (d) => {
        media(d).schema = structuredClone(h);
      },
    );

/** The whole request body schema of POST /pets. */
export const reqBodySchema = bodySlot(reqMedia);
/** The whole 200 response body schema of GET /pets/{petId}. */
export const respBodySchema = bodySlot((d) => r200(d).content["application/json"]);

/** One more parameter of GET /pets (whole parameter objects; undefined: absent on that side). */
export const listParam = (b: Doc | undefined, h: Doc | undefined, o: SlotOptions = {}): Sides =>
  pair(
    o,
    (d) => {
      if (b) {
        listOp(d).parameters.push(structuredClone(b));
      }
      o.extra?.(d);
    },
    (d) => {
      const parameters = listOp(d).parameters;
      if (b) {
        parameters.pop();
      }
      if (h) {
        parameters.push(structuredClone(h));
      }
    },
  );

/** Query parameter `q` of GET /pets, with schema `b` in the base and `h` in the head. */
export const qSchema = (b: Doc, h: Doc, o: SlotOptions = {}): Sides => {
  const q = (schema: Doc): Doc => ({
    name: "q",
    in: "query",
    required: !!o.required,
    description: "Filter.",
    schema,
  });
  return listParam(q(b), q(h), o);
};

/** Response header `X-Rate-Limit` of the 201 (whole header objects; undefined: absent). */
export const respHeader = (b: Doc | undefined, h: Doc | undefined, o: SlotOptions = {}): Sides =>
  pair(
    o,
    (d) => {
      put(r201(d).headers, "X-Rate-Limit", b);
      o.extra?.(d);
    },
    (d) => {
      put(r201(d).headers, "X-Rate-Limit", h);
    },
  );

// ---- Setups several sections share ---------------------------------------------------------------
/** A webhook `petAdopted`: its payload is read by integrators, its reply by the API. */
export const withWebhook: Edit = (d) => {
  d.webhooks = {
    petAdopted: {
      post: {
        summary: "Pet adopted",
        requestBody: {
          required: true,
          content: {
            "application/json": {
              schema: {
                type: "object",
                required: ["id"],
                properties: { id: str, note: str, weight: { type: "integer" } },
              },
            },
          },
        },
        responses: {
          200: {
            description: "Ack.",
            content: {
              "application/json": { schema: { type: "object", properties: { ack: { type: "boolean" } } } },
            },
          },
        },
      },
    },
  };
};
export const webhookOp = (d: Doc): Doc => d.webhooks.petAdopted.post;

/** Pet as the request body too, so readOnly and writeOnly decide what each direction sees. */
export const sharedBody = (common: Edit | null, change: Edit): Sides =>
  pair(
    {},
    (d) => {
      reqMedia(d).schema = ref("Pet");
      common?.(d);
    },
    change,
  );

/** Components `Named`, `Tagged` (objects with one required string) and `PA`, `PB` (parts of an object). */
export const withParts: Edit = (d) => {
  schemas(d).Named = { type: "object", required: ["label"], properties: { label: str } };
  schemas(d).Tagged = { type: "object", required: ["tag"], properties: { tag: str } };
  schemas(d).PA = { type: "object", required: ["a"], properties: { a: str } };
  schemas(d).PB = { type: "object", required: ["b"], properties: { b: int } };
};

/** Components `Dog` and `Cat`, told apart by `petType`. */
export const withPets: Edit = (d) => {
  schemas(d).Dog = {
    type: "object",
    required: ["petType"],
    properties: { petType: str, bark: { type: "boolean" } },
  };
  schemas(d).Cat = {
    type: "object",
    required: ["petType"],
    properties: { petType: str, purr: { type: "boolean" } },
  };
};
/** `oneOf [Dog, Cat]` with a discriminator on `petType`. */
export const petUnion = (discriminator: Doc = {}): Doc => ({
  oneOf: [ref("Dog"), ref("Cat")],
  discriminator: { propertyName: "petType", ...discriminator },
});

/** An object whose property `a` is (or is not) required, under `allOf`, or beside an integer under `anyOf`/`oneOf`. */
export const aUnder = (kind: "allOf" | "anyOf" | "oneOf", required: boolean): Doc => ({
  [kind]: [
    { type: "object", ...(required ? { required: ["a"] } : {}), properties: { a: str } },
    ...(kind === "allOf" ? [] : [int]),
  ],
});

/** A deepObject query parameter `filter` whose `kind` lists these values. */
export const deepFilter = (values: string[]): Doc =>
  parameter(
    "filter",
    "query",
    false,
    { type: "object", properties: { kind: { type: "string", enum: values } } },
    { style: "deepObject", explode: true },
  );

/** Renames media type `from` to `to` in the content of `where` (the 200 of GET /pets/{petId} by default). */
export const moveMedia =
  (from: string, to: string, where: (d: Doc) => Doc = r200): Edit =>
  (d) => {
    where(d).content[to] = where(d).content[from];
    delete where(d).content[from];
  };

export const setScheme =
  (name: string, scheme: Doc): Edit =>
  (d) => {
    d.components.securitySchemes[name] = scheme;
  };

/** The security of GET /pets: `b` in the base, `h` in the head (null: not set, so the global one applies). */
export const opSecurity = (
  b: Doc[] | null,
  h: Doc[] | null,
  o: PairOptions & { extra?: Edit; headExtra?: Edit } = {},
): Sides => {
  const set = (d: Doc, security: Doc[] | null): void => {
    if (security === null) {
      delete listOp(d).security;
    } else {
      listOp(d).security = structuredClone(security);
    }
  };
  return pair(
    o,
    (d) => {
      set(d, b);
      o.extra?.(d);
    },
    (d) => {
      set(d, h);
      o.headExtra?.(d);
    },
  );
};
