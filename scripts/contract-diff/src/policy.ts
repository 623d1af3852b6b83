// The diff policy lives next to the lint policy in spec/redocly.yaml. `diff:` is Redocly's own
// key (rule id -> impact), so Redocly and this tool read the same numbers; `x-contract-diff:`
// holds what only this tool knows (its extra rule ids and the enums documented as extensible).
// An `x-` key is the one place Redocly's config linter accepts unknown content.
import { readFile } from "node:fs/promises";
import { parse } from "yaml";

export type Impact = "major" | "minor" | "patch" | "off";

/**
 * Redocly 2.77's diff rule ids (all default to major): this tool reports its breaking findings
 * under the same ids, so a `diff:` policy means the same to both tools.
 */
export const DEFAULT_RULES: Readonly<Record<string, Impact>> = {
  "enum-values-added": "major",
  "enum-values-removed": "major",
  "media-type-removed": "major",
  "operation-id-changed": "major",
  "operation-removed": "major",
  "parameter-became-required": "major",
  "parameter-removed": "major",
  "parameter-serialization-changed": "major",
  "path-removed": "major",
  "property-removed": "major",
  "request-body-became-required": "major",
  "request-body-removed": "major",
  "required-properties-added": "major",
  "required-properties-removed": "major",
  "response-header-removed": "major",
  "response-removed": "major",
  "schema-combinator-changed": "major",
  "schema-constraint-changed": "major",
  "schema-type-changed": "major",
  "security-requirement-changed": "major",
  "security-scheme-changed": "major",
  "server-removed": "major",
};

/** Breaking rules Redocly has no id for; they go under `x-contract-diff.rules`. */
export const OWN_RULES: Readonly<Record<string, Impact>> = {
  // A property removed from a closed request object (an open one ignores it: not breaking).
  "request-property-removed": "major",
  // Redocly's `response-removed` does not tell a success from an error status.
  "error-response-removed": "major",
  // The default of an optional request value changed or removed: omitting it means something else.
  "default-changed": "major",
  "server-variable-default-changed": "major",
  // Reversed directions (webhooks, callbacks) and response-side promises.
  "parameter-became-optional": "major",
  "request-body-became-optional": "major",
  "response-header-became-optional": "major",
  "response-header-became-required": "major",
  // A response media type that lost a parameter (charset), a multipart part written differently.
  "media-type-changed": "major",
  "media-type-encoding-changed": "major",
};

export interface Policy {
  /** Impact of each rule when its verdict applies (Redocly rules and this tool's own). */
  rules: Record<string, Impact>;
  /** Component schema names whose enum may gain values in a minor release. */
  extensibleEnums: string[];
  /** Where the policy was read from, or null for the built-in default. */
  source: string | null;
}

const IMPACTS = new Set<string>(["major", "minor", "patch", "off"]);

export class PolicyError extends Error {
  override name = "PolicyError";
}

export function defaultPolicy(): Policy {
  return { rules: { ...DEFAULT_RULES, ...OWN_RULES }, extensibleEnums: [], source: null };
}

/** Reads `diff:` and `x-contract-diff:` from a Redocly config; a missing file or key keeps the defaults. */
export async function loadPolicy(configPath: string): Promise<Policy> {
  let text: string;
  try {
    text = await readFile(configPath, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      return defaultPolicy();
    }
    throw error;
  }
  return parsePolicy(text, configPath);
}

export function parsePolicy(text: string, source: string): Policy {
  const doc = (parse(text) ?? {}) as Record<string, unknown>;
  const policy = defaultPolicy();
  policy.source = source;
  const diff = doc.diff;
  const own = (doc["x-contract-diff"] ?? {}) as Record<string, unknown>;
  readRules(diff, `${source}: diff`, policy.rules, DEFAULT_RULES);
  readRules(own.rules, `${source}: x-contract-diff.rules`, policy.rules, OWN_RULES);
  const enums = own["extensible-enums"];
  if (enums !== undefined) {
    if (!Array.isArray(enums) || enums.some((name) => typeof name !== "string")) {
      throw new PolicyError(`${source}: x-contract-diff.extensible-enums must be a list of schema names`);
    }
    policy.extensibleEnums = enums as string[];
  }
  return policy;
}

function readRules(
  value: unknown,
  where: string,
  into: Record<string, Impact>,
  known: Readonly<Record<string, Impact>>,
): void {
  if (value === undefined || value === null) {
    return;
  }
  if (typeof value !== "object" || Array.isArray(value)) {
    throw new PolicyError(`${where} must map rule ids to major, minor, patch or off`);
  }
  for (const [rule, impact] of Object.entries(value)) {
    if (!(rule in known)) {
      throw new PolicyError(`${where}.${rule}: unknown rule (known: ${Object.keys(known).join(", ")})`);
    }
    if (typeof impact !== "string" || !IMPACTS.has(impact)) {
      throw new PolicyError(
        `${where}.${rule}: impact must be major, minor, patch or off, got ${String(impact)}`,
      );
    }
    into[rule] = impact as Impact;
  }
}
