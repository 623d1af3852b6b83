// The correction layer. Redocly reports each change once, with its own verdicts; this module
// re-derives the direction of every change from where the changed node is used (usage.ts) and
// re-judges the schema keywords whose verdict depends on it: a narrower response or a wider
// request breaks no client, the reverse does. It also adds the verdicts Redocly lacks (request
// property removed, error response removed, OAuth URL changed) and applies the policy's impacts.
import type { Policy } from "./policy.js";
import type { Bump, Change, RedoclyChange, RedoclyReport } from "./types.js";
import {
  type Direction,
  lookupUsage,
  operationLabel,
  resolvePointer,
  type UsageIndex,
  unescapePointer,
} from "./usage.js";

type Effect = "narrow" | "widen" | "both" | "none";

interface Verdict {
  rule: string;
  message: string;
}

const UPPER = new Set([
  "maxLength",
  "maxItems",
  "maxProperties",
  "maximum",
  "exclusiveMaximum",
  "maxContains",
]);
const LOWER = new Set([
  "minLength",
  "minItems",
  "minProperties",
  "minimum",
  "exclusiveMinimum",
  "minContains",
]);
const EXACT = new Set(["pattern", "format", "const", "multipleOf", "contentMediaType", "contentEncoding"]);
const CLOSED = new Set(["additionalProperties", "unevaluatedProperties", "unevaluatedItems"]);
/** Keywords whose verdict this layer derives itself (Redocly's verdict is only compared). */
const OWNED = new Set([...UPPER, ...LOWER, ...EXACT, ...CLOSED, "enum", "type", "required", "uniqueItems"]);
const OAUTH_URLS = new Set(["tokenUrl", "authorizationUrl", "refreshUrl"]);
const RANK: Record<Bump, number> = { none: 0, patch: 1, minor: 2, major: 3 };

export interface ClassifyInput {
  report: RedoclyReport;
  baseDoc: unknown;
  headDoc: unknown;
  baseIndex: UsageIndex;
  headIndex: UsageIndex;
  policy: Policy;
}

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

export function classify(input: ClassifyInput): { bump: Bump; changes: Change[] } {
  const changes = input.report.changes.map((change) => classifyOne(change, input));
  const counted = changes.filter((_, i) => !isInfoVersion(input.report.changes[i] as RedoclyChange));
  return { bump: maxBump(counted.map((c) => c.bump)), changes };
}

// Redocly leaves info.version out of `bump`: the document's own version says nothing about the API.
function isInfoVersion(change: RedoclyChange): boolean {
  return change.typeName === "Info" && change.property === "version";
}

function classifyOne(change: RedoclyChange, input: ClassifyInput): Change {
  const usages = [
    lookupUsage(input.baseIndex, change.base?.pointer),
    lookupUsage(input.headIndex, change.revision?.pointer),
  ].filter((u) => u !== undefined);
  const directions = new Set<Direction>(usages.flatMap((u) => [...u.directions]));
  const operations = new Set<string>(usages.flatMap((u) => [...u.operations]));
  if (usages.length === 0) {
    // Not reached from any operation through our walk: fall back to where Redocly met it.
    if (/\/requestBody\/|\/parameters\//.test(change.path)) {
      directions.add("request");
    }
    if (/\/responses\//.test(change.path)) {
      directions.add("response");
    }
  }
  const operation = operationOf(change.path) ?? [...operations][0] ?? null;
  const before = change.base?.value;
  const after = change.revision?.value;
  const redoclyRules = change.verdicts.map((v) => v.ruleId);

  let verdicts: Verdict[];
  let fallback: Exclude<Bump, "none">;
  const owned = ownVerdicts(change, directions, input);
  if (owned) {
    verdicts = owned.verdicts;
    fallback = owned.fallback;
  } else {
    verdicts = change.verdicts.map((v) => ({ rule: renameRule(v.ruleId, change), message: v.message }));
    fallback = change.impact === "major" || isDocumentation(change) ? "patch" : change.impact;
    if (OAUTH_URLS.has(change.property ?? "") && change.kind === "modified" && verdicts.length === 0) {
      verdicts.push({
        rule: "security-scheme-changed",
        message: `\`${change.property}\` of an OAuth flow changed from '${String(before)}' to '${String(after)}'.`,
      });
    }
  }

  // The policy decides how much a verdict weighs; only a major impact counts as breaking.
  let bump: Exclude<Bump, "none"> = fallback;
  let rule = verdicts[0]?.rule ?? ruleName(change);
  let breaking = false;
  for (const verdict of verdicts) {
    const impact = input.policy.rules[verdict.rule] ?? "major";
    if (impact === "off") {
      continue;
    }
    if (RANK[impact] >= RANK[bump]) {
      bump = impact;
      rule = verdict.rule;
    }
    breaking ||= impact === "major";
  }
  const message = verdicts[0]?.message ?? describe(change);
  const result: Change = {
    rule,
    breaking,
    bump,
    operation,
    pointer: change.revision?.pointer ?? change.base?.pointer ?? change.path,
    before,
    after,
    message,
    operations: [...operations].sort(),
    directions: [...directions].sort(),
  };
  const redoclyBreaking = change.impact === "major";
  if (redoclyBreaking !== breaking || (breaking && !redoclyRules.includes(rule))) {
    result.corrected = redoclyBreaking
      ? `Redocly: ${change.verdicts.map((v) => v.ruleId).join(", ")} (major); used in ${describeDirections(directions)}`
      : `Redocly: ${change.impact}, no verdict`;
  }
  return result;
}

const DOC_KEYS = new Set(["description", "summary", "title", "example", "examples", "externalDocs"]);

/** Text, examples and `x-` extensions: Redocly calls an added one minor, but no client sees it. */
function isDocumentation(change: RedoclyChange): boolean {
  const segments = change.path.split("/").map(unescapePointer);
  return (
    DOC_KEYS.has(change.property ?? "") ||
    segments.some((s) => s.startsWith("x-") || s === "examples" || s === "example") ||
    /^X[A-Z]/.test(change.typeName)
  );
}

function renameRule(rule: string, change: RedoclyChange): string {
  // A removed error status loses a documented failure mode; the policy may weigh it apart from a 2xx.
  if (rule === "response-removed") {
    const status = unescapePointer(change.path.split("/").pop() ?? "");
    if (/^[45]|^default$/i.test(status)) {
      return "error-response-removed";
    }
  }
  return rule;
}

function ownVerdicts(
  change: RedoclyChange,
  directions: Set<Direction>,
  input: ClassifyInput,
): { verdicts: Verdict[]; fallback: Exclude<Bump, "none"> } | undefined {
  const request = directions.has("request");
  const response = directions.has("response");
  const before = change.base?.value;
  const after = change.revision?.value;
  const where = subject(change);

  if (change.typeName === "Schema" && change.kind === "modified" && OWNED.has(change.property ?? "")) {
    const property = change.property as string;
    const verdicts: Verdict[] = [];
    if (property === "enum") {
      const was = Array.isArray(before) ? before : undefined;
      const now = Array.isArray(after) ? after : undefined;
      const lost =
        was && now ? was.filter((v) => !now.some((n) => same(n, v))) : now ? ["(unlisted values)"] : [];
      const gained =
        was && now ? now.filter((v) => !was.some((w) => same(w, v))) : was ? ["(any value)"] : [];
      if (lost.length > 0 && request) {
        verdicts.push({
          rule: "enum-values-removed",
          message: `Enum${where} lost values: ${list(lost)} (a request that sends them now fails).`,
        });
      }
      if (gained.length > 0 && response && !isExtensible(change, input)) {
        verdicts.push({
          rule: "enum-values-added",
          message: `Enum${where} gained values: ${list(gained)} (a client may now receive a value it does not know).`,
        });
      }
      return { verdicts, fallback: "minor" };
    }
    if (property === "required") {
      const was = asStrings(before);
      const now = asStrings(after);
      const added = now.filter((n) => !was.includes(n));
      const removed = was.filter((w) => !now.includes(w));
      if (added.length > 0 && request) {
        verdicts.push({
          rule: "required-properties-added",
          message: `Properties${where} became required in the request: ${list(added)}.`,
        });
      }
      if (removed.length > 0 && response) {
        verdicts.push({
          rule: "required-properties-removed",
          message: `Properties${where} are no longer guaranteed in the response: ${list(removed)}.`,
        });
      }
      return { verdicts, fallback: "minor" };
    }
    const effect = keywordEffect(property, before, after);
    const rule = property === "type" ? "schema-type-changed" : "schema-constraint-changed";
    if (breaks(effect, request, response)) {
      verdicts.push({
        rule,
        message: `${describeKeyword(property, before, after, where)} (${effectText(effect, request, response)}).`,
      });
    }
    return { verdicts, fallback: "minor" };
  }

  const last = change.path.split("/");
  const key = last[last.length - 2];
  if (
    change.typeName === "Schema" &&
    (change.kind === "removed" || change.kind === "added") &&
    key === "properties"
  ) {
    const name = unescapePointer(last[last.length - 1] ?? "");
    if (change.kind === "added") {
      return { verdicts: [], fallback: "minor" };
    }
    const verdicts: Verdict[] = [];
    if (response) {
      verdicts.push({
        rule: "property-removed",
        message: `Property \`${name}\`${where} was removed from the response.`,
      });
    }
    if (request) {
      // Redocly only reports this when additionalProperties is false; we always do (see README).
      const rule = change.verdicts.some((v) => v.ruleId === "property-removed")
        ? "property-removed"
        : "request-property-removed";
      verdicts.push({ rule, message: `Property \`${name}\`${where} was removed from the request.` });
    }
    return { verdicts, fallback: "minor" };
  }

  const combinator = ["oneOf", "anyOf", "allOf"].find(
    (k) => k === key || change.typeName === k.replace(/^./, (c) => c.toUpperCase()),
  );
  if (combinator && (change.kind === "removed" || change.kind === "added")) {
    const wholeList = key !== combinator;
    // A branch of oneOf/anyOf widens when added; an allOf member, or a new oneOf/anyOf list, narrows.
    const adds = change.kind === "added";
    const effect: Effect =
      combinator === "allOf" || wholeList ? (adds ? "narrow" : "widen") : adds ? "widen" : "narrow";
    const verdicts: Verdict[] = [];
    if (breaks(effect, request, response)) {
      verdicts.push({
        rule: "schema-combinator-changed",
        message: `\`${combinator}\`${where}: ${wholeList ? "list" : "branch"} ${change.kind} (${effectText(effect, request, response)}).`,
      });
    }
    return { verdicts, fallback: "minor" };
  }
  return undefined;
}

function breaks(effect: Effect, request: boolean, response: boolean): boolean {
  return (
    ((effect === "narrow" || effect === "both") && request) ||
    ((effect === "widen" || effect === "both") && response)
  );
}

function effectText(effect: Effect, request: boolean, response: boolean): string {
  const sides = [request ? "request" : "", response ? "response" : ""].filter(Boolean).join(" and ");
  const what = effect === "narrow" ? "narrower" : effect === "widen" ? "wider" : "different";
  return `${what}; used in the ${sides}`;
}

/** Whether the set of values the schema accepts shrinks, grows, or both, when `property` changes. */
export function keywordEffect(property: string, before: unknown, after: unknown): Effect {
  if (same(before, after)) {
    return "none";
  }
  if (property === "type") {
    const was = asStrings(before);
    const now = asStrings(after);
    const covered = (t: string, set: string[]): boolean =>
      set.length === 0 || set.includes(t) || (t === "integer" && set.includes("number"));
    const narrowed = now.length > 0 && (was.length === 0 || was.some((t) => !covered(t, now)));
    const widened = now.length === 0 || (was.length > 0 && now.some((t) => !covered(t, was)));
    return narrowed && widened ? "both" : narrowed ? "narrow" : widened ? "widen" : "none";
  }
  if (UPPER.has(property) || LOWER.has(property)) {
    const infinity = UPPER.has(property) ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
    const was = typeof before === "number" ? before : infinity;
    const now = typeof after === "number" ? after : infinity;
    const tighter = UPPER.has(property) ? now < was : now > was;
    return now === was ? "none" : tighter ? "narrow" : "widen";
  }
  if (property === "uniqueItems") {
    return after === true ? "narrow" : "widen";
  }
  if (CLOSED.has(property)) {
    // Only `false` closes the object; a schema value is compared keyword by keyword by Redocly.
    if (after === false) {
      return "narrow";
    }
    return before === false ? "widen" : "both";
  }
  // pattern, format, const, multipleOf...: setting one narrows, dropping one widens, changing does both.
  if (before === undefined) {
    return "narrow";
  }
  return after === undefined ? "widen" : "both";
}

function isExtensible(change: RedoclyChange, input: ClassifyInput): boolean {
  const pointer = (change.revision?.pointer ?? "").replace(/\/enum$/, "");
  const node = resolvePointer(input.headDoc, pointer) as Record<string, unknown> | undefined;
  if (node && node["x-extensible-enum"] === true) {
    return true;
  }
  const component = /^#\/components\/schemas\/([^/]+)$/.exec(pointer)?.[1];
  return component !== undefined && input.policy.extensibleEnums.includes(unescapePointer(component));
}

function operationOf(path: string): string | null {
  const match = /^#\/paths\/([^/]+)\/([a-z]+)(?:\/|$)/.exec(path);
  if (!match?.[1] || !match[2]) {
    return null;
  }
  return operationLabel(match[2], unescapePointer(match[1]));
}

function subject(change: RedoclyChange): string {
  const parts = change.path.split("/");
  const props = parts.lastIndexOf("properties");
  if (props >= 0 && props < parts.length - 1) {
    const name = parts[props + 1] ?? "";
    return ` of \`${unescapePointer(name)}\``;
  }
  return "";
}

function ruleName(change: RedoclyChange): string {
  const type = change.typeName.replace(/([a-z0-9])([A-Z])/g, "$1-$2").toLowerCase();
  return change.kind === "modified"
    ? `${type}-${change.property ?? "value"}-changed`
    : `${type}-${change.kind}`;
}

function describe(change: RedoclyChange): string {
  const name = unescapePointer(change.path.split("/").pop() ?? "");
  if (change.kind === "modified") {
    return `${describeKeyword(change.property ?? "value", change.base?.value, change.revision?.value, subject(change))}.`;
  }
  return `${change.typeName} \`${name}\` was ${change.kind}.`;
}

function describeKeyword(property: string, before: unknown, after: unknown, where: string): string {
  if (before === undefined) {
    return `\`${property}\`${where} was set to ${show(after)}`;
  }
  if (after === undefined) {
    return `\`${property}\`${where} was removed (was ${show(before)})`;
  }
  return `\`${property}\`${where} changed from ${show(before)} to ${show(after)}`;
}

function describeDirections(directions: Set<Direction>): string {
  return directions.size === 0 ? "no operation" : [...directions].sort().join(" and ");
}

function show(value: unknown): string {
  const text = JSON.stringify(value) ?? "undefined";
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

function list(values: unknown[]): string {
  return values.map((v) => (typeof v === "string" && v.startsWith("(") ? v : `'${String(v)}'`)).join(", ");
}

function asStrings(value: unknown): string[] {
  if (Array.isArray(value)) {
    return value.filter((v): v is string => typeof v === "string");
  }
  return typeof value === "string" ? [value] : [];
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
