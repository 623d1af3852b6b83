// Security: the effective requirements of an operation (OR of ANDs of schemes with scopes),
// compared by what each scheme is rather than what it is called, and the definitions behind them.
import type { Emit, OperationContext } from "./operation-compare.js";
import type { Operation } from "./operations.js";
import { child, isNode, type Node, sameJson } from "./pointer.js";
import { type At, deref, type Spec } from "./spec.js";

type Requirement = Map<string, Set<string>>;

/** The requirements as written that apply to an operation: its own, else the document's. */
function effective(spec: Spec, op: Operation): { value: unknown[]; ptr: string } {
  const own = op.op.node.security;
  if (Array.isArray(own)) {
    return { value: own, ptr: child(op.op.ptr, "security") };
  }
  return { value: Array.isArray(spec.doc.security) ? spec.doc.security : [], ptr: "#/security" };
}

function requirements(spec: Spec, op: Operation): { list: Requirement[]; ptr: string; text: string } {
  const { value, ptr } = effective(spec, op);
  const list = value.filter(isNode).map((alternative) => {
    const out: Requirement = new Map();
    for (const [name, scopes] of Object.entries(alternative)) {
      out.set(schemeIdentity(spec, name), new Set(Array.isArray(scopes) ? scopes.map(String) : []));
    }
    return out;
  });
  return { list, ptr, text: describe(value) };
}

/** The requirements as a reader names them: `bearerAuth or apiKey + session`. */
function describe(value: unknown[]): string {
  return value.length > 0
    ? value.map((alt) => Object.keys(isNode(alt) ? alt : {}).join(" + ") || "anonymous").join(" or ")
    : "none";
}

/** What a scheme is, not what it is called: renaming `bearerAuth` to `bearer` changes nothing. */
function schemeIdentity(spec: Spec, name: string): string {
  const scheme = securityScheme(spec, name);
  if (!scheme) {
    return `name:${name}`;
  }
  const n = scheme.node;
  const flows = isNode(n.flows) ? Object.keys(n.flows).sort().join(",") : "";
  return JSON.stringify([
    n.type,
    typeof n.scheme === "string" ? n.scheme.toLowerCase() : n.scheme,
    n.in,
    n.name,
    n.openIdConnectUrl,
    flows,
  ]);
}

function securityScheme(spec: Spec, name: string): At<Node> | undefined {
  const schemes =
    isNode(spec.doc.components) && isNode(spec.doc.components.securitySchemes)
      ? spec.doc.components.securitySchemes
      : {};
  return deref(spec, schemes[name], child("#/components/securitySchemes", name));
}

function satisfies(alternative: Requirement, by: Requirement): boolean {
  // `by` is met by a client that meets `alternative` when it asks for no more schemes or scopes.
  return [...by].every(([scheme, scopes]) => {
    const held = alternative.get(scheme);
    return held !== undefined && [...scopes].every((s) => held.has(s));
  });
}

export function compareSecurity(ctx: OperationContext, emit: Emit, a: Operation, b: Operation): void {
  const was = requirements(ctx.base, a);
  const now = requirements(ctx.head, b);
  const open = (list: Requirement[]): boolean => list.length === 0 || list.some((r) => r.size === 0);
  if (!open(now.list)) {
    const lost = open(was.list)
      ? [new Map()]
      : was.list.filter((alt) => !now.list.some((h) => satisfies(alt, h)));
    if (lost.length > 0) {
      emit({
        rule: "security-requirement-changed",
        breaks: true,
        bump: "minor",
        message: `Security changed from ${was.text} to ${now.text}: clients that authenticate as before are refused.`,
        basePtr: was.ptr,
        headPtr: now.ptr,
      });
      compareSchemes(ctx, emit, a);
      return;
    }
  }
  const same = sameJson(requirementsJson(was.list), requirementsJson(now.list));
  if (!same || was.text !== now.text) {
    emit({
      rule: "security-requirement-changed",
      breaks: false,
      bump: same ? "patch" : "minor",
      message: same
        ? `Security schemes renamed (${was.text} to ${now.text}); their definitions are the same.`
        : `Security changed from ${was.text} to ${now.text}; every client that authenticated before still can.`,
      basePtr: was.ptr,
      headPtr: now.ptr,
    });
  }
  compareSchemes(ctx, emit, a);
}

function requirementsJson(list: Requirement[]): string[] {
  return list.map((r) => JSON.stringify([...r].map(([k, v]) => [k, [...v].sort()]).sort())).sort();
}

/** The definitions behind the schemes an operation uses: a new token URL breaks configured clients. */
function compareSchemes(ctx: OperationContext, emit: Emit, a: Operation): void {
  const names = new Set(
    effective(ctx.base, a)
      .value.filter(isNode)
      .flatMap((alt) => Object.keys(alt)),
  );
  for (const name of names) {
    const x = securityScheme(ctx.base, name);
    const y = securityScheme(ctx.head, name);
    if (!x || !y) {
      continue;
    }
    const fields = ["type", "scheme", "in", "name", "openIdConnectUrl"];
    const changed = fields.filter(
      (f) =>
        !sameJson(
          typeof x.node[f] === "string" && f === "scheme" ? String(x.node[f]).toLowerCase() : x.node[f],
          typeof y.node[f] === "string" && f === "scheme" ? String(y.node[f]).toLowerCase() : y.node[f],
        ),
    );
    const flowsA = isNode(x.node.flows) ? x.node.flows : {};
    const flowsB = isNode(y.node.flows) ? y.node.flows : {};
    for (const [flow, value] of Object.entries(flowsA)) {
      const other = flowsB[flow];
      if (!isNode(other)) {
        changed.push(`flows.${flow}`);
        continue;
      }
      for (const url of ["tokenUrl", "authorizationUrl", "refreshUrl"]) {
        if (isNode(value) && value[url] !== other[url]) {
          changed.push(`flows.${flow}.${url}`);
        }
      }
    }
    if (changed.length > 0) {
      emit({
        rule: "security-scheme-changed",
        breaks: true,
        bump: "minor",
        message: `Security scheme \`${name}\` changed (${changed.join(", ")}): clients configured from the old definition fail to authenticate.`,
        basePtr: x.ptr,
        headPtr: y.ptr,
      });
    } else if (!sameJson(x.node, y.node)) {
      emit({
        rule: "security-scheme-changed",
        breaks: false,
        bump: "patch",
        message: `Security scheme \`${name}\` changed in its description or scopes' text.`,
        basePtr: x.ptr,
        headPtr: y.ptr,
      });
    }
  }
}
