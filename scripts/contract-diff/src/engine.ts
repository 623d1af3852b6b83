// The comparison engine: pairs the operations of two bundled documents, compares each pair
// (operation-compare.ts), the document's own parts and the components no operation uses, then
// merges what it found into one change per place and weighs each with the policy.

import type { Finding } from "./findings.js";
import { compareOperation, type OperationContext } from "./operation-compare.js";
import { listOperations, type Operation } from "./operations.js";
import { child, isNode, resolvePointer, sameJson } from "./pointer.js";
import type { Policy } from "./policy.js";
import { compareServers, effectiveServers } from "./servers.js";
import { openSpec, type Spec } from "./spec.js";
import type { Bump, Change, DiffResult } from "./types.js";

const RANK: Record<Bump, number> = { none: 0, patch: 1, minor: 2, major: 3 };

export function maxBump(bumps: Iterable<Bump>): Bump {
  let best: Bump = "none";
  for (const bump of bumps) {
    if (RANK[bump] > RANK[best]) {
      best = bump;
    }
  }
  return best;
}

export function bumpRank(bump: Bump): number {
  return RANK[bump];
}

/** Component kinds whose entries shape the generated types (a change needs a minor release). */
const TYPED_COMPONENTS = new Set(["schemas"]);

export function diffDocuments(baseDoc: unknown, headDoc: unknown, policy: Policy): DiffResult {
  const base = openSpec(baseDoc);
  const head = openSpec(headDoc);
  const findings: Finding[] = [];
  const ctx: OperationContext = {
    base,
    head,
    report: (finding) => findings.push(finding),
    options: { extensibleEnums: policy.extensibleEnums },
    cache: new Map(),
  };
  const baseOps = listOperations(base);
  const headOps = listOperations(head);
  compareOperations(ctx, baseOps, headOps);
  compareDocument(ctx);
  compareUnusedComponents(ctx, baseOps, headOps);
  return weigh(findings, policy);
}

function compareOperations(ctx: OperationContext, was: Operation[], now: Operation[]): void {
  const byKey = new Map(now.map((op) => [op.key, op]));
  const paired = new Set<string>();
  const headItems = new Set(now.map((op) => `${op.kind} ${op.key.split(" ").slice(0, -1).join(" ")}`));
  const renamed = renamedWebhooks(was, now, byKey);
  for (const a of was) {
    const b = byKey.get(a.key) ?? renamed.get(a.key);
    if (b) {
      paired.add(b.key);
      if (b.key !== a.key) {
        ctx.report({
          rule: "webhook-renamed",
          breaks: false,
          bump: "patch",
          message: `Webhook \`${a.path}\` is now named \`${b.path}\` (the name never travels; the payload is the same).`,
          basePtr: a.itemPtr,
          headPtr: b.itemPtr,
          before: a.path,
          after: b.path,
          operation: b.label,
        });
      }
      compareOperation(ctx, a, b);
      continue;
    }
    const whole = !headItems.has(`${a.kind} ${a.key.split(" ").slice(0, -1).join(" ")}`);
    const what =
      a.kind === "webhook"
        ? `The webhook ${a.label}`
        : a.kind === "callback"
          ? `The callback ${a.label}`
          : a.label;
    const rule = a.kind === "path" && whole ? "path-removed" : "operation-removed";
    ctx.report({
      rule,
      breaks: true,
      bump: "minor",
      message: `${what} was removed${a.reversed ? ": integrators stop receiving it" : ": clients that call it get 404 or 405"}${a.op.node.deprecated === true ? " (it was deprecated)" : ""}.`,
      basePtr: rule === "path-removed" ? a.itemPtr : a.op.ptr,
      operation: a.label,
      direction: "request",
    });
  }
  for (const b of now) {
    if (!paired.has(b.key)) {
      ctx.report({
        rule: "operation-added",
        breaks: false,
        bump: "minor",
        message: `${b.kind === "path" ? b.label : `The ${b.kind} ${b.label}`} was added.`,
        headPtr: b.op.ptr,
        operation: b.label,
        direction: "request",
      });
    }
  }
  // Path item text (summary, description) outside any one operation.
  const items = new Map(now.map((op) => [op.itemPtr, op.item]));
  const seen = new Set<string>();
  for (const a of was) {
    const item = items.get(a.itemPtr);
    if (!item || seen.has(a.itemPtr)) {
      continue;
    }
    seen.add(a.itemPtr);
    for (const key of ["summary", "description"]) {
      if (!sameJson(a.item.node[key], item.node[key])) {
        ctx.report({
          rule: `${key}-changed`,
          breaks: false,
          bump: "patch",
          message: `\`${key}\` of path \`${a.path}\` changed.`,
          basePtr: child(a.item.ptr, key),
          headPtr: child(item.ptr, key),
          operation: null,
        });
      }
    }
  }
}

/** A webhook whose key changed but whose operation is the same: a rename, not a removal. */
function renamedWebhooks(
  was: Operation[],
  now: Operation[],
  byKey: Map<string, Operation>,
): Map<string, Operation> {
  const keys = new Set(was.map((op) => op.key));
  const free = now.filter((op) => op.kind === "webhook" && !keys.has(op.key));
  const out = new Map<string, Operation>();
  for (const a of was) {
    if (a.kind !== "webhook" || byKey.has(a.key)) {
      continue;
    }
    const match = free.find(
      (b) => b.method === a.method && sameJson(a.op.node, b.op.node) && ![...out.values()].includes(b),
    );
    if (match) {
      out.set(a.key, match);
    }
  }
  return out;
}

function compareDocument(ctx: OperationContext): void {
  const { base, head } = ctx;
  compareServers(
    (f) => ctx.report({ ...f, operation: null }),
    effectiveServers(base, undefined),
    effectiveServers(head, undefined),
    null,
  );
  const infoA = isNode(base.doc.info) ? base.doc.info : {};
  const infoB = isNode(head.doc.info) ? head.doc.info : {};
  for (const key of new Set([...Object.keys(infoA), ...Object.keys(infoB)])) {
    // The document's own version says nothing about the API (a version bump alone is no change).
    if (key !== "version" && !sameJson(infoA[key], infoB[key])) {
      documentation(ctx, child("#/info", key), `\`info.${key}\``, infoA[key], infoB[key]);
    }
  }
  const keys = new Set([...Object.keys(base.doc), ...Object.keys(head.doc)]);
  for (const key of keys) {
    if (
      (key === "tags" || key === "externalDocs" || key.startsWith("x-")) &&
      !sameJson(base.doc[key], head.doc[key])
    ) {
      documentation(ctx, child("#", key), `\`${key}\``, base.doc[key], head.doc[key]);
    }
  }
}

function documentation(
  ctx: OperationContext,
  ptr: string,
  what: string,
  before: unknown,
  after: unknown,
): void {
  ctx.report({
    rule: "documentation-changed",
    breaks: false,
    bump: "patch",
    message: `${what} ${before === undefined ? "added" : after === undefined ? "removed" : "changed"}.`,
    basePtr: before === undefined ? undefined : ptr,
    headPtr: after === undefined ? undefined : ptr,
    before,
    after,
    operation: null,
  });
}

/** Components that no operation reaches on either side: they change the types, not the API. */
function compareUnusedComponents(ctx: OperationContext, baseOps: Operation[], headOps: Operation[]): void {
  const groups = (spec: Spec): Record<string, unknown> =>
    isNode(spec.doc.components) ? spec.doc.components : {};
  const a = groups(ctx.base);
  const b = groups(ctx.head);
  const baseUsed = reachable(ctx.base, baseOps);
  const headUsed = reachable(ctx.head, headOps);
  for (const group of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const x = isNode(a[group]) ? a[group] : {};
    const y = isNode(b[group]) ? b[group] : {};
    for (const name of new Set([...Object.keys(x), ...Object.keys(y)])) {
      const ptr = child("#/components", group, name);
      if (baseUsed.has(ptr) || headUsed.has(ptr) || sameJson(x[name], y[name])) {
        continue;
      }
      const what = x[name] === undefined ? "added" : y[name] === undefined ? "removed" : "changed";
      ctx.report({
        rule: `component-${what}`,
        breaks: false,
        bump: TYPED_COMPONENTS.has(group) ? "minor" : "patch",
        message: `Component \`${group}.${name}\` ${what}; no operation uses it.`,
        basePtr: x[name] === undefined ? undefined : ptr,
        headPtr: y[name] === undefined ? undefined : ptr,
        operation: null,
      });
    }
  }
}

/**
 * Every component the operations reach on one side, through any chain of `$ref`s (an added
 * operation's components count as used too), and the security schemes they require.
 */
function reachable(spec: Spec, operations: Operation[]): Set<string> {
  const found = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) {
        walk(item);
      }
      return;
    }
    if (!isNode(node)) {
      return;
    }
    if (typeof node.$ref === "string" && node.$ref.startsWith("#") && !found.has(node.$ref)) {
      found.add(node.$ref);
      walk(resolvePointer(spec.doc, node.$ref));
    }
    for (const value of Object.values(node)) {
      walk(value);
    }
  };
  walk(spec.doc.paths);
  walk(spec.doc.webhooks);
  const requirements = [spec.doc.security, ...operations.map((op) => op.op.node.security)];
  for (const list of requirements) {
    for (const alternative of Array.isArray(list) ? list.filter(isNode) : []) {
      for (const name of Object.keys(alternative)) {
        found.add(child("#/components/securitySchemes", name));
      }
    }
  }
  return found;
}

/** One change per rule and place; the policy decides how much a breaking finding weighs. */
function weigh(findings: Finding[], policy: Policy): DiffResult {
  const groups = new Map<string, Finding[]>();
  for (const finding of findings) {
    const key = `${finding.rule}|${finding.basePtr ?? ""}|${finding.headPtr ?? ""}`;
    const group = groups.get(key);
    if (group) {
      group.push(finding);
    } else {
      groups.set(key, [finding]);
    }
  }
  const changes: Change[] = [];
  for (const group of groups.values()) {
    let bump: Exclude<Bump, "none"> = "patch";
    let breaking = false;
    let lead = group[0] as Finding;
    for (const finding of group) {
      const impact = finding.breaks ? (policy.rules[finding.rule] ?? "major") : finding.bump;
      // A rule switched off still lists the change, as a patch: the policy says it does not matter.
      const weight = impact === "off" ? "patch" : impact;
      if (RANK[weight] > RANK[bump]) {
        bump = weight;
        lead = finding;
      }
      breaking ||= impact === "major";
    }
    const operations = [
      ...new Set(group.map((f) => f.operation).filter((o): o is string => o !== null)),
    ].sort();
    const directions = [...new Set(group.flatMap((f) => (f.direction ? [f.direction] : [])))].sort();
    const change: Change = {
      rule: lead.rule,
      breaking,
      bump,
      operation: lead.operation ?? operations[0] ?? null,
      pointer: lead.headPtr ?? lead.basePtr ?? "#",
      before: lead.before,
      after: lead.after,
      message: lead.message,
      operations,
      directions,
    };
    Object.defineProperty(change, "source", {
      value: lead.headPtr
        ? { side: "head", pointer: lead.headPtr }
        : { side: "base", pointer: lead.basePtr ?? "#" },
      enumerable: false,
    });
    changes.push(change);
  }
  return { bump: maxBump(changes.map((c) => c.bump)), changes };
}

/** Where a change was found, for mapping it back to a source line (not part of the JSON). */
export function sourceOf(change: Change): { side: "head" | "base"; pointer: string } | undefined {
  return (change as Change & { source?: { side: "head" | "base"; pointer: string } }).source;
}
