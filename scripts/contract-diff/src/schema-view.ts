// What values a schema accepts, in one flat shape for both OpenAPI versions. A schema reaches the
// comparison as a list of nodes that must all hold (the node, its `$ref` target, its `allOf`
// members...); this module merges them into one view, so that moving a constraint into an
// `allOf` member, behind a `$ref`, or from 3.0's `nullable` to a 3.1 type array changes nothing.
import { child, isNode, type Node, sameJson } from "./pointer.js";
import { type At, deref, type Spec } from "./spec.js";

/** A schema node that has not been read yet: views are built lazily, one level at a time. */
export interface SchemaRef {
  spec: Spec;
  node: unknown;
  ptr: string;
  /** A node made up by the comparison (an empty side, a schema without its list): never cached. */
  synthetic?: true;
}

export interface Located<T> {
  value: T;
  ptr: string;
}

export interface Bound {
  value: number;
  exclusive: boolean;
  ptr: string;
}

/** `any`: no constraint; `none`: nothing allowed (`false`); otherwise schemas that must all hold. */
export type Open = { kind: "any" } | { kind: "none"; ptr: string } | { kind: "schemas"; refs: SchemaRef[] };

export interface SchemaView {
  spec: Spec;
  /** Pointer of the outermost node (where a change of the schema as a whole is reported). */
  ptr: string;
  /** The nodes merged into this view, outermost first. */
  nodes: At<Node>[];
  /** `false`, or constraints that contradict each other: no value at all. */
  never: Located<boolean> | undefined;
  types: Located<Set<string>> | undefined;
  /** The types as written, before the listed values narrowed them. */
  declaredTypes: Set<string> | undefined;
  enum: Located<unknown[]> | undefined;
  minimum: Bound | undefined;
  maximum: Bound | undefined;
  multipleOf: Located<number>[];
  minLength: Located<number> | undefined;
  maxLength: Located<number> | undefined;
  patterns: Located<string>[];
  formats: Located<string>[];
  /** Keywords compared by equality only (contentMediaType, contentEncoding). */
  exact: Map<string, Located<unknown>>;
  items: Open;
  prefixItems: SchemaRef[][];
  minItems: Located<number> | undefined;
  maxItems: Located<number> | undefined;
  uniqueItems: Located<boolean> | undefined;
  contains: SchemaRef[];
  minContains: Located<number> | undefined;
  maxContains: Located<number> | undefined;
  properties: Map<string, SchemaRef[]>;
  required: Map<string, string>;
  additionalProperties: Open;
  unevaluatedProperties: Open;
  patternProperties: Map<string, SchemaRef[]>;
  propertyNames: SchemaRef[];
  minProperties: Located<number> | undefined;
  maxProperties: Located<number> | undefined;
  dependentRequired: Map<string, Located<string[]>>;
  dependentSchemas: Map<string, SchemaRef[]>;
  /** Each list is one `anyOf`/`oneOf` (a value must match a branch of every list). */
  anyOf: Located<SchemaRef[]>[];
  oneOf: Located<SchemaRef[]>[];
  not: SchemaRef[];
  /** `if` with its `then` and `else` (named apart from the keywords: a `then` key makes a thenable). */
  conditionals: { if: SchemaRef; whenTrue?: SchemaRef; whenFalse?: SchemaRef; ptr: string }[];
  discriminator: Located<{ propertyName: unknown; mapping: Record<string, string> }> | undefined;
  /**
   * 3.0 `nullable: true`: null joins the types. Like OpenAPI 3.0.3 says, an `enum` beside it still
   * has to list null for null to be valid.
   */
  nullable: boolean;
  /** A 3.1 `anyOf`/`oneOf` of one schema and `{type: "null"}`: null is valid whatever the schema says. */
  orNull: boolean;
  /** `contentSchema`: the schema of the decoded content of a string (with contentMediaType). */
  contentSchema: SchemaRef[];
  readOnly: boolean;
  writeOnly: boolean;
  deprecated: boolean;
  default: Located<unknown> | undefined;
  /** Marked as open (`x-extensible-enum: true`, or listed in the policy): new values may appear. */
  extensible: boolean;
  /** `x-extensible-enum: [values]`: the values clients may send and must expect, more may come. */
  knownValues: Located<unknown[]> | undefined;
  /** Annotations (description, examples, `x-`...): a change is documentation only. */
  annotations: Map<string, Located<unknown>[]>;
  /** Keywords this tool does not model: a change needs a release but is not judged. */
  unknown: Map<string, Located<unknown>[]>;
}

const ANNOTATIONS = new Set([
  "title",
  "description",
  "example",
  "examples",
  "externalDocs",
  "$comment",
  "xml",
  "$id",
  "$schema",
  "$anchor",
  "$defs",
  "definitions",
  "$dynamicAnchor",
]);

/** Keywords read into the view (everything else is an annotation or unknown). */
const MODELLED = new Set([
  "$ref",
  "type",
  "nullable",
  "enum",
  "const",
  "minimum",
  "maximum",
  "exclusiveMinimum",
  "exclusiveMaximum",
  "multipleOf",
  "minLength",
  "maxLength",
  "pattern",
  "format",
  "contentMediaType",
  "contentEncoding",
  "items",
  "additionalItems",
  "prefixItems",
  "minItems",
  "maxItems",
  "uniqueItems",
  "contains",
  "minContains",
  "maxContains",
  "properties",
  "required",
  "additionalProperties",
  "unevaluatedProperties",
  "unevaluatedItems",
  "patternProperties",
  "propertyNames",
  "minProperties",
  "maxProperties",
  "dependentRequired",
  "dependentSchemas",
  "dependencies",
  "allOf",
  "anyOf",
  "oneOf",
  "not",
  "if",
  "then",
  "else",
  "discriminator",
  "readOnly",
  "writeOnly",
  "deprecated",
  "default",
  "x-extensible-enum",
  "contentSchema",
]);

export interface ViewOptions {
  /** Component schema names the policy declares open (new enum values are not breaking). */
  extensibleEnums: readonly string[];
}

function emptyView(spec: Spec, ptr: string): SchemaView {
  return {
    spec,
    ptr,
    nodes: [],
    never: undefined,
    types: undefined,
    declaredTypes: undefined,
    enum: undefined,
    minimum: undefined,
    maximum: undefined,
    multipleOf: [],
    minLength: undefined,
    maxLength: undefined,
    patterns: [],
    formats: [],
    exact: new Map(),
    items: { kind: "any" },
    prefixItems: [],
    minItems: undefined,
    maxItems: undefined,
    uniqueItems: undefined,
    contains: [],
    minContains: undefined,
    maxContains: undefined,
    properties: new Map(),
    required: new Map(),
    additionalProperties: { kind: "any" },
    unevaluatedProperties: { kind: "any" },
    patternProperties: new Map(),
    propertyNames: [],
    minProperties: undefined,
    maxProperties: undefined,
    dependentRequired: new Map(),
    dependentSchemas: new Map(),
    anyOf: [],
    oneOf: [],
    not: [],
    conditionals: [],
    discriminator: undefined,
    nullable: false,
    orNull: false,
    contentSchema: [],
    readOnly: false,
    writeOnly: false,
    deprecated: false,
    default: undefined,
    extensible: false,
    knownValues: undefined,
    annotations: new Map(),
    unknown: new Map(),
  };
}

/** Merges every node of `refs` (all must hold) into one view; views of document nodes are cached. */
export function viewOf(refs: readonly SchemaRef[], options: ViewOptions): SchemaView {
  const first = refs[0];
  const cacheable = first !== undefined && refs.every((r) => !r.synthetic && r.spec === first.spec);
  const key = cacheable ? refs.map((r) => r.ptr).join("|") : "";
  const cached = cacheable ? first.spec.views.get(key) : undefined;
  if (cached) {
    return cached as SchemaView;
  }
  const view = build(refs, options);
  if (cacheable) {
    first.spec.views.set(key, view);
  }
  return view;
}

function build(refs: readonly SchemaRef[], options: ViewOptions): SchemaView {
  const first = refs[0];
  const view = emptyView(first?.spec ?? ({} as Spec), first?.ptr ?? "#");
  const seen = new Set<string>();
  for (const ref of refs) {
    addNode(view, ref, seen, options);
  }
  finish(view);
  return view;
}

function addNode(view: SchemaView, ref: SchemaRef, seen: Set<string>, options: ViewOptions): void {
  const { spec } = ref;
  if (ref.node === false) {
    view.never = { value: true, ptr: ref.ptr };
    return;
  }
  if (!isNode(ref.node)) {
    return;
  }
  let node = ref.node;
  let ptr = ref.ptr;
  if (typeof node.$ref === "string") {
    const target = deref(spec, { $ref: node.$ref }, ptr);
    // In 3.0 the keywords beside a $ref are ignored; in 3.1 they apply together with the target.
    const siblings = Object.keys(node).filter((k) => k !== "$ref");
    if (spec.version === "3.1" && siblings.some((k) => MODELLED.has(k))) {
      const rest = Object.fromEntries(siblings.map((k) => [k, node[k]]));
      addNode(view, { spec, node: rest, ptr }, seen, options);
    } else {
      for (const key of siblings) {
        if (ANNOTATIONS.has(key)) {
          note(view.annotations, key, node[key], child(ptr, key));
        }
      }
      // 3.0 ignores keywords beside a $ref, but `nullable: true` there is how 3.0 documents say
      // "this component or null" (3.0 has no other way short of allOf): honoured as meant.
      if (spec.version === "3.0" && node.nullable === true) {
        view.orNull = true;
      }
    }
    if (!target) {
      return;
    }
    const name = /^#\/components\/schemas\/([^/]+)$/.exec(target.ptr)?.[1];
    if (name !== undefined && options.extensibleEnums.includes(name)) {
      view.extensible = true;
    }
    node = target.node;
    ptr = target.ptr;
  }
  if (seen.has(ptr)) {
    return;
  }
  seen.add(ptr);
  view.nodes.push({ node, ptr });
  read(view, node, ptr, spec, (member) => addNode(view, member, seen, options), options);
  const allOf = node.allOf;
  if (Array.isArray(allOf)) {
    allOf.forEach((member, i) => {
      addNode(view, { spec, node: member, ptr: child(ptr, "allOf", i) }, seen, options);
    });
  }
}

function read(
  view: SchemaView,
  node: Node,
  ptr: string,
  spec: Spec,
  merge: (ref: SchemaRef) => void,
  options: ViewOptions,
): void {
  const at = (key: string): string => child(ptr, key);
  const ref = (key: string, value: unknown = node[key], p = at(key)): SchemaRef => ({
    spec,
    node: value,
    ptr: p,
  });
  const v30 = spec.version === "3.0";

  if (node.type !== undefined) {
    const listed = Array.isArray(node.type) ? node.type : [node.type];
    const types = new Set(listed.filter((t): t is string => typeof t === "string"));
    view.types = { value: view.types ? intersectTypes(view.types.value, types) : types, ptr: at("type") };
  }
  if (v30 && node.nullable === true) {
    view.nullable = true;
  }
  // `const` is an enum of one value; both keywords, like allOf members, must all hold.
  for (const key of ["enum", "const"] as const) {
    const values =
      key === "enum"
        ? Array.isArray(node.enum)
          ? node.enum
          : undefined
        : "const" in node
          ? [node.const]
          : undefined;
    if (values) {
      view.enum = intersectEnum(view.enum, values, at(key));
    }
  }
  const open = node["x-extensible-enum"];
  if (open === true) {
    view.extensible = true;
  } else if (Array.isArray(open)) {
    // Zalando's convention (what oasdiff reads): the known values of an open enum, in place of `enum`.
    view.extensible = true;
    view.knownValues = { value: [...open], ptr: at("x-extensible-enum") };
  }

  readBounds(view, node, ptr, v30);
  for (const key of ["minLength", "minItems", "minContains", "minProperties"] as const) {
    tighten(view, key, node[key], at(key), Math.max);
  }
  for (const key of ["maxLength", "maxItems", "maxContains", "maxProperties"] as const) {
    tighten(view, key, node[key], at(key), Math.min);
  }
  if (typeof node.multipleOf === "number") {
    view.multipleOf.push({ value: node.multipleOf, ptr: at("multipleOf") });
  }
  if (typeof node.pattern === "string") {
    view.patterns.push({ value: node.pattern, ptr: at("pattern") });
  }
  if (typeof node.format === "string") {
    view.formats.push({ value: node.format, ptr: at("format") });
  }
  for (const key of ["contentMediaType", "contentEncoding"]) {
    if (node[key] !== undefined) {
      view.exact.set(key, { value: node[key], ptr: at(key) });
    }
  }
  if (node.uniqueItems === true) {
    view.uniqueItems = { value: true, ptr: at("uniqueItems") };
  }

  // Arrays: 3.1 `prefixItems` + `items`; the older array form of `items` + `additionalItems`.
  if (Array.isArray(node.items)) {
    node.items.forEach((item, i) => {
      addTo(view.prefixItems, i, ref("items", item, child(ptr, "items", i)));
    });
    if (node.additionalItems !== undefined) {
      view.items = conjoin(view.items, node.additionalItems, at("additionalItems"), spec);
    }
  } else if (node.items !== undefined) {
    view.items = conjoin(view.items, node.items, at("items"), spec);
  }
  if (Array.isArray(node.prefixItems)) {
    node.prefixItems.forEach((item, i) => {
      addTo(view.prefixItems, i, ref("prefixItems", item, child(ptr, "prefixItems", i)));
    });
  }
  if (node.contains !== undefined) {
    view.contains.push(ref("contains"));
  }

  for (const [name, value] of Object.entries(isNode(node.properties) ? node.properties : {})) {
    addTo(view.properties, name, { spec, node: value, ptr: child(ptr, "properties", name) });
  }
  if (Array.isArray(node.required)) {
    node.required.forEach((name, i) => {
      if (typeof name === "string" && !view.required.has(name)) {
        view.required.set(name, child(ptr, "required", i));
      }
    });
  }
  if (node.additionalProperties !== undefined) {
    view.additionalProperties = conjoin(
      view.additionalProperties,
      node.additionalProperties,
      at("additionalProperties"),
      spec,
    );
  }
  if (node.unevaluatedProperties !== undefined) {
    view.unevaluatedProperties = conjoin(
      view.unevaluatedProperties,
      node.unevaluatedProperties,
      at("unevaluatedProperties"),
      spec,
    );
  }
  for (const [pattern, value] of Object.entries(
    isNode(node.patternProperties) ? node.patternProperties : {},
  )) {
    addTo(view.patternProperties, pattern, {
      spec,
      node: value,
      ptr: child(ptr, "patternProperties", pattern),
    });
  }
  if (node.propertyNames !== undefined) {
    view.propertyNames.push(ref("propertyNames"));
  }
  // `dependencies` (draft 7, what 3.0-era tools write) splits into the two 2020-12 keywords.
  const dependencies = { ...(isNode(node.dependencies) ? node.dependencies : {}) };
  for (const [key, source] of [
    ["dependentRequired", node.dependentRequired],
    ["dependentSchemas", node.dependentSchemas],
    ["dependencies", dependencies],
  ] as const) {
    for (const [name, value] of Object.entries(isNode(source) ? source : {})) {
      const p = child(ptr, key, name);
      if (Array.isArray(value)) {
        const names = value.filter((n): n is string => typeof n === "string");
        const had = view.dependentRequired.get(name)?.value ?? [];
        view.dependentRequired.set(name, { value: [...new Set([...had, ...names])], ptr: p });
      } else if (key !== "dependentRequired") {
        addTo(view.dependentSchemas, name, { spec, node: value, ptr: p });
      }
    }
  }

  for (const key of ["anyOf", "oneOf"] as const) {
    const list = node[key];
    const nonNull = Array.isArray(list) ? list.filter((branch) => !isNullSchema(branch)) : [];
    const other = nonNull[0];
    if (Array.isArray(list) && list.length === 1) {
      // A list of one alternative is that alternative.
      merge({ spec, node: list[0], ptr: child(ptr, key, 0) });
    } else if (
      Array.isArray(list) &&
      list.length === 2 &&
      nonNull.length === 1 &&
      (key === "anyOf" ||
        !acceptsNull({ spec, node: other, ptr: child(ptr, key, list.indexOf(other)) }, options))
    ) {
      // `anyOf: [X, {type: "null"}]` is how 3.1 writes 3.0's `nullable` next to a $ref. (A oneOf
      // whose X already accepts null is not: null would match both, which oneOf refuses.)
      view.orNull = true;
      merge({ spec, node: other, ptr: child(ptr, key, list.indexOf(other)) });
    } else if (Array.isArray(list) && list.length > 0 && list.every((branch) => valuesOnly(spec, branch))) {
      // `oneOf: [{const: a}, {const: b}]` is `enum: [a, b]`; the branches' words stay annotations.
      const values = list.flatMap((branch) => valuesOf(spec, branch));
      list.forEach((branch, i) => {
        for (const [k, v] of Object.entries(isNode(branch) ? branch : {})) {
          if (ANNOTATIONS.has(k) || k.startsWith("x-")) {
            note(view.annotations, k, v, child(ptr, key, i, k));
          }
        }
      });
      view.enum = intersectEnum(view.enum, values, at(key));
    } else if (Array.isArray(list)) {
      view[key].push({
        value: list.map((branch, i) => ({ spec, node: branch, ptr: child(ptr, key, i) })),
        ptr: at(key),
      });
    }
  }
  if (node.not !== undefined) {
    view.not.push(ref("not"));
  }
  if (node.contentSchema !== undefined) {
    view.contentSchema.push(ref("contentSchema"));
  }
  if (node.if !== undefined) {
    view.conditionals.push({
      if: ref("if"),
      ...(node.then !== undefined ? { whenTrue: ref("then") } : {}),
      ...(node.else !== undefined ? { whenFalse: ref("else") } : {}),
      ptr: at("if"),
    });
  }
  if (isNode(node.discriminator)) {
    const mapping = isNode(node.discriminator.mapping) ? node.discriminator.mapping : {};
    view.discriminator = {
      value: {
        propertyName: node.discriminator.propertyName,
        mapping: Object.fromEntries(Object.entries(mapping).map(([k, v]) => [k, String(v)])),
      },
      ptr: at("discriminator"),
    };
  }
  view.readOnly ||= node.readOnly === true;
  view.writeOnly ||= node.writeOnly === true;
  view.deprecated ||= node.deprecated === true;
  if (node.default !== undefined && !view.default) {
    view.default = { value: node.default, ptr: at("default") };
  }

  for (const [key, value] of Object.entries(node)) {
    if (MODELLED.has(key) || (key === "nullable" && v30)) {
      continue;
    }
    if (key === "example") {
      // 3.0's `example` is 3.1's one-element `examples`: a migration is no change.
      note(view.annotations, "examples", [value], at(key));
    } else if (ANNOTATIONS.has(key) || key.startsWith("x-") || key === "nullable") {
      note(view.annotations, key, value, at(key));
    } else {
      note(view.unknown, key, value, at(key));
    }
  }
}

function readBounds(view: SchemaView, node: Node, ptr: string, v30: boolean): void {
  const side = (
    inclusive: "minimum" | "maximum",
    exclusive: "exclusiveMinimum" | "exclusiveMaximum",
  ): void => {
    const candidates: Bound[] = [];
    const value = node[inclusive];
    const flag = node[exclusive];
    if (typeof value === "number") {
      // 3.0 writes an exclusive bound as `minimum: 5, exclusiveMinimum: true`.
      candidates.push({ value, exclusive: v30 && flag === true, ptr: child(ptr, inclusive) });
    }
    if (typeof flag === "number") {
      candidates.push({ value: flag, exclusive: true, ptr: child(ptr, exclusive) });
    }
    for (const bound of candidates) {
      const current = view[inclusive];
      if (!current || tighterBound(inclusive, bound, current)) {
        view[inclusive] = bound;
      }
    }
  };
  side("minimum", "exclusiveMinimum");
  side("maximum", "exclusiveMaximum");
}

/** Whether bound `a` admits fewer values than `b` (on the lower or upper side). */
export function tighterBound(side: "minimum" | "maximum", a: Bound, b: Bound): boolean {
  if (a.value !== b.value) {
    return side === "minimum" ? a.value > b.value : a.value < b.value;
  }
  return a.exclusive && !b.exclusive;
}

type Countable =
  | "minLength"
  | "minItems"
  | "minContains"
  | "minProperties"
  | "maxLength"
  | "maxItems"
  | "maxContains"
  | "maxProperties";

function tighten(
  view: SchemaView,
  key: Countable,
  value: unknown,
  ptr: string,
  pick: (a: number, b: number) => number,
): void {
  if (typeof value !== "number") {
    return;
  }
  const current = view[key];
  if (!current || pick(current.value, value) === value) {
    view[key] = { value, ptr };
  }
}

function conjoin(open: Open, value: unknown, ptr: string, spec: Spec): Open {
  if (value === false) {
    return { kind: "none", ptr };
  }
  if (open.kind === "none") {
    return open;
  }
  if (value === true || (isNode(value) && Object.keys(value).length === 0)) {
    return open;
  }
  const refs = open.kind === "schemas" ? open.refs : [];
  return { kind: "schemas", refs: [...refs, { spec, node: value, ptr }] };
}

function addTo<K>(target: Map<K, SchemaRef[]> | SchemaRef[][], key: K | number, ref: SchemaRef): void {
  if (Array.isArray(target)) {
    const index = key as number;
    target[index] = [...(target[index] ?? []), ref];
    return;
  }
  target.set(key as K, [...(target.get(key as K) ?? []), ref]);
}

function note(map: Map<string, Located<unknown>[]>, key: string, value: unknown, ptr: string): void {
  map.set(key, [...(map.get(key) ?? []), { value, ptr }]);
}

/** The JSON Schema type of a value (whole numbers are integers). */
export function jsonType(value: unknown): string {
  if (value === null) {
    return "null";
  }
  if (Array.isArray(value)) {
    return "array";
  }
  if (typeof value === "number") {
    return Number.isInteger(value) ? "integer" : "number";
  }
  return typeof value === "object" ? "object" : typeof value;
}

/** Whether values of `type` are allowed by the types in `set` (an integer is a number). */
export function typeFits(type: string, set: Set<string>): boolean {
  return set.has(type) || (type === "integer" && set.has("number"));
}

function intersectTypes(a: Set<string>, b: Set<string>): Set<string> {
  return new Set([...a].filter((t) => typeFits(t, b)).concat([...b].filter((t) => typeFits(t, a))));
}

/** Both lists must hold: the values already listed that `values` also lists, else `values`. */
function intersectEnum(
  current: Located<unknown[]> | undefined,
  values: readonly unknown[],
  ptr: string,
): Located<unknown[]> {
  return current
    ? { value: current.value.filter((v) => values.some((w) => sameJson(v, w))), ptr }
    : { value: [...values], ptr };
}

/** Whether a schema accepts null (it says so, or it says nothing about types). */
function acceptsNull(ref: SchemaRef, options: ViewOptions): boolean {
  const view = viewOf([ref], options);
  return (
    !view.never &&
    (view.types === undefined || view.types.value.has("null")) &&
    (view.enum === undefined || view.enum.value.includes(null))
  );
}

/** A schema that only lists values (`const`, `enum`, with or without their `type`). */
function valuesOnly(spec: Spec, value: unknown): boolean {
  const at = deref(spec, value, "#");
  return (
    at !== undefined &&
    ("const" in at.node || Array.isArray(at.node.enum)) &&
    Object.keys(at.node).every(
      (k) => k === "const" || k === "enum" || k === "type" || ANNOTATIONS.has(k) || k.startsWith("x-"),
    )
  );
}

function valuesOf(spec: Spec, value: unknown): unknown[] {
  const node = deref(spec, value, "#")?.node ?? {};
  return "const" in node ? [node.const] : Array.isArray(node.enum) ? node.enum : [];
}

function isNullSchema(value: unknown): boolean {
  if (!isNode(value)) {
    return false;
  }
  const type = Array.isArray(value.type) && value.type.length === 1 ? value.type[0] : value.type;
  return type === "null" && Object.keys(value).every((k) => k === "type" || ANNOTATIONS.has(k));
}

/** Normalisations that need the whole view: nullability, integer bounds, contradictions. */
function finish(view: SchemaView): void {
  if ((view.nullable || view.orNull) && view.types && !view.types.value.has("null")) {
    view.types = { ...view.types, value: new Set([...view.types.value, "null"]) };
  }
  if (view.orNull && view.enum && !view.enum.value.includes(null)) {
    view.enum = { ...view.enum, value: [...view.enum.value, null] };
  }
  view.declaredTypes = view.types?.value;
  if (view.enum) {
    // Values of a type the schema does not allow can never validate; the values left say which
    // types are really possible (`const: null` is `type: "null"`).
    const declared = view.types?.value;
    const values = declared
      ? view.enum.value.filter((v) => typeFits(jsonType(v), declared))
      : view.enum.value;
    view.enum = { ...view.enum, value: values };
    const implied = new Set(values.map(jsonType));
    view.types = {
      value: declared ? intersectTypes(declared, implied) : implied,
      ptr: view.types?.ptr ?? view.enum.ptr,
    };
  }
  // `unevaluatedProperties: false` closes an object just like `additionalProperties: false` does
  // when the properties sit in one schema: one "closed" state, whichever keyword says it.
  if (view.unevaluatedProperties.kind !== "any" && view.additionalProperties.kind === "any") {
    view.additionalProperties = view.unevaluatedProperties;
    view.unevaluatedProperties = { kind: "any" };
  } else if (view.unevaluatedProperties.kind === "none") {
    view.unevaluatedProperties = { kind: "any" };
  }
  const integer = view.types?.value.size === 1 && view.types.value.has("integer");
  if (integer) {
    // For integers `exclusiveMinimum: 0` and `minimum: 1` accept the same values.
    if (view.minimum?.exclusive) {
      view.minimum = { value: Math.floor(view.minimum.value) + 1, exclusive: false, ptr: view.minimum.ptr };
    } else if (view.minimum && !Number.isInteger(view.minimum.value)) {
      view.minimum = { ...view.minimum, value: Math.ceil(view.minimum.value) };
    }
    if (view.maximum?.exclusive) {
      view.maximum = { value: Math.ceil(view.maximum.value) - 1, exclusive: false, ptr: view.maximum.ptr };
    } else if (view.maximum && !Number.isInteger(view.maximum.value)) {
      view.maximum = { ...view.maximum, value: Math.floor(view.maximum.value) };
    }
  }
  if (view.enum && view.enum.value.length === 0 && !view.never) {
    view.never = { value: true, ptr: view.enum.ptr };
  }
  if (view.types && view.types.value.size === 0 && !view.never) {
    view.never = { value: true, ptr: view.types.ptr };
  }
}
