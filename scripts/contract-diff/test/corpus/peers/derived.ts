// Probes derived from catalogue section 5 (tricky semantics): equivalent rewrites, direction, robustness and size.
import type { Doc } from "../../fixtures/cases.js";
import { N, type Pair, section, Y } from "../case.js";
import {
  createOp,
  type Edit,
  edit,
  enumOf,
  int,
  listParam,
  moveMedia,
  pair,
  parameter,
  r201,
  ref,
  reqBodySchema,
  reqProp,
  respProp,
  type Sides,
  schemas,
  sharedProp,
  str,
  strWith,
  webhookOp,
  withWebhook,
} from "../template.js";

export const derivedPairs: Pair[] = [];
const derived = section(derivedPairs, "catalogue §5 Tricky semantics", "first principles");
derived(
  "X01",
  "Content-Type / Accept / Authorization header params added as required (ignored by OpenAPI)",
  N,
  listParam(undefined, parameter("Authorization", "header", true, str)),
);
derived(
  "X02",
  "response Content-Type header removed (ignored by OpenAPI)",
  N,
  edit(
    (d) => {
      delete r201(d).headers["Content-Type"];
    },
    {
      common: (d) => {
        r201(d).headers["Content-Type"] = { required: true, description: "Type.", schema: str };
      },
    },
  ),
);
derived(
  "X03",
  "integer exclusiveMinimum 0 <-> minimum 1",
  N,
  reqProp({ type: "integer", exclusiveMinimum: 0 }, { type: "integer", minimum: 1 }),
);
derived(
  "X04",
  "shared enum value removed (request side breaks)",
  Y,
  sharedProp(enumOf("a", "b"), enumOf("a")),
);
/** `Shared`, an enum of a and b, used by the request (NewPet.p) and the response (Pet.p). */
const sharedAB: Edit = (d) => {
  schemas(d).Shared = enumOf("a", "b");
  schemas(d).NewPet.properties.p = ref("Shared");
  schemas(d).Pet.properties.p = ref("Shared");
};
derived(
  "X05",
  "shared component copied for the request: response unchanged, request widened",
  N,
  pair({}, sharedAB, (d) => {
    schemas(d).SharedIn = enumOf("a", "b", "c");
    schemas(d).NewPet.properties.p = ref("SharedIn");
  }),
);
derived(
  "X06",
  "the same edit, response copy widened",
  Y,
  pair({}, sharedAB, (d) => {
    schemas(d).SharedOut = enumOf("a", "b", "c");
    schemas(d).Pet.properties.p = ref("SharedOut");
  }),
);
derived(
  "X07",
  "media type case changed (Application/JSON)",
  N,
  edit(moveMedia("application/json", "Application/JSON")),
);
derived(
  "X08",
  "2XX documented as 201 only (every other 2xx code loses its documented answer)",
  Y,
  edit(
    (d) => {
      const r = createOp(d).responses["2XX"];
      delete createOp(d).responses["2XX"];
      createOp(d).responses[201] = r;
    },
    {
      common: (d) => {
        createOp(d).responses["2XX"] = createOp(d).responses[201];
        delete createOp(d).responses[201];
      },
    },
  ),
  {
    note: "README policy: a documented success status removed is major; peers compare status keys literally (catalogue RS05)",
  },
);
derived(
  "X09",
  "webhook reply schema narrowed (integrator's answer, request-like)",
  Y,
  edit(
    (d) => {
      webhookOp(d).responses[200].content["application/json"].schema.properties.ack = {
        type: "boolean",
        const: true,
      };
    },
    { common: withWebhook },
  ),
);
derived(
  "X10",
  "3.1 $ref with sibling description only (annotation)",
  N,
  reqProp(ref("Kind"), { $ref: "#/components/schemas/Kind", description: "The kind." }),
);
derived(
  "X11",
  "3.1 $ref gains a sibling maxLength (applies in 3.1), request",
  Y,
  reqProp(
    ref("Code"),
    { $ref: "#/components/schemas/Code", maxLength: 3 },
    {
      extra: (d) => {
        schemas(d).Code = str;
      },
    },
  ),
);
derived(
  "X12",
  "3.0 $ref gains a sibling maxLength (ignored in 3.0), request",
  N,
  reqProp(
    ref("Code"),
    { $ref: "#/components/schemas/Code", maxLength: 3 },
    {
      v: "3.0",
      extra: (d) => {
        schemas(d).Code = str;
      },
    },
  ),
);
derived(
  "X13",
  "recursive schema: nested child type narrowed (request)",
  Y,
  pair(
    {},
    (d) => {
      schemas(d).Node = {
        type: "object",
        properties: { label: str, children: { type: "array", items: ref("Node") } },
      };
      schemas(d).NewPet.properties.tree = ref("Node");
    },
    (d) => {
      schemas(d).Node.properties.label = { type: "string", maxLength: 5 };
    },
  ),
);
derived(
  "X14",
  "enum with null: null removed (request)",
  Y,
  reqProp({ type: ["string", "null"], enum: ["a", null] }, { type: ["string", "null"], enum: ["a"] }),
);
// Single-branch wraps and other equivalent rewrites (README "How it works" 4: values, not keywords).
derived(
  "X15",
  "response property wrapped in a single-branch oneOf (A -> oneOf [A])",
  N,
  respProp(ref("Kind"), { oneOf: [ref("Kind")] }),
);
derived(
  "X16",
  "shared: type hoisted into the oneOf branches (equivalent)",
  N,
  sharedProp(
    { type: "string", oneOf: [{ enum: ["a"] }, { enum: ["b"] }] },
    {
      oneOf: [
        { type: "string", enum: ["a"] },
        { type: "string", enum: ["b"] },
      ],
    },
  ),
);
derived("X17", "request anyOf [A] unwrapped to A", N, reqProp({ anyOf: [ref("Kind")] }, ref("Kind")));
derived(
  "X18",
  "request closed object: additionalProperties: false -> unevaluatedProperties: false (no composition: equivalent)",
  N,
  reqBodySchema(
    { type: "object", required: ["name"], additionalProperties: false, properties: { name: str } },
    { type: "object", required: ["name"], unevaluatedProperties: false, properties: { name: str } },
  ),
);
derived(
  "X19",
  "response const: null -> type: null (equivalent)",
  N,
  respProp({ const: null }, { type: "null" }),
);
derived(
  "X20",
  "response enum -> oneOf of const branches (equivalent)",
  N,
  respProp(enumOf("a", "b"), { type: "string", oneOf: [{ const: "a" }, { const: "b" }] }),
);
derived(
  "X21",
  "request closed object split into allOf + unevaluatedProperties: false (equivalent)",
  N,
  reqBodySchema(
    { type: "object", required: ["name"], additionalProperties: false, properties: { name: str, tag: str } },
    {
      allOf: [{ type: "object", required: ["name"], properties: { name: str } }],
      type: "object",
      properties: { tag: str },
      unevaluatedProperties: false,
    },
  ),
);
// Robustness: recursion, boolean schemas, size.
derived(
  "XR1",
  "self-diff with a $ref cycle (A -> B -> A)",
  N,
  edit(() => {}, {
    common: (d) => {
      schemas(d).A = ref("B");
      schemas(d).B = ref("A");
      schemas(d).Pet.properties.x = ref("A");
    },
  }),
  { bump: "none" },
);
derived(
  "XR2",
  "recursive anyOf: a branch string -> integer (request)",
  Y,
  pair(
    {},
    (d) => {
      schemas(d).A = { anyOf: [ref("A"), str] };
      schemas(d).NewPet.properties.x = ref("A");
    },
    (d) => {
      schemas(d).A.anyOf[1] = int;
    },
  ),
);
derived("XR3", "request property true -> false (boolean schemas)", Y, reqProp(true, false));
derived(
  "XR4",
  "60-level nested request object: innermost maxLength set",
  Y,
  (() => {
    let deep: Doc = str;
    for (let i = 0; i < 60; i++) {
      deep = { type: "object", properties: { c: deep } };
    }
    const d2 = structuredClone(deep);
    let nn = d2;
    for (let i = 0; i < 60; i++) {
      nn = nn.properties.c;
    }
    nn.maxLength = 3;
    return reqProp(deep, d2);
  })(),
);
derived(
  "XR5",
  "response enum of 2000 values gains one",
  Y,
  respProp(
    enumOf(...Array.from({ length: 2000 }, (_, i) => `v${i}`)),
    enumOf(...Array.from({ length: 2000 }, (_, i) => `v${i}`), "x"),
  ),
);
// Large inputs: long bounded patterns (the automaton size guard) and many operations sharing a component.
derived(
  "XP1",
  "request e-mail pattern with bounded parts narrowed (255 -> 253)",
  Y,
  reqProp(
    strWith({ pattern: "^[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]{1,255}\\.[A-Za-z]{2,63}$" }),
    strWith({ pattern: "^[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]{1,253}\\.[A-Za-z]{2,63}$" }),
  ),
);
derived(
  "XP2",
  "request base64 pattern {0,1000} -> {0,999}",
  Y,
  reqProp(
    strWith({ pattern: "^[A-Za-z0-9+/]{0,1000}={0,2}$" }),
    strWith({ pattern: "^[A-Za-z0-9+/]{0,999}={0,2}$" }),
  ),
);
derived(
  "XP3",
  "response pattern ^[^<>]{0,5000}$ -> ^[^<>]{0,4000}$ (narrows; no lookaround, no backreference)",
  N,
  respProp(strWith({ pattern: "^[^<>]{0,5000}$" }), strWith({ pattern: "^[^<>]{0,4000}$" })),
  { note: "a 5000-state path: the longest-string search must not recurse once per character" },
);
const manyOps = (n: number): Sides =>
  pair(
    {},
    (d) => {
      for (let i = 0; i < n; i++) {
        d.paths[`/things${i}`] = {
          post: {
            operationId: `op${i}`,
            requestBody: { content: { "application/json": { schema: ref("Pet") } } },
            responses: {
              200: { description: "ok", content: { "application/json": { schema: ref("Pet") } } },
            },
          },
        };
      }
    },
    (d) => {
      schemas(d).Pet.properties.name.maxLength = 40;
    },
  );
derived("XP4", "300 operations share a component; request side narrowed", Y, manyOps(300));
derived("XP5", "1000 operations share a component; request side narrowed", Y, manyOps(1000));
derived(
  "X22",
  'query param: schema string -> content application/json with the same schema (value now JSON-encoded: q="abc")',
  Y,
  listParam(parameter("q", "query", false, str), {
    name: "q",
    in: "query",
    required: false,
    description: "Filter.",
    content: { "application/json": { schema: str } },
  }),
  { basis: "lean", note: "the wire form changes from q=abc to q=%22abc%22" },
);
derived(
  "X23",
  "response enum marked x-extensible-enum: true gains a value",
  N,
  respProp(
    { ...enumOf("a", "b"), "x-extensible-enum": true },
    { ...enumOf("a", "b", "c"), "x-extensible-enum": true },
  ),
  { note: "README Policy: an enum is open when the schema says x-extensible-enum: true" },
);
derived(
  "X24",
  "response media range */* -> application/json (specialization)",
  N,
  edit(moveMedia("*/*", "application/json"), { common: moveMedia("application/json", "*/*") }),
);
derived(
  "X25",
  "request media range application/* -> application/json (narrows)",
  Y,
  edit(
    moveMedia("application/*", "application/json", (d) => createOp(d).requestBody),
    { common: moveMedia("application/json", "application/*", (d) => createOp(d).requestBody) },
  ),
);
