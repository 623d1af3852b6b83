// Compares one operation of the base with its pair in the head: parameters, request body,
// responses (status codes, headers, media types), security and servers. Schemas are handed to
// schema-compare.ts with the mode of the message they travel in.
import { breaksIn, type Direction, type Finding, type Mode, type Report, show } from "./findings.js";
import { paramsKept, parseMediaType, rangeCovers, sameType, specializes } from "./media-types.js";
import type { Operation } from "./operations.js";
import { child, isNode, type Node, sameJson } from "./pointer.js";
import { compareSchemas, type SchemaContext } from "./schema-compare.js";
import type { SchemaRef, ViewOptions } from "./schema-view.js";
import { compareSecurity } from "./security.js";
import { compareServers, effectiveServers } from "./servers.js";
import { type At, deref, type Spec } from "./spec.js";

export interface OperationContext {
  base: Spec;
  head: Spec;
  report: Report;
  options: ViewOptions;
  cache: SchemaContext["cache"];
}

/** Header parameters OpenAPI says to ignore: they are described elsewhere. */
const IGNORED_HEADERS = new Set(["accept", "content-type", "authorization"]);
const DOC_KEYS = ["summary", "description", "externalDocs", "tags", "example", "examples", "links"];

export function compareOperation(ctx: OperationContext, a: Operation, b: Operation): void {
  const label = b.label;
  const emit = (finding: Omit<Finding, "operation">): void => ctx.report({ ...finding, operation: label });
  const requestMode: Mode = a.reversed ? "output" : "input";
  const responseMode: Mode = a.reversed ? "input" : "output";
  const schemaCtx = (mode: Mode, message: Direction, omittable = true): SchemaContext => ({
    base: ctx.base,
    head: ctx.head,
    mode,
    message,
    omittable,
    operation: label,
    report: ctx.report,
    options: ctx.options,
    cache: ctx.cache,
  });
  const parts = new Parts(ctx, emit, schemaCtx);

  const opA = a.op.node;
  const opB = b.op.node;
  if (opA.operationId !== opB.operationId) {
    const removed = typeof opA.operationId === "string";
    emit({
      rule: "operation-id-changed",
      breaks: removed,
      bump: "minor",
      message: removed
        ? `operationId changed from ${show(opA.operationId)} to ${show(opB.operationId)}: the typed operations["..."] key and SDK method names change.`
        : `operationId ${show(opB.operationId)} added.`,
      basePtr: child(a.op.ptr, "operationId"),
      headPtr: child(b.op.ptr, "operationId"),
      before: opA.operationId,
      after: opB.operationId,
    });
  }
  if ((opA.deprecated === true) !== (opB.deprecated === true)) {
    emit({
      rule: "operation-deprecated",
      breaks: false,
      bump: opB.deprecated === true ? "minor" : "patch",
      message: opB.deprecated === true ? `${label} is deprecated.` : `${label} is no longer deprecated.`,
      basePtr: a.op.ptr,
      headPtr: b.op.ptr,
      before: opA.deprecated ?? false,
      after: opB.deprecated ?? false,
    });
  }
  parts.docs(a.op, b.op, DOC_KEYS, "operation");
  parts.parameters(a, b, requestMode);
  parts.requestBody(a, b, requestMode);
  parts.responses(a, b, responseMode);
  if (!a.reversed) {
    compareSecurity(ctx, emit, a, b);
  }
  compareServers(emit, effectiveServers(ctx.base, a), effectiveServers(ctx.head, b), label);
}

export type Emit = (finding: Omit<Finding, "operation">) => void;

class Parts {
  constructor(
    private readonly ctx: OperationContext,
    private readonly emit: Emit,
    private readonly schemaCtx: (mode: Mode, message: Direction, omittable?: boolean) => SchemaContext,
  ) {}

  /** Text and examples: documentation only. */
  docs(a: At<Node>, b: At<Node>, keys: readonly string[], what: string): void {
    const extensions = new Set(
      [...Object.keys(a.node), ...Object.keys(b.node)].filter((k) => k.startsWith("x-")),
    );
    for (const key of [...keys, ...extensions]) {
      if (!sameJson(a.node[key], b.node[key])) {
        this.emit({
          rule: key.startsWith("x-") ? "extension-changed" : `${key}-changed`,
          breaks: false,
          bump: "patch",
          message: `\`${key}\` of the ${what} ${a.node[key] === undefined ? "added" : b.node[key] === undefined ? "removed" : "changed"}.`,
          basePtr: child(a.ptr, key),
          headPtr: child(b.ptr, key),
          before: a.node[key],
          after: b.node[key],
        });
      }
    }
  }

  parameters(a: Operation, b: Operation, mode: Mode): void {
    const was = parameterMap(this.ctx.base, a);
    const now = parameterMap(this.ctx.head, b);
    for (const [key, p] of was) {
      const q = now.get(key);
      const name = `${p.in} parameter \`${p.name}\``;
      if (!q) {
        this.emit({
          rule: "parameter-removed",
          breaks: true,
          bump: "minor",
          message: `The ${name} was removed: ${mode === "input" ? "clients that send it are ignored or refused" : "integrators that read it no longer get it"}.`,
          basePtr: p.at.ptr,
          headPtr: b.op.ptr,
          before: p.name,
        });
        continue;
      }
      this.parameter(p, q, name, mode);
    }
    for (const [key, q] of now) {
      if (was.has(key)) {
        continue;
      }
      const required = q.at.node.required === true || q.in === "path";
      const breaks = required && mode === "input";
      this.emit({
        rule: required ? "parameter-became-required" : "parameter-added",
        breaks,
        bump: "minor",
        message: `${required ? "Required" : "Optional"} ${q.in} parameter \`${q.name}\` added${breaks ? ": clients that do not send it are refused" : ""}.`,
        basePtr: a.op.ptr,
        headPtr: q.at.ptr,
        after: q.name,
      });
    }
  }

  private parameter(p: Param, q: Param, name: string, mode: Mode): void {
    const x = p.at.node;
    const y = q.at.node;
    if (p.name !== q.name && p.in === "header") {
      this.emit({
        rule: "header-name-case-changed",
        breaks: false,
        bump: "patch",
        message: `Header parameter \`${p.name}\` is now spelled \`${q.name}\` (header names are case-insensitive).`,
        basePtr: p.at.ptr,
        headPtr: q.at.ptr,
        before: p.name,
        after: q.name,
      });
    } else if (p.name !== q.name) {
      this.emit({
        rule: "path-parameter-renamed",
        breaks: false,
        bump: "patch",
        message: `Path parameter \`${p.name}\` renamed to \`${q.name}\` (the URL does not change; typed path keys do).`,
        basePtr: p.at.ptr,
        headPtr: q.at.ptr,
        before: p.name,
        after: q.name,
      });
    }
    const wasRequired = x.required === true || p.in === "path";
    const isRequired = y.required === true || q.in === "path";
    this.requiredness(
      { rule: "parameter", what: `The ${name}`, base: p.at.ptr, head: q.at.ptr },
      wasRequired,
      isRequired,
      mode,
      {
        required: ": clients that do not send it are refused",
        optional: ": integrators may no longer get it",
      },
    );
    const styleA = serialization(this.ctx.base, p);
    const styleB = serialization(this.ctx.head, q);
    if (styleA.allowReserved !== styleB.allowReserved) {
      // allowReserved: true lets clients send reserved characters unencoded; dropping it narrows.
      const effect = styleA.allowReserved ? "narrow" : "widen";
      this.emit({
        rule: "parameter-serialization-changed",
        breaks: breaksIn(effect, mode),
        bump: "minor",
        message: `\`allowReserved\` of the ${name} ${styleB.allowReserved ? "set" : "removed"}.`,
        basePtr: p.at.ptr,
        headPtr: q.at.ptr,
        before: styleA.allowReserved,
        after: styleB.allowReserved,
      });
    }
    const toArray =
      styleA.style === "form" &&
      styleB.style === "form" &&
      (styleA.explode === "(scalar)") !== (styleB.explode === "(scalar)");
    if (toArray) {
      this.emit({
        rule: "parameter-serialization-changed",
        breaks: false,
        bump: "minor",
        message: `The ${name} ${styleB.explode === "(scalar)" ? "takes one value instead of several" : "takes several values instead of one"} (\`?${q.name}=a&${q.name}=b\`); its schema is compared value by value.`,
        basePtr: p.at.ptr,
        headPtr: q.at.ptr,
      });
    }
    if (!toArray && (styleA.style !== styleB.style || styleA.explode !== styleB.explode)) {
      this.emit({
        rule: "parameter-serialization-changed",
        breaks: true,
        bump: "minor",
        message: `Serialization of the ${name} changed from ${show(styleA)} to ${show(styleB)}: the same value is written differently on the wire.`,
        basePtr: p.at.ptr,
        headPtr: q.at.ptr,
        before: styleA,
        after: styleB,
      });
    }
    if ((x.allowEmptyValue === true) !== (y.allowEmptyValue === true)) {
      const narrow = x.allowEmptyValue === true;
      this.emit({
        rule: "schema-constraint-changed",
        breaks: breaksIn(narrow ? "narrow" : "widen", mode),
        bump: "minor",
        message: `\`allowEmptyValue\` of the ${name} ${narrow ? "removed" : "set"}.`,
        basePtr: p.at.ptr,
        headPtr: q.at.ptr,
      });
    }
    if ((x.deprecated === true) !== (y.deprecated === true)) {
      this.emit({
        rule: "deprecated-changed",
        breaks: false,
        bump: y.deprecated === true ? "minor" : "patch",
        message: `The ${name} is ${y.deprecated === true ? "deprecated" : "no longer deprecated"}.`,
        basePtr: p.at.ptr,
        headPtr: q.at.ptr,
      });
    }
    this.docs(p.at, q.at, ["description", "example", "examples"], name);
    const subject = `${p.in} ${q.name}`;
    if (x.schema !== undefined || y.schema !== undefined) {
      const [was, now] = repeatable(
        { spec: this.ctx.base, at: p.at, style: styleA },
        { spec: this.ctx.head, at: q.at, style: styleB },
      );
      compareSchemas(this.schemaCtx(mode, "request", !(wasRequired && isRequired)), was, now, subject);
    }
    if (isNode(x.content) || isNode(y.content)) {
      this.content(content(p.at), content(q.at), mode, "request", subject);
    }
  }

  requestBody(a: Operation, b: Operation, mode: Mode): void {
    const x = deref(this.ctx.base, a.op.node.requestBody, child(a.op.ptr, "requestBody"));
    const y = deref(this.ctx.head, b.op.node.requestBody, child(b.op.ptr, "requestBody"));
    if (!x && !y) {
      return;
    }
    if (!x || !y) {
      const required = y?.node.required === true;
      const breaks = x !== undefined || (required && mode === "input");
      this.emit({
        rule: x ? "request-body-removed" : required ? "request-body-became-required" : "request-body-added",
        breaks,
        bump: "minor",
        message: x
          ? `The request body was removed: ${mode === "input" ? "clients that send one are ignored or refused" : "integrators no longer get it"}.`
          : `A ${required ? "required" : "optional"} request body was added${breaks ? ": clients that send none are refused" : ""}.`,
        basePtr: x?.ptr ?? a.op.ptr,
        headPtr: y?.ptr ?? b.op.ptr,
      });
      return;
    }
    const wasRequired = x.node.required === true;
    const isRequired = y.node.required === true;
    this.requiredness(
      { rule: "request-body", what: "The request body", base: x.ptr, head: y.ptr },
      wasRequired,
      isRequired,
      mode,
      { required: ": clients that send none are refused", optional: ": integrators may get none" },
    );
    this.docs(x, y, ["description"], "request body");
    this.content(content(x), content(y), mode, "request", "", !(wasRequired && isRequired));
  }

  responses(a: Operation, b: Operation, mode: Mode): void {
    const x = isNode(a.op.node.responses) ? a.op.node.responses : {};
    const y = isNode(b.op.node.responses) ? b.op.node.responses : {};
    const basePtr = child(a.op.ptr, "responses");
    const headPtr = child(b.op.ptr, "responses");
    const matched = new Set<string>();
    for (const status of Object.keys(x)) {
      if (status.startsWith("x-")) {
        continue;
      }
      const same = Object.keys(y).find((s) => s.toUpperCase() === status.toUpperCase());
      const range = same ?? Object.keys(y).find((s) => covers(s, status));
      if (range) {
        matched.add(range);
        if (!same) {
          this.emit({
            rule: "response-status-changed",
            breaks: false,
            bump: "minor",
            message: `Response ${status} is now documented as ${range}.`,
            basePtr: child(basePtr, status),
            headPtr: child(headPtr, range),
            before: status,
            after: range,
          });
        }
        this.response(
          deref(this.ctx.base, x[status], child(basePtr, status)),
          deref(this.ctx.head, y[range], child(headPtr, range)),
          mode,
          status,
        );
        continue;
      }
      // `2XX` now documented as `201` only: the new specific statuses are compared with the range
      // they came from, and the range is still gone for every other code it covered.
      const narrower = Object.keys(y).filter(
        (s) => covers(status, s) && !Object.keys(x).some((k) => k.toUpperCase() === s.toUpperCase()),
      );
      for (const s of narrower) {
        matched.add(s);
        this.response(
          deref(this.ctx.base, x[status], child(basePtr, status)),
          deref(this.ctx.head, y[s], child(headPtr, s)),
          mode,
          s,
        );
      }
      const error = /^[45]|^default$/i.test(status);
      this.emit({
        rule: error ? "error-response-removed" : "response-removed",
        breaks: true,
        bump: "minor",
        message: `Response ${status} was removed: ${mode === "output" ? (error ? "clients that handle this documented failure lose its type" : "clients that expect it get an undocumented answer") : "integrators that answer with it are no longer understood"}.`,
        basePtr: child(basePtr, status),
        headPtr,
        before: status,
      });
    }
    for (const status of Object.keys(y)) {
      if (status.startsWith("x-") || matched.has(status)) {
        continue;
      }
      this.emit({
        rule: "response-added",
        breaks: false,
        bump: "minor",
        message: `Response ${status} was added.`,
        basePtr,
        headPtr: child(headPtr, status),
        after: status,
      });
    }
  }

  private response(x: At<Node> | undefined, y: At<Node> | undefined, mode: Mode, status: string): void {
    if (!x || !y) {
      return;
    }
    this.docs(x, y, ["description", "links"], `${status} response`);
    const headersA = headerMap(x);
    const headersB = headerMap(y);
    for (const [key, h] of headersA) {
      const g = headersB.get(key);
      const name = `response header \`${h.name}\` of ${status}`;
      const hx = deref(this.ctx.base, h.value, h.ptr);
      if (!g) {
        const breaks = mode === "output";
        this.emit({
          rule: "response-header-removed",
          breaks,
          bump: "minor",
          message: `The ${name} was removed${breaks ? ": clients that read it no longer get it" : ""}.`,
          basePtr: h.ptr,
          headPtr: y.ptr,
          before: h.name,
        });
        continue;
      }
      const hy = deref(this.ctx.head, g.value, g.ptr);
      if (!hx || !hy) {
        continue;
      }
      if (h.name !== g.name) {
        this.emit({
          rule: "header-name-case-changed",
          breaks: false,
          bump: "patch",
          message: `The ${name} is now spelled \`${g.name}\` (header names are case-insensitive).`,
          basePtr: h.ptr,
          headPtr: g.ptr,
          before: h.name,
          after: g.name,
        });
      }
      const wasRequired = hx.node.required === true;
      const isRequired = hy.node.required === true;
      this.requiredness(
        { rule: "response-header", what: `The ${name}`, base: hx.ptr, head: hy.ptr },
        wasRequired,
        isRequired,
        mode,
        { required: "", optional: ": clients may no longer get it" },
      );
      if (hx.node.explode !== hy.node.explode && (hx.node.explode === true || hy.node.explode === true)) {
        this.emit({
          rule: "parameter-serialization-changed",
          breaks: true,
          bump: "minor",
          message: `\`explode\` of the ${name} changed: the value is written differently.`,
          basePtr: hx.ptr,
          headPtr: hy.ptr,
          before: hx.node.explode,
          after: hy.node.explode,
        });
      }
      this.docs(hx, hy, ["description", "example", "examples"], name);
      if (hx.node.schema !== undefined || hy.node.schema !== undefined) {
        compareSchemas(
          this.schemaCtx(mode, "response"),
          [{ spec: this.ctx.base, node: hx.node.schema ?? {}, ptr: child(hx.ptr, "schema") }],
          [{ spec: this.ctx.head, node: hy.node.schema ?? {}, ptr: child(hy.ptr, "schema") }],
          `header ${h.name}`,
        );
      }
      if (isNode(hx.node.content) || isNode(hy.node.content)) {
        this.content(content(hx), content(hy), mode, "response", `header ${h.name}`);
      }
    }
    for (const [key, g] of headersB) {
      if (headersA.has(key)) {
        continue;
      }
      const hy = deref(this.ctx.head, g.value, g.ptr);
      const required = hy?.node.required === true;
      const breaks = required && mode === "input";
      this.emit({
        rule: required && mode === "input" ? "response-header-became-required" : "response-header-added",
        breaks,
        bump: "minor",
        message: `Response header \`${g.name}\` of ${status} was added.`,
        basePtr: x.ptr,
        headPtr: g.ptr,
        after: g.name,
      });
    }
    this.content(content(x), content(y), mode, "response", "");
  }

  /**
   * A parameter, request body or response header that became required or optional; `why` says
   * whom it breaks, for each direction it may have gone.
   */
  private requiredness(
    part: { rule: string; what: string; base: string; head: string },
    wasRequired: boolean,
    isRequired: boolean,
    mode: Mode,
    why: { required: string; optional: string },
  ): void {
    if (wasRequired === isRequired) {
      return;
    }
    const breaks = breaksIn(isRequired ? "narrow" : "widen", mode);
    this.emit({
      rule: `${part.rule}-became-${isRequired ? "required" : "optional"}`,
      breaks,
      bump: "minor",
      message: `${part.what} became ${isRequired ? "required" : "optional"}${breaks ? (isRequired ? why.required : why.optional) : ""}.`,
      basePtr: child(part.base, "required"),
      headPtr: child(part.head, "required"),
      before: wasRequired,
      after: isRequired,
    });
  }

  content(x: Content, y: Content, mode: Mode, message: Direction, subject: string, omittable = true): void {
    const was = Object.keys(x.map);
    const now = Object.keys(y.map);
    const used = new Set<string>();
    const where = `${message}${subject ? ` (${subject})` : ""}`;
    for (const key of was) {
      const m = parseMediaType(key);
      const exact = now.filter((k) => sameType(parseMediaType(k), m));
      // A request may go to a wider range (`application/*` takes JSON); a response may only get
      // more specific (`application/problem+json` is still JSON, a charset only adds a promise).
      const covering =
        exact.length > 0
          ? exact
          : mode === "input"
            ? now.filter((k) => rangeCovers(parseMediaType(k), m))
            : now.filter((k) => specializes(m, parseMediaType(k)));
      if (covering.length === 0) {
        this.emit({
          rule: "media-type-removed",
          breaks: true,
          bump: "minor",
          message: `Media type \`${key}\` of the ${where} was removed${mode === "input" ? ": clients that send it are refused" : ": clients that ask for it get something else"}.`,
          basePtr: child(x.ptr, key),
          headPtr: y.ptr,
          before: key,
        });
        continue;
      }
      for (const target of covering) {
        used.add(target);
        if (target !== key) {
          const lost = mode === "output" && !paramsKept(m, parseMediaType(target));
          this.emit({
            rule: "media-type-changed",
            breaks: lost,
            bump: "minor",
            message: `Media type \`${key}\` of the ${where} is now \`${target}\`${lost ? ": a parameter clients relied on was dropped or changed" : ""}.`,
            basePtr: child(x.ptr, key),
            headPtr: child(y.ptr, target),
            before: key,
            after: target,
          });
        }
        this.media(
          { node: isNode(x.map[key]) ? x.map[key] : {}, ptr: child(x.ptr, key) },
          { node: isNode(y.map[target]) ? y.map[target] : {}, ptr: child(y.ptr, target) },
          mode,
          message,
          subject,
          omittable,
        );
      }
    }
    for (const key of now) {
      if (!used.has(key)) {
        this.emit({
          rule: "media-type-added",
          breaks: false,
          bump: "minor",
          message: `Media type \`${key}\` of the ${message} was added.`,
          basePtr: x.ptr,
          headPtr: child(y.ptr, key),
          after: key,
        });
      }
    }
  }

  private media(
    x: At<Node>,
    y: At<Node>,
    mode: Mode,
    message: Direction,
    subject: string,
    omittable: boolean,
  ): void {
    this.docs(x, y, ["example", "examples"], `\`${x.ptr.split("/").pop()?.replace(/~1/g, "/")}\` ${message}`);
    this.encoding(x, y, message);
    if (x.node.schema === undefined && y.node.schema === undefined) {
      return;
    }
    compareSchemas(
      this.schemaCtx(mode, message, omittable),
      [{ spec: this.ctx.base, node: x.node.schema ?? {}, ptr: child(x.ptr, "schema") }],
      [{ spec: this.ctx.head, node: y.node.schema ?? {}, ptr: child(y.ptr, "schema") }],
      subject,
    );
  }

  /** Multipart and form parts: how an existing part is written on the wire must not change. */
  private encoding(x: At<Node>, y: At<Node>, message: Direction): void {
    const was = isNode(x.node.encoding) ? x.node.encoding : {};
    const now = isNode(y.node.encoding) ? y.node.encoding : {};
    for (const part of new Set([...Object.keys(was), ...Object.keys(now)])) {
      const p = isNode(was[part]) ? was[part] : {};
      const q = isNode(now[part]) ? now[part] : {};
      if (sameJson(p, q)) {
        continue;
      }
      const wire = ["contentType", "style", "explode", "allowReserved"].filter((k) => !sameJson(p[k], q[k]));
      const both = part in was && part in now;
      this.emit({
        rule: "media-type-encoding-changed",
        breaks: both && wire.length > 0,
        bump: "minor",
        message: `Encoding of part \`${part}\` of the ${message} body ${both ? `changed${wire.length > 0 ? ` (${wire.join(", ")}): the part is written differently on the wire` : ""}` : part in now ? "added" : "removed"}.`,
        basePtr: child(x.ptr, "encoding", part),
        headPtr: child(y.ptr, "encoding", part),
      });
    }
  }
}

interface Param {
  name: string;
  in: string;
  at: At<Node>;
}

/**
 * The parameters that apply to an operation (path-level ones unless the operation overrides
 * them), keyed by location and name; path parameters by position in the template.
 */
function parameterMap(spec: Spec, op: Operation): Map<string, Param> {
  const out = new Map<string, Param>();
  const lists: [unknown, string][] = [
    [op.item.node.parameters, child(op.item.ptr, "parameters")],
    [op.op.node.parameters, child(op.op.ptr, "parameters")],
  ];
  const positions = [...op.path.matchAll(/\{([^}]*)\}/g)].map((m) => m[1]);
  for (const [listValue, listPtr] of lists) {
    if (!Array.isArray(listValue)) {
      continue;
    }
    listValue.forEach((value, i) => {
      const at = deref(spec, value, child(listPtr, i));
      if (!at || typeof at.node.name !== "string" || typeof at.node.in !== "string") {
        return;
      }
      const name = at.node.name;
      const where = at.node.in;
      if (where === "header" && IGNORED_HEADERS.has(name.toLowerCase())) {
        return;
      }
      const position = positions.indexOf(name);
      const key =
        where === "path" && position >= 0
          ? `path #${position}`
          : `${where} ${where === "header" ? name.toLowerCase() : name}`;
      out.set(key, { name, in: where, at });
    });
  }
  return out;
}

/**
 * style/explode/allowReserved with OpenAPI's defaults filled in, so spelling a default changes
 * nothing; `explode` only matters for arrays and objects, so a scalar's is left out.
 */
function serialization(spec: Spec, p: Param): { style: unknown; explode: unknown; allowReserved: boolean } {
  if (p.at.node.schema === undefined && isNode(p.at.node.content)) {
    // A `content` parameter is written by its media type; style and explode do not apply.
    return { style: "(content)", explode: "(content)", allowReserved: p.at.node.allowReserved === true };
  }
  const style = p.at.node.style ?? (p.in === "query" || p.in === "cookie" ? "form" : "simple");
  const schema = deref(spec, p.at.node.schema, child(p.at.ptr, "schema"));
  const type = schema?.node.type;
  const types = (Array.isArray(type) ? type : [type]).filter((t) => t !== "null");
  const scalar =
    types.length > 0 &&
    types.every((t) => t === "string" || t === "number" || t === "integer" || t === "boolean");
  return {
    style,
    explode: scalar ? "(scalar)" : (p.at.node.explode ?? style === "form"),
    allowReserved: p.at.node.allowReserved === true,
  };
}

/**
 * The schemas to compare for a parameter. An exploded form parameter (`?tag=a&tag=b`) written
 * once is the same on the wire as a scalar: when one side is a scalar and the other an array of
 * such values, the scalar is compared with the array's items (`?tag=a` stays valid).
 */
function repeatable(
  a: { spec: Spec; at: At<Node>; style: { style: unknown; explode: unknown } },
  b: { spec: Spec; at: At<Node>; style: { style: unknown; explode: unknown } },
): [SchemaRef[], SchemaRef[]] {
  const refs = (side: typeof a): SchemaRef[] => [
    { spec: side.spec, node: side.at.node.schema ?? {}, ptr: child(side.at.ptr, "schema") },
  ];
  const items = (side: typeof a): SchemaRef[] | undefined => {
    const schema = deref(side.spec, side.at.node.schema, child(side.at.ptr, "schema"));
    const exploded = side.style.style === "form" && side.style.explode === true;
    return exploded && schema?.node.type === "array" && schema.node.items !== undefined
      ? [{ spec: side.spec, node: schema.node.items, ptr: child(schema.ptr, "items") }]
      : undefined;
  };
  const scalar = (side: typeof a): boolean =>
    side.style.explode === "(scalar)" && side.style.style === "form";
  if (scalar(a) && items(b)) {
    return [refs(a), items(b) as SchemaRef[]];
  }
  if (items(a) && scalar(b)) {
    // Several values are no longer accepted: compare the array with a one-item array of the scalar.
    return [
      refs(a),
      [
        {
          spec: b.spec,
          node: { type: "array", maxItems: 1, items: b.at.node.schema ?? {} },
          ptr: child(b.at.ptr, "schema"),
          synthetic: true,
        },
      ],
    ];
  }
  return [refs(a), refs(b)];
}

interface Content {
  map: Node;
  ptr: string;
}

function content(at: At<Node>): Content {
  return { map: isNode(at.node.content) ? at.node.content : {}, ptr: child(at.ptr, "content") };
}

function headerMap(response: At<Node>): Map<string, { name: string; value: unknown; ptr: string }> {
  const out = new Map<string, { name: string; value: unknown; ptr: string }>();
  const headers = isNode(response.node.headers) ? response.node.headers : {};
  for (const [name, value] of Object.entries(headers)) {
    // Content-Type is described by the content map, not by a header (OpenAPI says to ignore it).
    if (name.toLowerCase() !== "content-type") {
      out.set(name.toLowerCase(), { name, value, ptr: child(response.ptr, "headers", name) });
    }
  }
  return out;
}

/** `2XX` covers `201`; `default` covers nothing specific (it is compared as its own status). */
function covers(range: string, status: string): boolean {
  return /^[1-5]XX$/i.test(range) && /^[1-5]\d\d$/.test(status) && range[0] === status[0];
}
