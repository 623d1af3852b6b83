// `anyOf`/`oneOf` as lists of whole branches: each branch with the keywords around the list,
// paired with its counterpart by what it is (component, values, title, shape), never by position.
import { list } from "./findings.js";
import { isNode, sameJson } from "./pointer.js";
import { type Located, type SchemaRef, type SchemaView, type ViewOptions, viewOf } from "./schema-view.js";
import { values } from "./values.js";

function withoutLists(node: unknown): unknown {
  if (!isNode(node)) {
    return node;
  }
  // The caller passes every allOf member on its own, so the list goes too.
  const { anyOf: _anyOf, oneOf: _oneOf, discriminator: _discriminator, allOf: _allOf, ...rest } = node;
  return rest;
}

export type List = { kind: "anyOf" | "oneOf"; list: Located<SchemaRef[]> };

export function allLists(view: SchemaView): List[] {
  return [
    ...view.anyOf.map((list) => ({ kind: "anyOf" as const, list })),
    ...view.oneOf.map((list) => ({ kind: "oneOf" as const, list })),
  ];
}

/** The one list of alternatives of a view, none, or "many". */
export function onlyList(view: SchemaView): List | undefined | "many" {
  const lists = allLists(view);
  return lists.length > 1 ? "many" : lists[0];
}

/** The nodes a view merges, as references (to compare the whole schema as one branch). */
export function refsOf(view: SchemaView): SchemaRef[] {
  return view.nodes.map((n) => ({ spec: view.spec, node: n.node, ptr: n.ptr }));
}

/** Each branch together with the keywords around the list (`type: object, oneOf: [A, B]` is A' or B'). */
export function distribute(view: SchemaView, branches: SchemaRef[]): SchemaRef[][] {
  const outer: SchemaRef[] = view.nodes.map((n) => ({
    spec: view.spec,
    node: withoutLists(n.node),
    ptr: n.ptr,
    synthetic: true,
  }));
  return branches.map((branch) => [...outer, branch]);
}

export function resolved(ref: SchemaRef, options: ViewOptions): unknown {
  const view = viewOf([ref], options);
  return view.nodes.map((n) => n.node);
}

export function describeBranch(refs: SchemaRef[], options: ViewOptions): string {
  const own = refs[refs.length - 1];
  if (own && isNode(own.node) && typeof own.node.$ref === "string") {
    return `\`${own.node.$ref.split("/").pop()}\``;
  }
  const view = viewOf(refs, options);
  const title = own ? viewOf([own], options).annotations.get("title")?.[0]?.value : undefined;
  if (typeof title === "string") {
    return `\`${title}\``;
  }
  return view.types ? `of type ${list([...view.types.value])}` : `#${own?.ptr.split("/").pop() ?? "?"}`;
}

interface Identity {
  target: string;
  fingerprint: string;
  title: string;
  types: string;
  properties: string[];
}

/** What a reader would call "the same branch": same component, same values, same title, same shape. */
function identity(refs: SchemaRef[], options: ViewOptions): Identity {
  const own = refs[refs.length - 1];
  const view = viewOf(refs, options);
  const types = view.types ? [...view.types.value].sort().join(",") : "";
  const properties = [...view.properties.keys()].sort();
  const consts = properties.map((name) => {
    const property = viewOf(view.properties.get(name) ?? [], options);
    return property.enum ? `${name}=${JSON.stringify(property.enum.value)}` : name;
  });
  return {
    target:
      own && isNode(own.node) && typeof own.node.$ref === "string"
        ? (own.node.$ref.split("/").pop() ?? "")
        : "",
    fingerprint: JSON.stringify([
      types,
      view.enum?.value ?? null,
      consts,
      [...view.required.keys()].sort(),
      view.patterns.map((p) => p.value),
      view.formats.map((f) => f.value),
    ]),
    title: String((own ? viewOf([own], options) : view).annotations.get("title")?.[0]?.value ?? ""),
    types,
    properties,
  };
}

/**
 * Pairs the branches of two lists of alternatives: same component, same values, same title,
 * then the most alike by type and properties. Never by position: a branch removed from the
 * middle of a list is that branch removed, not a change of every branch after it.
 */
export function matchBranches(
  was: SchemaRef[][],
  now: SchemaRef[][],
  options: ViewOptions,
): [number, number][] {
  const x = was.map((r) => identity(r, options));
  const y = now.map((r) => identity(r, options));
  const pairs: [number, number][] = [];
  const freeA = new Set(was.keys());
  const freeB = new Set(now.keys());
  const pass = (same: (i: number, j: number) => boolean): void => {
    for (const i of [...freeA]) {
      for (const j of [...freeB]) {
        if (same(i, j)) {
          pairs.push([i, j]);
          freeA.delete(i);
          freeB.delete(j);
          break;
        }
      }
    }
  };
  pass((i, j) => x[i]?.target !== "" && x[i]?.target === y[j]?.target);
  pass((i, j) => x[i]?.fingerprint === y[j]?.fingerprint);
  pass((i, j) => x[i]?.title !== "" && x[i]?.title === y[j]?.title);
  // The rest: the most alike pairs first, as long as they share a type and half their properties.
  const score = (i: number, j: number): number => {
    const p = x[i] as Identity;
    const q = y[j] as Identity;
    if (p.types !== q.types) {
      return 0;
    }
    const union = new Set([...p.properties, ...q.properties]).size;
    const shared = p.properties.filter((n) => q.properties.includes(n)).length;
    return union === 0 ? 1 : shared / union;
  };
  const candidates = [...freeA]
    .flatMap((i) => [...freeB].map((j) => [i, j, score(i, j)] as const))
    .filter(([, , s]) => s >= 0.5);
  candidates.sort((p, q) => q[2] - p[2]);
  for (const [i, j] of candidates) {
    if (freeA.has(i) && freeB.has(j)) {
      pairs.push([i, j]);
      freeA.delete(i);
      freeB.delete(j);
    }
  }
  if (freeA.size === 1 && freeB.size === 1 && was.length === now.length) {
    pass(() => true);
  }
  return pairs.sort((p, q) => p[0] - q[0]);
}

/**
 * Whether some value may be valid under both schemas. Only provable disjointness says no: other
 * types, other listed values, a property both list with values in common to none, or a property
 * one requires that the other (closed) does not allow.
 */
export function mayOverlap(a: SchemaView, b: SchemaView, options: ViewOptions): boolean {
  if (a.never || b.never) {
    return false;
  }
  const ta = a.types?.value;
  const tb = b.types?.value;
  if (
    ta &&
    tb &&
    ![...ta].some(
      (t) => tb.has(t) || (t === "integer" && tb.has("number")) || (t === "number" && tb.has("integer")),
    )
  ) {
    return false;
  }
  const va = values(a);
  const vb = values(b);
  if (va && vb && !va.some((v) => vb.some((w) => sameJson(v, w)))) {
    return false;
  }
  for (const [name, refs] of a.properties) {
    const other = b.properties.get(name);
    if (!other || !(a.required.has(name) || b.required.has(name))) {
      continue;
    }
    const x = values(viewOf(refs, options));
    const y = values(viewOf(other, options));
    if (x && y && !x.some((v) => y.some((w) => sameJson(v, w)))) {
      return false;
    }
  }
  const excludes = (closed: SchemaView, open: SchemaView): boolean =>
    closed.additionalProperties.kind === "none" &&
    [...open.required.keys()].some((name) => !closed.properties.has(name));
  return !excludes(a, b) && !excludes(b, a);
}
