// Servers: every URL a client could use (each variable over its enum) and the default one.

import { show } from "./findings.js";
import type { Emit } from "./operation-compare.js";
import type { Operation } from "./operations.js";
import { child, isNode, type Node, sameJson } from "./pointer.js";
import type { Spec } from "./spec.js";

interface Servers {
  list: Node[];
  ptr: string;
  /** Declared on the operation or its path item (else inherited from the document). */
  own: boolean;
}

export function effectiveServers(spec: Spec, op: Operation | undefined): Servers {
  for (const at of op ? [op.op, op.item] : []) {
    if (Array.isArray(at.node.servers) && at.node.servers.length > 0) {
      return { list: at.node.servers.filter(isNode), ptr: child(at.ptr, "servers"), own: true };
    }
  }
  const root =
    Array.isArray(spec.doc.servers) && spec.doc.servers.length > 0
      ? spec.doc.servers.filter(isNode)
      : [{ url: "/" }];
  return { list: root, ptr: "#/servers", own: false };
}

/** Every URL a server entry stands for: each variable over its enum (or its default). */
function serverUrls(server: Node): string[] {
  let urls = [String(server.url ?? "/").replace(/\/+$/, "") || "/"];
  const variables = isNode(server.variables) ? server.variables : {};
  for (const [name, variable] of Object.entries(variables)) {
    if (!isNode(variable)) {
      continue;
    }
    // Without an enum a variable takes any value: the template itself stands for all of them.
    const values =
      Array.isArray(variable.enum) && variable.enum.length > 0 ? variable.enum.map(String) : [`{${name}}`];
    urls = urls.flatMap((url) =>
      url.includes(`{${name}}`) ? values.map((v) => url.replaceAll(`{${name}}`, v)) : [url],
    );
  }
  return urls.map((u) => u.replace(/^([a-z]+:\/\/[^/]+)/i, (host) => host.toLowerCase()));
}

function defaultUrl(server: Node | undefined): string | undefined {
  if (!server) {
    return undefined;
  }
  let url = String(server.url ?? "/").replace(/\/+$/, "") || "/";
  const variables = isNode(server.variables) ? server.variables : {};
  for (const [name, variable] of Object.entries(variables)) {
    url = url.replaceAll(`{${name}}`, String(isNode(variable) ? (variable.default ?? "") : ""));
  }
  return url.replace(/^([a-z]+:\/\/[^/]+)/i, (host) => host.toLowerCase());
}

/**
 * Servers policy (README): a URL clients could use that is gone breaks them; a new URL does not;
 * a new default (the first server, which generated clients use) while the old URL stays is minor.
 */
export function compareServers(emit: Emit, was: Servers, now: Servers, label: string | null): void {
  if (label !== null && !was.own && !now.own) {
    return;
  }
  const before = new Set(was.list.flatMap(serverUrls));
  const after = new Set(now.list.flatMap(serverUrls));
  const lost = [...before].filter((u) => !after.has(u));
  const gained = [...after].filter((u) => !before.has(u));
  for (const url of lost) {
    emit({
      rule: "server-removed",
      breaks: true,
      bump: "minor",
      message: `Server \`${url}\` is no longer listed${label ? ` for ${label}` : ""}: clients configured with it lose the API.`,
      basePtr: was.ptr,
      headPtr: now.ptr,
      before: url,
    });
  }
  for (const url of gained) {
    emit({
      rule: "server-added",
      breaks: false,
      bump: "minor",
      message: `Server \`${url}\` added${label ? ` for ${label}` : ""}.`,
      basePtr: was.ptr,
      headPtr: now.ptr,
      after: url,
    });
  }
  for (const server of was.list) {
    const other = now.list.find((s) => s.url === server.url);
    const variables = isNode(server.variables) ? server.variables : {};
    const others = isNode(other?.variables) ? other.variables : {};
    for (const [name, variable] of Object.entries(variables)) {
      const before = isNode(variable) ? variable.default : undefined;
      const after = isNode(others[name]) ? others[name].default : undefined;
      if (other && after !== undefined && before !== after) {
        // Generated clients and `servers[0]` readers fill in the default: their requests move.
        emit({
          rule: "server-variable-default-changed",
          breaks: true,
          bump: "minor",
          message: `Default of server variable \`${name}\` of \`${String(server.url)}\` changed from ${show(before)} to ${show(after)}: clients that rely on the default now call another URL.`,
          basePtr: was.ptr,
          headPtr: now.ptr,
          before,
          after,
        });
      }
    }
  }
  const defaultBefore = defaultUrl(was.list[0]);
  const defaultAfter = defaultUrl(now.list[0]);
  const sameTemplate = String(was.list[0]?.url) === String(now.list[0]?.url);
  if (lost.length === 0 && defaultBefore !== defaultAfter && !sameTemplate) {
    emit({
      rule: "server-default-changed",
      breaks: false,
      bump: "minor",
      message: `The default server changed from \`${defaultBefore}\` to \`${defaultAfter}\` (both stay listed).`,
      basePtr: was.ptr,
      headPtr: now.ptr,
      before: defaultBefore,
      after: defaultAfter,
    });
  }
  if (
    lost.length === 0 &&
    gained.length === 0 &&
    !sameJson(was.list, now.list) &&
    defaultBefore === defaultAfter
  ) {
    emit({
      rule: "server-changed",
      breaks: false,
      bump: "patch",
      message: "Servers' descriptions changed.",
      basePtr: was.ptr,
      headPtr: now.ptr,
    });
  }
}
