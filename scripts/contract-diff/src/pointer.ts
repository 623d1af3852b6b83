// JSON pointers into a bundled document: the one addressing scheme shared by the engine (where a
// change is), the renderers (what the reader sees) and locate.ts (which source line it came from).

export type Node = Record<string, unknown>;

export function isNode(value: unknown): value is Node {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function escapePointer(segment: string): string {
  return segment.replace(/~/g, "~0").replace(/\//g, "~1");
}

export function unescapePointer(segment: string): string {
  return segment.replace(/~1/g, "/").replace(/~0/g, "~");
}

/** `base` with one more segment, escaped. */
export function child(base: string, ...segments: (string | number)[]): string {
  return segments.reduce<string>((p, s) => `${p}/${escapePointer(String(s))}`, base);
}

/** The value at a path of keys (array indexes as strings), or undefined where the path breaks. */
export function valueAt(doc: unknown, parts: readonly string[]): unknown {
  let current: unknown = doc;
  for (const part of parts) {
    if (Array.isArray(current)) {
      current = current[Number(part)];
    } else if (isNode(current)) {
      current = current[part];
    } else {
      return undefined;
    }
  }
  return current;
}

export function resolvePointer(doc: unknown, pointer: string): unknown {
  return valueAt(doc, pointer.replace(/^#/, "").split("/").slice(1).map(unescapePointer));
}

/** Deep equality of JSON values, insensitive to key order. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) {
    return true;
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((v, i) => sameJson(v, b[i]))
    );
  }
  if (isNode(a) && isNode(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => k in b && sameJson(a[k], b[k]));
  }
  return false;
}
