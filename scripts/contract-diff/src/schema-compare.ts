// Compares what two schemas accept, keyword family by keyword family, and reports each
// difference with the direction it moves the set of accepted values. Whether that breaks depends
// only on who must accept the values (findings.ts `Mode`): the same edit of a shared component is
// compared once for every place each side's own graph uses it.

import {
  allLists,
  describeBranch,
  distribute,
  matchBranches,
  mayOverlap,
  onlyList,
  refsOf,
  resolved,
} from "./alternatives.js";
import {
  breaksIn,
  consequence,
  type Direction,
  type Effect,
  type Finding,
  flip,
  list,
  type Mode,
  type Report,
  show,
} from "./findings.js";
import { comparePatterns, type Lengths } from "./patterns.js";
import { isNode, sameJson } from "./pointer.js";
import {
  type Bound,
  type Located,
  type Open,
  type SchemaRef,
  type SchemaView,
  tighterBound,
  typeFits,
  type ViewOptions,
  viewOf,
} from "./schema-view.js";
import type { Spec } from "./spec.js";
import { impliedLengths, values } from "./values.js";

export interface SchemaContext {
  base: Spec;
  head: Spec;
  mode: Mode;
  /** The HTTP message the schema is part of: readOnly properties never travel in a request. */
  message: Direction;
  operation: string | null;
  report: Report;
  options: ViewOptions;
  /**
   * Whether a client may leave the value out (an optional property or parameter): only then does
   * a `default` decide what the server does.
   */
  omittable: boolean;
  /**
   * Findings of each pair already compared (shared by every operation: a component reached from
   * ten operations is compared once and its findings replayed); "pending" ends a recursion.
   */
  cache: Map<string, Finding[] | "pending">;
}

/** Formats, each with the formats whose values it contains. */
const FORMAT_WIDER: Record<string, string[]> = {
  int64: ["int32"],
  double: ["float"],
  number: ["float", "double", "int32", "int64"],
  "date-time": [],
  uri: ["url"],
  "uri-reference": ["uri", "url"],
  iri: ["uri"],
  "iri-reference": ["iri", "uri", "uri-reference"],
};

export function compareSchemas(
  ctx: SchemaContext,
  base: readonly SchemaRef[],
  head: readonly SchemaRef[],
  subject: string,
): void {
  // Keyed by place, not by the path that led there: a recursive schema meets itself again here.
  const key = `${ctx.mode}|${ctx.message}|${ctx.omittable}|${base.map((r) => r.ptr).join(",")}|${head.map((r) => r.ptr).join(",")}`;
  const cached = ctx.cache.get(key);
  if (cached === "pending") {
    return;
  }
  if (cached) {
    for (const finding of cached) {
      ctx.report({ ...finding, operation: ctx.operation });
    }
    return;
  }
  ctx.cache.set(key, "pending");
  const found: Finding[] = [];
  const a = viewOf(base, ctx.options);
  const b = viewOf(head, ctx.options);
  new Comparison({ ...ctx, report: (f) => found.push(f) }, a, b, subject).run();
  ctx.cache.set(key, found);
  for (const finding of found) {
    ctx.report(finding);
  }
}

/** An empty schema on one side, standing for "no constraint here" against the other side. */
function nothing(spec: Spec, ptr: string): SchemaRef[] {
  return [{ spec, node: {}, ptr, synthetic: true }];
}

class Comparison {
  constructor(
    private readonly ctx: SchemaContext,
    private readonly a: SchemaView,
    private readonly b: SchemaView,
    private readonly subject: string,
  ) {}

  run(): void {
    if (this.alternatives()) {
      return;
    }
    this.never();
    this.types();
    this.enums();
    this.bounds();
    this.counts();
    this.multipleOf();
    this.patterns();
    this.formats();
    this.exact();
    this.arrays();
    this.objects();
    this.contentSchema();
    this.lists();
    this.negation();
    this.conditionals();
    this.defaults();
    this.annotations();
  }

  private of(): string {
    return this.subject ? ` of \`${this.subject}\`` : "";
  }

  /** The path of a part of this schema, for messages: `metadata.key`, `tags[]`... */
  private path(suffix: string): string {
    return `${this.subject}${suffix}`;
  }

  /** Reports a change that moves the accepted values by `effect`. */
  private moved(
    effect: Effect,
    rule: string,
    what: string,
    where: { base?: string | undefined; head?: string | undefined },
    before?: unknown,
    after?: unknown,
  ): void {
    const breaks = breaksIn(effect, this.ctx.mode);
    this.ctx.report({
      rule,
      breaks,
      bump: "minor",
      message: `${what} (${consequence(effect, this.ctx.mode)}).`,
      basePtr: where.base ?? this.a.ptr,
      headPtr: where.head ?? this.b.ptr,
      before,
      after,
      operation: this.ctx.operation,
      direction: this.ctx.message,
    });
  }

  private note(
    rule: string,
    message: string,
    bump: "minor" | "patch",
    basePtr: string,
    headPtr: string,
    before?: unknown,
    after?: unknown,
  ): void {
    this.ctx.report({
      rule,
      breaks: false,
      bump,
      message,
      basePtr,
      headPtr,
      before,
      after,
      operation: this.ctx.operation,
      direction: this.ctx.message,
    });
  }

  private never(): void {
    const { a, b } = this;
    if (!a.never === !b.never) {
      return;
    }
    this.moved(
      a.never ? "widen" : "narrow",
      "schema-type-changed",
      `Schema${this.of()} ${a.never ? "now allows values (was `false`)" : "no longer allows any value"}`,
      { base: a.never?.ptr, head: b.never?.ptr },
    );
  }

  private types(): void {
    const was = this.a.types?.value;
    const now = this.b.types?.value;
    const covered = (t: string, set: Set<string> | undefined): boolean =>
      set === undefined || typeFits(t, set);
    const lost = was ? [...was].filter((t) => !covered(t, now)) : now ? ["(any type)"] : [];
    const gained = now ? [...now].filter((t) => !covered(t, was)) : was ? ["(any type)"] : [];
    if (lost.length === 0 && gained.length === 0) {
      const declared = [this.a.declaredTypes, this.b.declaredTypes];
      if (declared[0] && declared[1] && !sameJson([...declared[0]].sort(), [...declared[1]].sort())) {
        // `type: [string, "null"]` beside an enum without null: the listed values decide.
        this.ctx.report({
          rule: "redundant-constraint-changed",
          breaks: false,
          bump: "minor",
          message: `Declared type${this.of()} changed, but the listed values decide which are accepted (generated types may change).`,
          basePtr: this.a.types?.ptr ?? this.a.ptr,
          headPtr: this.b.types?.ptr ?? this.b.ptr,
          operation: this.ctx.operation,
          direction: this.ctx.message,
        });
      }
      return;
    }
    const effect: Effect =
      lost.length > 0 && gained.length > 0 ? "both" : lost.length > 0 ? "narrow" : "widen";
    const before = this.a.types ? [...this.a.types.value] : undefined;
    const after = this.b.types ? [...this.b.types.value] : undefined;
    const what =
      before === undefined
        ? `Type${this.of()} set to ${list(after ?? [])}`
        : after === undefined
          ? `Type${this.of()} removed (was ${list(before)})`
          : `Type${this.of()} changed from ${list(before)} to ${list(after)}`;
    this.moved(
      effect,
      "schema-type-changed",
      what,
      { base: this.a.types?.ptr, head: this.b.types?.ptr },
      before,
      after,
    );
  }

  private enums(): void {
    this.knownValues();
    const { a, b } = this;
    if ((a.enum || b.enum) && a.extensible !== b.extensible) {
      // The same values, another promise: the generated type gains (or loses) `| (string & {})`.
      this.note(
        "enum-openness-changed",
        `Enum${this.of()} is now ${b.extensible ? "open: new values may appear in later releases" : "closed: no other value will appear"} (x-extensible-enum).`,
        "minor",
        a.enum?.ptr ?? a.ptr,
        b.enum?.ptr ?? b.ptr,
        a.extensible,
        b.extensible,
      );
    }
    const was = values(a);
    const now = values(b);
    if (!was && !now) {
      return;
    }
    const where = { base: a.enum?.ptr, head: b.enum?.ptr };
    if (!was || !now) {
      const effect: Effect = was ? "widen" : "narrow";
      const what = was
        ? `Enum${this.of()} removed (was ${list(was)})`
        : `Enum${this.of()} added: ${list(now ?? [])}`;
      this.openAware(effect, was ? "enum-values-added" : "enum-values-removed", what, where, was, now);
      return;
    }
    const lost = was.filter((v) => !now.some((w) => sameJson(v, w)));
    const gained = now.filter((v) => !was.some((w) => sameJson(v, w)));
    if (lost.length > 0) {
      this.moved(
        "narrow",
        "enum-values-removed",
        `Enum${this.of()} lost values: ${list(lost)}`,
        where,
        was,
        now,
      );
    }
    if (gained.length > 0) {
      this.openAware(
        "widen",
        "enum-values-added",
        `Enum${this.of()} gained values: ${list(gained)}`,
        where,
        was,
        now,
      );
    }
  }

  /** `x-extensible-enum: [...]`: a value dropped from a request breaks; new values never do. */
  private knownValues(): void {
    const was = this.a.knownValues;
    const now = this.b.knownValues;
    if (!was || !now) {
      return;
    }
    const lost = was.value.filter((v) => !now.value.some((w) => sameJson(v, w)));
    const gained = now.value.filter((v) => !was.value.some((w) => sameJson(v, w)));
    if (lost.length > 0) {
      this.moved(
        "narrow",
        "enum-values-removed",
        `Known values${this.of()} (x-extensible-enum) lost ${list(lost)}`,
        { base: was.ptr, head: now.ptr },
        was.value,
        now.value,
      );
    }
    if (gained.length > 0) {
      this.note(
        "enum-values-added",
        `Known values${this.of()} (x-extensible-enum) gained ${list(gained)}; the enum is open, clients handle unknown values.`,
        "minor",
        was.ptr,
        now.ptr,
        was.value,
        now.value,
      );
    }
  }

  /** A new value of an enum documented as open is expected by clients: it does not break them. */
  private openAware(
    effect: Effect,
    rule: string,
    what: string,
    where: { base?: string | undefined; head?: string | undefined },
    before: unknown,
    after: unknown,
  ): void {
    const open = (this.a.extensible || this.b.extensible) && effect === "widen" && this.b.enum !== undefined;
    if (open) {
      this.note(
        rule,
        `${what} (the enum is documented as open: clients handle unknown values).`,
        "minor",
        where.base ?? this.a.ptr,
        where.head ?? this.b.ptr,
        before,
        after,
      );
      return;
    }
    this.moved(effect, rule, what, where, before, after);
  }

  private bounds(): void {
    for (const side of ["minimum", "maximum"] as const) {
      const was = this.a[side];
      const now = this.b[side];
      if (!was && !now) {
        continue;
      }
      if (was && now && was.value === now.value && was.exclusive === now.exclusive) {
        continue;
      }
      const effect: Effect = !now
        ? "widen"
        : !was
          ? "narrow"
          : tighterBound(side, now, was)
            ? "narrow"
            : "widen";
      this.moved(
        effect,
        "schema-constraint-changed",
        `${boundText(side, was)} → ${boundText(side, now)}${this.of()}`,
        { base: was?.ptr, head: now?.ptr },
        was?.value,
        now?.value,
      );
    }
  }

  private counts(): void {
    const pairs = [
      ["minLength", "maxLength"],
      ["minItems", "maxItems"],
      ["minProperties", "maxProperties"],
      ["minContains", "maxContains"],
    ] as const;
    // Building the patterns' automata is costly: only a changed string length needs them.
    let implied: { a: Lengths; b: Lengths } | undefined;
    const enumerated = values(this.a) !== undefined && values(this.b) !== undefined;
    for (const [low, high] of pairs) {
      for (const key of [low, high]) {
        const was = this.a[key];
        const now = this.b[key];
        if (was?.value === now?.value) {
          continue;
        }
        const lower = key === low;
        const neutral = lower ? (key === "minContains" ? 1 : 0) : Number.POSITIVE_INFINITY;
        let before = was?.value ?? neutral;
        let after = now?.value ?? neutral;
        if (key === "minLength" || key === "maxLength") {
          // What the pattern, the format or the listed values already imply is no change.
          const pick = lower ? Math.max : Math.min;
          implied ??= { a: impliedLengths(this.a), b: impliedLengths(this.b) };
          before = pick(before, lower ? implied.a.min : implied.a.max);
          after = pick(after, lower ? implied.b.min : implied.b.max);
          if (enumerated || before === after) {
            this.redundant(key, was, now);
            continue;
          }
        }
        if (before === after) {
          continue;
        }
        const effect: Effect = (lower ? after > before : after < before) ? "narrow" : "widen";
        const what = !was
          ? `\`${key}: ${after}\` added${this.of()}`
          : !now
            ? `\`${key}\` removed${this.of()} (was ${before})`
            : `\`${key}\`${this.of()} changed from ${before} to ${after}`;
        this.moved(
          effect,
          "schema-constraint-changed",
          what,
          { base: was?.ptr, head: now?.ptr },
          was?.value,
          now?.value,
        );
      }
    }
    const was = this.a.uniqueItems?.value === true;
    const now = this.b.uniqueItems?.value === true;
    if (was !== now) {
      this.moved(
        now ? "narrow" : "widen",
        "schema-constraint-changed",
        `\`uniqueItems\`${this.of()} ${now ? "set" : "removed"}`,
        { base: this.a.uniqueItems?.ptr, head: this.b.uniqueItems?.ptr },
        was,
        now,
      );
    }
  }

  /** A keyword edited without changing what is accepted: the other keywords already say it. */
  private redundant(key: string, was: Located<unknown> | undefined, now: Located<unknown> | undefined): void {
    this.note(
      "redundant-constraint-changed",
      `\`${key}\`${this.of()} changed from ${show(was?.value)} to ${show(now?.value)}; the other keywords already decide which values are accepted.`,
      "patch",
      was?.ptr ?? this.a.ptr,
      now?.ptr ?? this.b.ptr,
      was?.value,
      now?.value,
    );
  }

  private multipleOf(): void {
    const was = this.a.multipleOf.map((m) => m.value);
    const now = this.b.multipleOf.map((m) => m.value);
    if (sameJson([...was].sort(), [...now].sort())) {
      return;
    }
    // Every multiple of `outer` is a multiple of `inner` when outer/inner is a whole number.
    const divides = (inner: number, outer: number): boolean => {
      const ratio = outer / inner;
      return Math.abs(ratio - Math.round(ratio)) < 1e-9;
    };
    const headWithin = was.every((w) => now.some((n) => divides(w, n)));
    const baseWithin = now.every((n) => was.some((w) => divides(n, w)));
    if (headWithin && baseWithin) {
      return;
    }
    const effect: Effect = headWithin ? "narrow" : baseWithin ? "widen" : "both";
    this.moved(
      effect,
      "schema-constraint-changed",
      `\`multipleOf\`${this.of()} changed from ${show(was)} to ${show(now)}`,
      { base: this.a.multipleOf[0]?.ptr, head: this.b.multipleOf[0]?.ptr },
      was,
      now,
    );
  }

  private patterns(): void {
    const was = this.a.patterns.map((p) => p.value);
    const now = this.b.patterns.map((p) => p.value);
    if (sameJson(was, now)) {
      return;
    }
    const where = { base: this.a.patterns[0]?.ptr, head: this.b.patterns[0]?.ptr };
    if (values(this.a) !== undefined && values(this.b) !== undefined) {
      this.redundant("pattern", this.a.patterns[0], this.b.patterns[0]);
      return;
    }
    // The patterns are compared together with the length limits beside them: `\d{1,15}` under a
    // `maxLength: 16` accepts what `\d{1,14}` did.
    const lengths = (view: SchemaView): Lengths => ({
      min: view.minLength?.value ?? 0,
      max: view.maxLength?.value ?? Number.POSITIVE_INFINITY,
    });
    const { relation, reason } = comparePatterns(was, now, { base: lengths(this.a), head: lengths(this.b) });
    if (relation === "equal") {
      this.note(
        "pattern-rewritten",
        `Pattern${this.of()} rewritten from ${show(was.join(" & "))} to ${show(now.join(" & "))}; it matches exactly the same strings.`,
        "patch",
        where.base ?? this.a.ptr,
        where.head ?? this.b.ptr,
        was[0],
        now[0],
      );
      return;
    }
    const text =
      was.length === 0
        ? `Pattern ${show(now.join(" & "))} added${this.of()}`
        : now.length === 0
          ? `Pattern ${show(was.join(" & "))} removed${this.of()}`
          : `Pattern${this.of()} changed from ${show(was.join(" & "))} to ${show(now.join(" & "))}`;
    if (relation === "unknown") {
      const why =
        reason === "size"
          ? "their automata are too large to build"
          : "a lookaround or backreference that automata cannot express";
      this.moved(
        "both",
        "schema-constraint-changed",
        `${text}; the two cannot be compared exactly (${why}), so the change counts both ways`,
        where,
        was,
        now,
      );
      return;
    }
    const effect: Effect = relation === "narrower" ? "narrow" : relation === "wider" ? "widen" : "both";
    const how =
      relation === "narrower"
        ? "matches fewer strings"
        : relation === "wider"
          ? "matches more strings"
          : "matches other strings";
    this.moved(
      effect,
      "schema-constraint-changed",
      `${text}: it ${how}`,
      where,
      was.length === 1 ? was[0] : was,
      now.length === 1 ? now[0] : now,
    );
  }

  private formats(): void {
    const was = this.a.formats.map((f) => f.value);
    const now = this.b.formats.map((f) => f.value);
    if (sameJson([...was].sort(), [...now].sort())) {
      return;
    }
    const contains = (outer: string, inner: string): boolean =>
      outer === inner || (FORMAT_WIDER[outer] ?? []).includes(inner);
    // The head accepts fewer values when every base format is implied by some head format.
    const headWithin = was.every((w) => now.some((n) => contains(w, n)));
    const baseWithin = now.every((n) => was.some((w) => contains(n, w)));
    const effect: Effect =
      headWithin && !baseWithin ? "narrow" : baseWithin && !headWithin ? "widen" : "both";
    const what =
      was.length === 0
        ? `Format ${list(now)} added${this.of()}`
        : now.length === 0
          ? `Format ${list(was)} removed${this.of()}`
          : `Format${this.of()} changed from ${list(was)} to ${list(now)}`;
    this.moved(
      effect,
      "schema-constraint-changed",
      what,
      { base: this.a.formats[0]?.ptr, head: this.b.formats[0]?.ptr },
      was[0],
      now[0],
    );
  }

  private exact(): void {
    for (const key of new Set([...this.a.exact.keys(), ...this.b.exact.keys()])) {
      const was = this.a.exact.get(key);
      const now = this.b.exact.get(key);
      if (sameJson(was?.value, now?.value)) {
        continue;
      }
      const effect: Effect = !was ? "narrow" : !now ? "widen" : "both";
      this.moved(
        effect,
        "schema-constraint-changed",
        `\`${key}\`${this.of()} changed from ${show(was?.value)} to ${show(now?.value)}`,
        { base: was?.ptr, head: now?.ptr },
        was?.value,
        now?.value,
      );
    }
  }

  /** Compares a part of this schema (a property, the items...); `omittable` as for this schema. */
  private nested(
    base: readonly SchemaRef[],
    head: readonly SchemaRef[],
    subject: string,
    mode = this.ctx.mode,
    omittable = this.ctx.omittable,
  ): void {
    compareSchemas({ ...this.ctx, mode, omittable }, base, head, subject);
  }

  /** `items`, `additionalProperties`...: compares the open part of an array or object. */
  private open(was: Open, now: Open, subject: string, label: string): void {
    if (was.kind === "any" && now.kind === "any") {
      return;
    }
    if (was.kind === "none" || now.kind === "none") {
      if (was.kind === now.kind) {
        return;
      }
      const closed = now.kind === "none";
      const ptrs = {
        base: was.kind === "none" ? was.ptr : undefined,
        head: now.kind === "none" ? now.ptr : undefined,
      };
      this.moved(
        closed ? "narrow" : "widen",
        "schema-constraint-changed",
        `\`${label}: false\` ${closed ? "set" : "removed"}${this.of()}`,
        ptrs,
        was.kind === "none" ? false : undefined,
        now.kind === "none" ? false : undefined,
      );
      return;
    }
    const base = was.kind === "schemas" ? was.refs : nothing(this.a.spec, this.a.ptr);
    const head = now.kind === "schemas" ? now.refs : nothing(this.b.spec, this.b.ptr);
    this.nested(base, head, subject);
  }

  private arrays(): void {
    const { a, b } = this;
    this.open(a.items, b.items, this.path("[]"), "items");
    const positions = Math.max(a.prefixItems.length, b.prefixItems.length);
    for (let i = 0; i < positions; i++) {
      const was = a.prefixItems[i] ?? nothing(a.spec, a.ptr);
      const now = b.prefixItems[i] ?? nothing(b.spec, b.ptr);
      this.nested(was, now, this.path(`[${i}]`));
    }
    this.presence("contains", a.contains, b.contains, () =>
      this.nested(a.contains, b.contains, this.path(" (contains)")),
    );
  }

  /** Whether a property travels in this message (readOnly ones never in requests...). */
  private travels(refs: readonly SchemaRef[] | undefined): boolean {
    if (!refs) {
      return false;
    }
    const view = viewOf(refs, this.ctx.options);
    return !(this.ctx.message === "request" ? view.readOnly : view.writeOnly);
  }

  private required(view: SchemaView): Map<string, string> {
    const out = new Map<string, string>();
    for (const [name, ptr] of view.required) {
      const refs = view.properties.get(name);
      if (!refs || this.travels(refs)) {
        out.set(name, ptr);
      }
    }
    return out;
  }

  private objects(): void {
    const { a, b, ctx } = this;
    const pathOf = (property: string): string => (this.subject ? `${this.subject}.${property}` : property);
    const nameOf = (property: string): string => `\`${pathOf(property)}\``;
    const removed = new Set<string>();
    for (const name of new Set([...a.properties.keys(), ...b.properties.keys()])) {
      const was = a.properties.get(name);
      const now = b.properties.get(name);
      const wasThere = this.travels(was);
      const isThere = this.travels(now);
      if (wasThere && isThere && was && now) {
        this.nested(was, now, pathOf(name), ctx.mode, !(a.required.has(name) && b.required.has(name)));
        continue;
      }
      if (!wasThere && !isThere) {
        // In neither message (readOnly in a request...): only the generated types see the change.
        if (was && now) {
          compareSchemas(
            { ...ctx, report: (f) => ctx.report({ ...f, breaks: false }) },
            was,
            now,
            pathOf(name),
          );
        } else {
          const why =
            ctx.message === "request" ? "readOnly: never in requests" : "writeOnly: never in responses";
          this.note(
            now ? "property-added" : "property-removed",
            `Property ${nameOf(name)} ${now ? "added" : "removed"} (${why}).`,
            "minor",
            was?.[0]?.ptr ?? a.ptr,
            now?.[0]?.ptr ?? b.ptr,
          );
        }
        continue;
      }
      if (wasThere && !isThere) {
        removed.add(name);
        const why = now ? ` (it became ${ctx.message === "request" ? "readOnly" : "writeOnly"})` : "";
        if (ctx.mode === "output") {
          this.moved(
            "widen",
            "property-removed",
            `Property ${nameOf(name)} was removed from the ${ctx.message}${why}`,
            { base: was?.[0]?.ptr, head: now?.[0]?.ptr ?? b.ptr },
          );
        } else {
          // An open object ignores a property it no longer knows; a closed one refuses it.
          const rejected = b.additionalProperties.kind === "none" || b.unevaluatedProperties.kind === "none";
          this.ctx.report({
            rule: "request-property-removed",
            breaks: rejected,
            bump: "minor",
            message: `Property ${nameOf(name)} was removed from the ${ctx.message}${why}: ${rejected ? "a client that still sends it is refused (the object is closed)" : "a client that still sends it is ignored"}.`,
            basePtr: was?.[0]?.ptr,
            headPtr: now?.[0]?.ptr ?? b.ptr,
            operation: ctx.operation,
            direction: ctx.message,
          });
        }
      } else if (!wasThere && isThere) {
        this.note(
          "property-added",
          `Property ${nameOf(name)} was added to the ${ctx.message}.`,
          "minor",
          was?.[0]?.ptr ?? a.ptr,
          now?.[0]?.ptr ?? b.ptr,
        );
      }
    }
    const wasRequired = this.required(a);
    const isRequired = this.required(b);
    const added = [...isRequired.keys()].filter((n) => !wasRequired.has(n));
    const dropped = [...wasRequired.keys()].filter((n) => !isRequired.has(n) && !removed.has(n));
    if (added.length > 0) {
      const effect: Effect = "narrow";
      const what = `${added.map(nameOf).join(", ")} became required in the ${ctx.message}`;
      const breaks = breaksIn(effect, ctx.mode);
      ctx.report({
        rule: "required-properties-added",
        breaks,
        bump: "minor",
        message: breaks
          ? `${what}: a client that omits ${added.length === 1 ? "it" : "them"} is refused.`
          : `${what}.`,
        basePtr: a.ptr,
        headPtr: isRequired.get(added[0] as string),
        before: [...wasRequired.keys()],
        after: [...isRequired.keys()],
        operation: ctx.operation,
        direction: ctx.message,
      });
    }
    if (dropped.length > 0) {
      const breaks = breaksIn("widen", ctx.mode);
      ctx.report({
        rule: "required-properties-removed",
        breaks,
        bump: "minor",
        message: `${dropped.map(nameOf).join(", ")} ${dropped.length === 1 ? "is" : "are"} no longer required in the ${ctx.message}${breaks ? ": clients may now receive objects without it" : ""}.`,
        basePtr: wasRequired.get(dropped[0] as string),
        headPtr: b.ptr,
        before: [...wasRequired.keys()],
        after: [...isRequired.keys()],
        operation: ctx.operation,
        direction: ctx.message,
      });
    }
    this.open(a.additionalProperties, b.additionalProperties, this.path(".*"), "additionalProperties");
    this.open(a.unevaluatedProperties, b.unevaluatedProperties, this.path(".*"), "unevaluatedProperties");
    this.patternProperties();
    if (a.propertyNames.length > 0 || b.propertyNames.length > 0) {
      this.nested(
        a.propertyNames.length > 0 ? a.propertyNames : nothing(a.spec, a.ptr),
        b.propertyNames.length > 0 ? b.propertyNames : nothing(b.spec, b.ptr),
        this.path(" (property names)"),
      );
    }
    this.dependencies();
  }

  private patternProperties(): void {
    const { a, b } = this;
    for (const pattern of new Set([...a.patternProperties.keys(), ...b.patternProperties.keys()])) {
      const was = a.patternProperties.get(pattern);
      const now = b.patternProperties.get(pattern);
      if (was && now) {
        this.nested(was, now, this.path(`./${pattern}/`));
        continue;
      }
      // On an open object a new pattern constrains matching keys; on a closed one it lets them in.
      const closed = (now ? a : b).additionalProperties.kind === "none";
      const effect: Effect = now ? (closed ? "widen" : "narrow") : closed ? "narrow" : "widen";
      this.moved(
        effect,
        "schema-constraint-changed",
        `\`patternProperties\` ${show(pattern)} ${now ? "added" : "removed"}${this.of()}`,
        { base: was?.[0]?.ptr, head: now?.[0]?.ptr },
      );
    }
  }

  private dependencies(): void {
    const { a, b } = this;
    for (const key of new Set([...a.dependentRequired.keys(), ...b.dependentRequired.keys()])) {
      const was = a.dependentRequired.get(key)?.value ?? [];
      const now = b.dependentRequired.get(key)?.value ?? [];
      const gained = now.filter((n) => !was.includes(n));
      const lost = was.filter((w) => !now.includes(w));
      if (gained.length === 0 && lost.length === 0) {
        continue;
      }
      const effect: Effect =
        gained.length > 0 && lost.length > 0 ? "both" : gained.length > 0 ? "narrow" : "widen";
      this.moved(
        effect,
        "schema-constraint-changed",
        `\`dependentRequired\` of \`${key}\`${this.of()} changed from ${show(was)} to ${show(now)}`,
        { base: a.dependentRequired.get(key)?.ptr, head: b.dependentRequired.get(key)?.ptr },
        was,
        now,
      );
    }
    for (const key of new Set([...a.dependentSchemas.keys(), ...b.dependentSchemas.keys()])) {
      const was = a.dependentSchemas.get(key);
      const now = b.dependentSchemas.get(key);
      if (was && now) {
        this.nested(was, now, this.path(` (when ${key} is present)`));
      } else {
        this.moved(
          now ? "narrow" : "widen",
          "schema-constraint-changed",
          `\`dependentSchemas\` of \`${key}\` ${now ? "added" : "removed"}${this.of()}`,
          { base: was?.[0]?.ptr, head: now?.[0]?.ptr },
        );
      }
    }
  }

  /**
   * `anyOf`/`oneOf`: a schema with one list of alternatives accepts what any branch accepts
   * together with the keywords around the list, so each side becomes its list of such branches (a
   * schema without a list is one branch) and branches are compared pairwise. Keywords moved into
   * or out of the branches then change nothing. Returns false when a side has several lists.
   */
  private alternatives(): boolean {
    const x = onlyList(this.a);
    const y = onlyList(this.b);
    if (x === "many" || y === "many" || (!x && !y)) {
      return false;
    }
    if (x && y && x.kind !== y.kind) {
      // oneOf also refuses a value that matches two branches; anyOf does not.
      this.moved(
        x.kind === "oneOf" ? "widen" : "narrow",
        "schema-combinator-changed",
        `\`${x.kind}\`${this.of()} became \`${y.kind}\``,
        { base: x.list.ptr, head: y.list.ptr },
      );
    }
    const was = x ? distribute(this.a, x.list.value) : [refsOf(this.a)];
    const now = y ? distribute(this.b, y.list.value) : [refsOf(this.b)];
    const pairs = matchBranches(was, now, this.ctx.options);
    for (const [i, j] of pairs) {
      this.nested(was[i] as SchemaRef[], now[j] as SchemaRef[], this.subject);
    }
    const kind = (y ?? x)?.kind ?? "anyOf";
    was.forEach((branch, i) => {
      if (!pairs.some(([k]) => k === i)) {
        this.moved(
          "narrow",
          "schema-combinator-changed",
          `\`${kind}\` alternative ${describeBranch(branch, this.ctx.options)}${this.of()} removed`,
          { base: branch[branch.length - 1]?.ptr, head: y?.list.ptr },
        );
      }
    });
    now.forEach((branch, j) => {
      if (pairs.some(([, k]) => k === j)) {
        return;
      }
      this.moved(
        "widen",
        "schema-combinator-changed",
        `\`${kind}\` alternative ${describeBranch(branch, this.ctx.options)}${this.of()} added`,
        { base: x?.list.ptr, head: branch[branch.length - 1]?.ptr },
      );
      // A value of an old branch that also matches the new one now matches two: oneOf refuses it.
      const clash =
        y?.kind === "oneOf" &&
        pairs.some(([, k]) =>
          mayOverlap(
            viewOf(now[k] as SchemaRef[], this.ctx.options),
            viewOf(branch, this.ctx.options),
            this.ctx.options,
          ),
        );
      if (clash) {
        this.moved(
          "narrow",
          "schema-combinator-changed",
          `\`oneOf\` alternative ${describeBranch(branch, this.ctx.options)}${this.of()} overlaps an existing one: a value that matched one alternative may now match two, which oneOf refuses`,
          { base: x?.list.ptr, head: branch[branch.length - 1]?.ptr },
        );
      }
    });
    this.discriminator();
    return true;
  }

  /** Several `anyOf`/`oneOf` lists on a side (through allOf): compared list by list, in order. */
  private lists(): void {
    const was = allLists(this.a);
    const now = allLists(this.b);
    for (let i = 0; i < Math.max(was.length, now.length); i++) {
      const x = was[i];
      const y = now[i];
      if (x && y) {
        const pairs = matchBranches(
          x.list.value.map((r) => [r]),
          y.list.value.map((r) => [r]),
          this.ctx.options,
        );
        for (const [p, q] of pairs) {
          this.nested([x.list.value[p] as SchemaRef], [y.list.value[q] as SchemaRef], this.subject);
        }
        const removed = x.list.value.length - pairs.length;
        const added = y.list.value.length - pairs.length;
        if (removed > 0 || added > 0) {
          this.moved(
            removed > 0 && added > 0 ? "both" : removed > 0 ? "narrow" : "widen",
            "schema-combinator-changed",
            `\`${y.kind}\`${this.of()}: ${removed} alternative(s) removed, ${added} added`,
            { base: x.list.ptr, head: y.list.ptr },
          );
        }
      } else {
        const added = y !== undefined;
        this.moved(
          added ? "narrow" : "widen",
          "schema-combinator-changed",
          `\`${(x ?? y)?.kind}\` ${added ? "added" : "removed"}${this.of()}`,
          { base: x?.list.ptr, head: y?.list.ptr },
        );
      }
    }
    this.discriminator();
  }

  private contentSchema(): void {
    const { a, b } = this;
    this.presence("contentSchema", a.contentSchema, b.contentSchema, () =>
      this.nested(a.contentSchema, b.contentSchema, this.path(" (content)")),
    );
  }

  /** A keyword holding a schema: compared when on both sides, else added (narrows) or removed. */
  private presence(
    key: string,
    was: readonly SchemaRef[],
    now: readonly SchemaRef[],
    compare: () => void,
  ): void {
    if (was.length > 0 && now.length > 0) {
      compare();
    } else if (was.length > 0 || now.length > 0) {
      const added = now.length > 0;
      this.moved(
        added ? "narrow" : "widen",
        "schema-constraint-changed",
        `\`${key}\` ${added ? "added" : "removed"}${this.of()}`,
        { base: was[0]?.ptr, head: now[0]?.ptr },
      );
    }
  }

  private discriminator(): void {
    const copy = (d: SchemaView["discriminator"]) =>
      d ? { ...d.value, mapping: { ...d.value.mapping } } : undefined;
    const was = copy(this.a.discriminator);
    const now = copy(this.b.discriminator);
    if (!was || !now || sameJson(was, now)) {
      if (!was !== !now) {
        this.note(
          "discriminator-changed",
          `Discriminator${this.of()} ${now ? "added" : "removed"}.`,
          "minor",
          this.a.discriminator?.ptr ?? this.a.ptr,
          this.b.discriminator?.ptr ?? this.b.ptr,
        );
      }
      return;
    }
    const where = { base: this.a.discriminator?.ptr, head: this.b.discriminator?.ptr };
    if (was.propertyName !== now.propertyName) {
      this.moved(
        "both",
        "schema-combinator-changed",
        `Discriminator property${this.of()} changed from ${show(was.propertyName)} to ${show(now.propertyName)}`,
        where,
        was.propertyName,
        now.propertyName,
      );
      return;
    }
    const target = (ref: string | undefined): string | undefined => ref?.replace(/^.*\//, "");
    // Without a mapping entry, a branch that is a $ref is named by its component.
    const implicit = (view: SchemaView, mapping: Record<string, string>): Record<string, string> => {
      const out: Record<string, string> = {};
      const mapped = new Set(Object.values(mapping).map(target));
      for (const list of [...view.oneOf, ...view.anyOf]) {
        for (const branch of list.value) {
          const ref =
            isNode(branch.node) && typeof branch.node.$ref === "string" ? branch.node.$ref : undefined;
          const name = target(ref);
          if (ref && name && !mapped.has(name)) {
            out[name] = ref;
          }
        }
      }
      return { ...out, ...mapping };
    };
    was.mapping = implicit(this.a, was.mapping);
    now.mapping = implicit(this.b, now.mapping);
    const lost = Object.keys(was.mapping).filter((k) => !(k in now.mapping));
    const gained = Object.keys(now.mapping).filter((k) => !(k in was.mapping));
    const moved = Object.keys(was.mapping).filter(
      (k) => k in now.mapping && target(was.mapping[k]) !== target(now.mapping[k]),
    );
    if (lost.length > 0) {
      this.moved(
        "narrow",
        "schema-combinator-changed",
        `Discriminator values${this.of()} removed: ${list(lost)}`,
        where,
      );
    }
    if (gained.length > 0) {
      this.moved(
        "widen",
        "schema-combinator-changed",
        `Discriminator values${this.of()} added: ${list(gained)}`,
        where,
      );
    }
    if (moved.length > 0) {
      this.moved(
        "both",
        "schema-combinator-changed",
        `Discriminator values${this.of()} now map to other schemas: ${list(moved)}`,
        where,
      );
    }
  }

  private negation(): void {
    const { a, b } = this;
    // A value passes `not: X` when it fails X: a narrower X lets more values through.
    this.presence("not", a.not, b.not, () =>
      this.nested(a.not, b.not, this.path(" (not)"), flip(this.ctx.mode)),
    );
  }

  private conditionals(): void {
    // A lone `if` constrains nothing: only conditionals with a `then` or an `else` count.
    const effective = (view: SchemaView): SchemaView["conditionals"] =>
      view.conditionals.filter((c) => c.whenTrue || c.whenFalse);
    const was = effective(this.a);
    const now = effective(this.b);
    const { a, b } = this;
    const count = Math.max(was.length, now.length);
    for (let i = 0; i < count; i++) {
      const x = was[i];
      const y = now[i];
      if (!x || !y) {
        const added = y !== undefined;
        this.moved(
          added ? "narrow" : "widen",
          "schema-constraint-changed",
          `\`if\`/\`then\`/\`else\` ${added ? "added" : "removed"}${this.of()}`,
          { base: x?.ptr, head: y?.ptr },
        );
        continue;
      }
      if (!sameJson(resolved(x.if, this.ctx.options), resolved(y.if, this.ctx.options))) {
        this.moved("both", "schema-constraint-changed", `The \`if\` condition${this.of()} changed`, {
          base: x.ptr,
          head: y.ptr,
        });
        continue;
      }
      for (const [branch, key] of [
        ["then", "whenTrue"],
        ["else", "whenFalse"],
      ] as const) {
        const p = x[key];
        const q = y[key];
        if (p || q) {
          this.nested(
            p ? [p] : nothing(a.spec, x.ptr),
            q ? [q] : nothing(b.spec, y.ptr),
            this.path(` (${branch})`),
          );
        }
      }
    }
  }

  private defaults(): void {
    const was = this.a.default;
    const now = this.b.default;
    if (sameJson(was?.value, now?.value)) {
      return;
    }
    if (was && this.ctx.mode === "input" && this.ctx.omittable) {
      // A client that omits the value gets another behaviour (or none promised): see the README.
      this.ctx.report({
        rule: "default-changed",
        breaks: true,
        bump: "minor",
        message: now
          ? `Default${this.of()} changed from ${show(was.value)} to ${show(now.value)}: a client that omits it gets another behaviour.`
          : `Default${this.of()} removed (was ${show(was.value)}): a client that omits it no longer gets a promised behaviour.`,
        basePtr: was.ptr,
        headPtr: now?.ptr ?? this.b.ptr,
        before: was.value,
        after: now?.value,
        operation: this.ctx.operation,
        direction: this.ctx.message,
      });
      return;
    }
    const what = !was
      ? `Default${this.of()} set to ${show(now?.value)}`
      : !now
        ? `Default${this.of()} removed (was ${show(was.value)})`
        : `Default${this.of()} changed from ${show(was.value)} to ${show(now.value)}`;
    this.note(
      "default-changed",
      `${what}.`,
      "minor",
      was?.ptr ?? this.a.ptr,
      now?.ptr ?? this.b.ptr,
      was?.value,
      now?.value,
    );
  }

  private annotations(): void {
    const { a, b } = this;
    if (a.deprecated !== b.deprecated) {
      this.note(
        "deprecated-changed",
        `Schema${this.of()} ${b.deprecated ? "deprecated" : "no longer deprecated"}.`,
        b.deprecated ? "minor" : "patch",
        a.ptr,
        b.ptr,
        a.deprecated,
        b.deprecated,
      );
    }
    for (const [map, bump] of [
      ["annotations", "patch"],
      ["unknown", "minor"],
    ] as const) {
      const x = a[map];
      const y = b[map];
      for (const key of new Set([...x.keys(), ...y.keys()])) {
        const was = x.get(key);
        const now = y.get(key);
        if (
          sameJson(
            was?.map((v) => v.value),
            now?.map((v) => v.value),
          )
        ) {
          continue;
        }
        const before = was?.[0]?.value;
        const after = now?.[0]?.value;
        const what = !was ? "added" : !now ? "removed" : "changed";
        // Text values are quoted: the new one when added, the old one when removed, both when changed.
        const values =
          typeof before !== "string" && typeof after !== "string"
            ? ""
            : !was
              ? `: ${show(after)}`
              : !now
                ? `: ${show(before)}`
                : `: ${show(before)} → ${show(after)}`;
        this.note(
          `${key.startsWith("x-") ? "extension" : key.replace(/^\$/, "")}-changed`,
          `\`${key}\`${this.of()} ${what}${values}.`,
          bump,
          was?.[0]?.ptr ?? a.ptr,
          now?.[0]?.ptr ?? b.ptr,
          before,
          after,
        );
      }
    }
  }
}

function boundText(side: "minimum" | "maximum", bound: Bound | undefined): string {
  if (!bound) {
    return `no ${side}`;
  }
  const sign = side === "minimum" ? (bound.exclusive ? ">" : "≥") : bound.exclusive ? "<" : "≤";
  return `${sign} ${bound.value}`;
}
