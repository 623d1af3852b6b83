// Where each node of a bundled document is used: walks every operation, follows every local
// $ref, and records for each visited pointer whether it shapes a request, a response, or both.
// A component shared by both sides therefore carries both directions and gets the stricter verdict.

export type Direction = "request" | "response";

export interface Usage {
  directions: Set<Direction>;
  operations: Set<string>;
}

export type UsageIndex = Map<string, Usage>;

type Node = Record<string, unknown>;

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace", "query"];

const SCHEMA_MAPS = ["properties", "patternProperties", "dependentSchemas", "$defs"];
const SCHEMA_LISTS = ["allOf", "anyOf", "oneOf", "prefixItems"];
const SCHEMA_SINGLES = [
  "items",
  "additionalProperties",
  "unevaluatedProperties",
  "not",
  "if",
  "then",
  "else",
  "contains",
  "propertyNames",
  "contentSchema",
];

export function escapePointer(segment: string): string {
  return segment.replace(/~/g, "~0").replace(/\//g, "~1");
}

export function unescapePointer(segment: string): string {
  return segment.replace(/~1/g, "/").replace(/~0/g, "~");
}

export function isNode(value: unknown): value is Node {
  return typeof value === "object" && value !== null && !Array.isArray(value);
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

export function operationLabel(method: string, path: string): string {
  return `${method.toUpperCase()} ${path}`;
}

export function buildUsageIndex(doc: unknown): UsageIndex {
  const index: UsageIndex = new Map();
  const seen = new Set<string>();
  const paths = isNode(doc) && isNode(doc.paths) ? doc.paths : {};

  const record = (pointer: string, direction: Direction, operation: string): boolean => {
    const key = `${pointer}\u0000${direction}\u0000${operation}`;
    if (seen.has(key)) {
      return false;
    }
    seen.add(key);
    let usage = index.get(pointer);
    if (!usage) {
      usage = { directions: new Set(), operations: new Set() };
      index.set(pointer, usage);
    }
    usage.directions.add(direction);
    usage.operations.add(operation);
    return true;
  };

  // Any object reached from an operation: records it, then follows a $ref to its target.
  const visit = (
    node: unknown,
    pointer: string,
    direction: Direction,
    operation: string,
    walk: (n: Node, p: string) => void,
  ): void => {
    if (!isNode(node) || !record(pointer, direction, operation)) {
      return;
    }
    if (typeof node.$ref === "string" && node.$ref.startsWith("#")) {
      visit(resolvePointer(doc, node.$ref), node.$ref, direction, operation, walk);
    }
    walk(node, pointer);
  };

  const schema = (node: unknown, pointer: string, direction: Direction, operation: string): void => {
    visit(node, pointer, direction, operation, (n, p) => {
      for (const key of SCHEMA_MAPS) {
        const map = n[key];
        if (isNode(map)) {
          for (const [name, child] of Object.entries(map)) {
            // readOnly properties never travel in a request, writeOnly ones never in a response.
            const childPointer = `${p}/${key}/${escapePointer(name)}`;
            if (
              key === "properties" &&
              isNode(child) &&
              ((direction === "request" && child.readOnly === true) ||
                (direction === "response" && child.writeOnly === true))
            ) {
              // Registered without this direction, so a lookup stops here instead of
              // inheriting the parent's side.
              if (!index.has(childPointer)) {
                index.set(childPointer, { directions: new Set(), operations: new Set() });
              }
              continue;
            }
            schema(child, childPointer, direction, operation);
          }
        }
      }
      for (const key of SCHEMA_LISTS) {
        const list = n[key];
        if (Array.isArray(list)) {
          list.forEach((child, i) => {
            schema(child, `${p}/${key}/${i}`, direction, operation);
          });
        }
      }
      for (const key of SCHEMA_SINGLES) {
        schema(n[key], `${p}/${key}`, direction, operation);
      }
    });
  };

  const content = (node: unknown, pointer: string, direction: Direction, operation: string): void => {
    if (!isNode(node)) {
      return;
    }
    record(pointer, direction, operation);
    for (const [type, media] of Object.entries(node)) {
      const mp = `${pointer}/${escapePointer(type)}`;
      visit(media, mp, direction, operation, (m, p) => {
        schema(m.schema, `${p}/schema`, direction, operation);
      });
    }
  };

  const parameter = (node: unknown, pointer: string, operation: string): void => {
    visit(node, pointer, "request", operation, (n, p) => {
      schema(n.schema, `${p}/schema`, "request", operation);
      content(n.content, `${p}/content`, "request", operation);
    });
  };

  for (const [path, item] of Object.entries(paths)) {
    if (!isNode(item)) {
      continue;
    }
    const itemPointer = `#/paths/${escapePointer(path)}`;
    const target = typeof item.$ref === "string" ? resolvePointer(doc, item.$ref) : item;
    if (!isNode(target)) {
      continue;
    }
    for (const method of METHODS) {
      const op = target[method];
      if (!isNode(op)) {
        continue;
      }
      const label = operationLabel(method, path);
      const opPointer = `${itemPointer}/${method}`;
      record(opPointer, "request", label);
      record(opPointer, "response", label);
      const params = [
        ...(Array.isArray(target.parameters)
          ? target.parameters.map((p, i) => [p, `${itemPointer}/parameters/${i}`])
          : []),
        ...(Array.isArray(op.parameters)
          ? op.parameters.map((p, i) => [p, `${opPointer}/parameters/${i}`])
          : []),
      ] as [unknown, string][];
      for (const [param, pointer] of params) {
        parameter(param, pointer, label);
      }
      visit(op.requestBody, `${opPointer}/requestBody`, "request", label, (n, p) => {
        content(n.content, `${p}/content`, "request", label);
      });
      if (isNode(op.responses)) {
        record(`${opPointer}/responses`, "response", label);
        for (const [status, response] of Object.entries(op.responses)) {
          visit(response, `${opPointer}/responses/${escapePointer(status)}`, "response", label, (n, p) => {
            if (isNode(n.headers)) {
              for (const [name, header] of Object.entries(n.headers)) {
                visit(header, `${p}/headers/${escapePointer(name)}`, "response", label, (h, hp) => {
                  schema(h.schema, `${hp}/schema`, "response", label);
                  content(h.content, `${hp}/content`, "response", label);
                });
              }
            }
            content(n.content, `${p}/content`, "response", label);
          });
        }
      }
    }
  }
  return index;
}

/** The usage of the deepest recorded ancestor of `pointer` (a changed keyword sits inside a schema). */
export function lookupUsage(index: UsageIndex, pointer: string | undefined): Usage | undefined {
  if (!pointer) {
    return undefined;
  }
  let current = pointer;
  for (;;) {
    const hit = index.get(current);
    if (hit) {
      return hit;
    }
    const cut = current.lastIndexOf("/");
    if (cut <= 1) {
      return undefined;
    }
    current = current.slice(0, cut);
  }
}
