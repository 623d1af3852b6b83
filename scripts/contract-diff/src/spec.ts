// One side of the comparison: a bundled OpenAPI document (3.0 or 3.1) and the few rules that
// differ between the two versions. Everything else reads the document through this.
import { child, isNode, type Node, resolvePointer } from "./pointer.js";

export type OpenApiVersion = "3.0" | "3.1";

export interface Spec {
  doc: Node;
  version: OpenApiVersion;
  /** Schema views already built, by the pointers they merge (schema-view.ts). */
  views: Map<string, unknown>;
}

/** A node of the document with the pointer it was found at. */
export interface At<T = unknown> {
  node: T;
  ptr: string;
}

export function openSpec(doc: unknown): Spec {
  const root = isNode(doc) ? doc : {};
  const version = typeof root.openapi === "string" && root.openapi.startsWith("3.0") ? "3.0" : "3.1";
  return { doc: root, version, views: new Map() };
}

/**
 * Follows a chain of local `$ref`s (the bundler made every reference local) and returns the
 * target, with the pointer of the target. A reference that does not resolve yields undefined.
 * Sibling keywords of a Reference Object (3.1 allows summary/description) are annotations only.
 */
export function deref(spec: Spec, node: unknown, ptr: string): At<Node> | undefined {
  let current: unknown = node;
  let at = ptr;
  const seen = new Set<string>();
  while (isNode(current) && typeof current.$ref === "string") {
    const ref = current.$ref;
    if (!ref.startsWith("#") || seen.has(ref)) {
      return undefined;
    }
    seen.add(ref);
    at = ref;
    current = resolvePointer(spec.doc, ref);
  }
  if (!isNode(current)) {
    return undefined;
  }
  return { node: current, ptr: at };
}

/** The entries of a map-valued field as [key, pointer, value] triples. */
export function entries(node: Node | undefined, key: string, ptr: string): [string, string, unknown][] {
  const map = node?.[key];
  return isNode(map) ? Object.entries(map).map(([k, v]) => [k, child(ptr, key, k), v]) : [];
}
