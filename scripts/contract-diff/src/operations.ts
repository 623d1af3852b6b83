// Every operation a document describes, keyed so that base and head pair up: the paths, 3.1
// `webhooks`, and the `callbacks` of each operation. In a webhook or a callback the API sends the
// request and the integrator answers it, so what breaks runs the other way (`reversed`).
import { child, isNode, type Node } from "./pointer.js";
import { type At, deref, type Spec } from "./spec.js";

export const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace", "query"];

export interface Operation {
  /** Pairs base and head: path parameters are positional, so `/calls/{id}` = `/calls/{call_id}`. */
  key: string;
  /** What a reader sees: `POST /calls`, `webhook callEnded (POST)`, `POST /calls callback onEnd: POST {$request.body#/url}`. */
  label: string;
  kind: "path" | "webhook" | "callback";
  /** The API sends the request and the integrator answers (webhooks, callbacks). */
  reversed: boolean;
  method: string;
  /** The path template (or webhook name, or callback expression). */
  path: string;
  /** Pointer of the path item as listed (before its $ref is followed), for "path removed". */
  itemPtr: string;
  item: At<Node>;
  op: At<Node>;
}

/** `/calls/{call_id}/x` → `/calls/{}/x`. */
export function templateKey(path: string): string {
  return path.replace(/\{[^}]*\}/g, "{}");
}

export function listOperations(spec: Spec): Operation[] {
  const out: Operation[] = [];
  const paths = isNode(spec.doc.paths) ? spec.doc.paths : {};
  const counts = new Map<string, number>();
  for (const path of Object.keys(paths)) {
    counts.set(templateKey(path), (counts.get(templateKey(path)) ?? 0) + 1);
  }
  for (const [path, value] of Object.entries(paths)) {
    // Two templates that differ only in parameter names cannot both be matched by position.
    const key = (counts.get(templateKey(path)) ?? 0) > 1 ? path : templateKey(path);
    addItem(spec, out, {
      kind: "path",
      reversed: false,
      path,
      keyPrefix: `path ${key}`,
      labelOf: (method) => `${method.toUpperCase()} ${path}`,
      value,
      ptr: child("#/paths", path),
    });
  }
  const webhooks = isNode(spec.doc.webhooks) ? spec.doc.webhooks : {};
  for (const [name, value] of Object.entries(webhooks)) {
    addItem(spec, out, {
      kind: "webhook",
      reversed: true,
      path: name,
      keyPrefix: `webhook ${name}`,
      labelOf: (method) => `webhook ${name} (${method.toUpperCase()})`,
      value,
      ptr: child("#/webhooks", name),
    });
  }
  return out;
}

interface ItemInput {
  kind: Operation["kind"];
  reversed: boolean;
  path: string;
  keyPrefix: string;
  labelOf: (method: string) => string;
  value: unknown;
  ptr: string;
}

function addItem(spec: Spec, out: Operation[], input: ItemInput): void {
  const item = deref(spec, input.value, input.ptr);
  if (!item) {
    return;
  }
  for (const method of METHODS) {
    const value = item.node[method];
    if (!isNode(value)) {
      continue;
    }
    const op = { node: value, ptr: child(item.ptr, method) };
    const operation: Operation = {
      key: `${input.keyPrefix} ${method}`,
      label: input.labelOf(method),
      kind: input.kind,
      reversed: input.reversed,
      method,
      path: input.path,
      itemPtr: input.ptr,
      item,
      op,
    };
    out.push(operation);
    addCallbacks(spec, out, operation);
  }
}

function addCallbacks(spec: Spec, out: Operation[], parent: Operation): void {
  const callbacks = parent.op.node.callbacks;
  if (!isNode(callbacks)) {
    return;
  }
  for (const [name, value] of Object.entries(callbacks)) {
    const callback = deref(spec, value, child(parent.op.ptr, "callbacks", name));
    if (!callback) {
      continue;
    }
    for (const [expression, pathItem] of Object.entries(callback.node)) {
      if (expression.startsWith("x-")) {
        continue;
      }
      addItem(spec, out, {
        kind: "callback",
        // A callback of a webhook would turn around twice; OpenAPI has none, so keep it simple.
        reversed: true,
        path: expression,
        keyPrefix: `${parent.key} callback ${name} ${expression}`,
        labelOf: (method) => `${parent.label} callback ${name}: ${method.toUpperCase()} ${expression}`,
        value: pathItem,
        ptr: child(callback.ptr, expression),
      });
    }
  }
}
