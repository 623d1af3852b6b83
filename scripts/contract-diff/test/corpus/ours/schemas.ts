// Mutations of every component schema of our contract, and of every subschema in it: each enum
// value, bound, required entry, property, default, type, format and `additionalProperties`, plus
// hand-written pattern edits and the copies that split a shared component.
import { child } from "../../../src/pointer.js";
import type { Policy } from "../../../src/policy.js";
import type { Doc } from "../../fixtures/cases.js";
import { type Add, at, breaks, type Effect, SCHEMAS, type Usage, usageName } from "./mutate.js";

/**
 * The lengths our patterns already force. A length bound beside one of them is judged on the
 * values it lets through: a `minLength: 2` under a pattern that needs 3 characters changes nothing.
 */
const PATTERN_LENGTHS: Record<string, [number, number]> = {
  "^\\+[1-9]\\d{1,14}$": [3, 16],
  "^call_[a-z0-9]+$": [6, Number.POSITIVE_INFINITY],
  "^(/([^~/]|~[01])*)+$": [1, Number.POSITIVE_INFINITY],
  "^[A-Za-z0-9_-]+$": [1, Number.POSITIVE_INFINITY],
};
/** The lengths formats force (the engine treats `format` as asserting). */
const FORMAT_LENGTHS: Record<string, [number, number]> = {
  uuid: [36, 36],
  "date-time": [20, Number.POSITIVE_INFINITY],
  uri: [2, Number.POSITIVE_INFINITY],
};

/** The listed values a string schema accepts, or the lengths it accepts when it lists none. */
function lengthSet(node: Doc): { values: unknown[] } | { min: number; max: number } {
  let min: number = node.minLength ?? 0;
  let max: number = node.maxLength ?? Number.POSITIVE_INFINITY;
  if (node.pattern !== undefined && !(node.pattern in PATTERN_LENGTHS)) {
    throw new Error(`add the lengths pattern ${node.pattern} allows to PATTERN_LENGTHS in ours/schemas.ts`);
  }
  for (const bounds of [PATTERN_LENGTHS[node.pattern], FORMAT_LENGTHS[node.format]]) {
    if (bounds) {
      min = Math.max(min, bounds[0]);
      max = Math.min(max, bounds[1]);
    }
  }
  if (Array.isArray(node.enum)) {
    return {
      values: node.enum.filter((v: unknown) => typeof v !== "string" || (v.length >= min && v.length <= max)),
    };
  }
  return { min, max };
}

/** How a change of `minLength`/`maxLength` moves the accepted values, given what else bounds them. */
function lengthEffect(before: Doc, after: Doc): Effect {
  const x = lengthSet(before);
  const y = lengthSet(after);
  let narrow: boolean;
  let widen: boolean;
  if ("values" in x && "values" in y) {
    narrow = x.values.some((v) => !y.values.includes(v));
    widen = y.values.some((v) => !x.values.includes(v));
  } else if ("min" in x && "min" in y) {
    narrow = y.min > x.min || y.max < x.max;
    widen = y.min < x.min || y.max > x.max;
  } else {
    throw new Error("a length edit cannot add or remove an enum");
  }
  return narrow && widen ? "both" : narrow ? "narrow" : widen ? "widen" : "none";
}

/** Every subschema worth mutating: the schema, its properties, items, map values and key names. */
function sites(node: Doc, pointer: string, depth = 0): { node: Doc; pointer: string }[] {
  if (typeof node !== "object" || node === null || depth > 6) {
    return [];
  }
  const nested: [Doc, string][] = Object.entries<Doc>(node.properties ?? {}).map(([name, p]) => [
    p,
    child(pointer, "properties", name),
  ]);
  for (const key of ["items", "additionalProperties", "propertyNames"]) {
    nested.push([node[key], child(pointer, key)]);
  }
  return [{ node, pointer }, ...nested.flatMap(([n, p]) => sites(n, p, depth + 1))];
}

const BOUNDS = [
  "maxLength",
  "minLength",
  "maxItems",
  "minItems",
  "maxProperties",
  "minProperties",
  "maximum",
  "minimum",
];

/** One mutation family per keyword a subschema carries. */
function mutateSite(add: Add, node: Doc, pointer: string, usage: Usage, open: boolean): void {
  const where = usageName(usage);
  const short = pointer.replace(`${SCHEMAS}/`, "");
  const edit =
    (change: (target: Doc) => void) =>
    (doc: Doc): void =>
      change(at(doc, pointer));

  if (Array.isArray(node.enum)) {
    node.enum.forEach((value: unknown, i: number) => {
      add(
        `${short}:enum-remove:${JSON.stringify(value)}`,
        `enum value ${JSON.stringify(value)} removed from ${short}`,
        edit((t) => t.enum.splice(i, 1)),
        breaks("narrow", usage),
        { where },
      );
    });
    add(
      `${short}:enum-add`,
      `enum value "zz_new" added to ${short}`,
      edit((t) => t.enum.push("zz_new")),
      open ? false : breaks("widen", usage),
      open
        ? { where, basis: "README", note: "an open enum (README Policy): clients handle unknown values" }
        : { where },
    );
  }

  for (const keyword of BOUNDS) {
    const value = node[keyword];
    if (typeof value !== "number") {
      continue;
    }
    const isMax = keyword.startsWith("max");
    const variants: [string, number | undefined][] = [
      ["tighten", isMax ? value - 1 : value + 1],
      ["loosen", isMax ? value + 1 : value - 1],
      ["remove", undefined],
    ];
    for (const [how, next] of variants) {
      if (how === "loosen" && !isMax && keyword !== "minimum" && value === 0) {
        continue;
      }
      const set = (t: Doc): void => {
        if (next === undefined) {
          delete t[keyword];
        } else {
          t[keyword] = next;
        }
      };
      let effect: Effect = how === "tighten" ? "narrow" : "widen";
      let note: string | undefined;
      if (keyword === "minLength" || keyword === "maxLength") {
        const after = structuredClone(node);
        set(after);
        effect = lengthEffect(node, after);
        if (effect === "none") {
          note = "redundant: the pattern, format or enum already bounds the length";
        }
      }
      add(
        `${short}:${keyword}-${how}`,
        `${keyword} ${value} ${next === undefined ? "removed" : `-> ${next}`} in ${short}`,
        edit(set),
        breaks(effect, usage),
        note ? { where, note } : { where },
      );
    }
  }

  if (Array.isArray(node.required)) {
    node.required.forEach((name: string, i: number) => {
      add(
        `${short}:required-remove:${name}`,
        `"${name}" no longer required in ${short}`,
        edit((t) => t.required.splice(i, 1)),
        breaks("widen", usage),
        { where },
      );
    });
    for (const name of Object.keys(node.properties ?? {})) {
      if (!node.required.includes(name)) {
        add(
          `${short}:required-add:${name}`,
          `"${name}" became required in ${short}`,
          edit((t) => t.required.push(name)),
          breaks("narrow", usage),
          { where },
        );
      }
    }
  }

  if (node.properties) {
    const closed = node.additionalProperties === false;
    for (const name of Object.keys(node.properties)) {
      const remove = (t: Doc): void => {
        delete t.properties[name];
        if (Array.isArray(t.required)) {
          t.required = t.required.filter((r: string) => r !== name);
          if (t.required.length === 0) {
            delete t.required;
          }
        }
      };
      // README policy: property-removed is major for responses, optional properties too; a
      // request object only refuses what it no longer knows when it is closed.
      add(
        `${short}:property-remove:${name}`,
        `property "${name}" removed from ${short}`,
        edit(remove),
        (usage.request && closed) || usage.response,
        usage.response
          ? {
              where,
              basis: "README",
              note: "README policy: property-removed is major, optional response properties too",
            }
          : {
              where,
              note: closed
                ? "a closed request object (additionalProperties: false)"
                : "an open request object ignores it",
            },
      );
    }
    add(
      `${short}:property-add`,
      `optional property "zz_new" added to ${short}`,
      edit((t) => {
        t.properties.zz_new = { type: "string", maxLength: 10 };
      }),
      false,
      { where, note: "an added optional property is additive (catalogue RB03, RP09)" },
    );
  }

  if ("default" in node) {
    // Our request values with a default (record, voice_changer_uid) are all optional.
    const other =
      typeof node.default === "boolean"
        ? !node.default
        : node.enum
          ? node.enum.find((v: unknown) => v !== node.default)
          : "zz";
    add(
      `${short}:default-change`,
      `default of ${short} changed`,
      edit((t) => {
        t.default = other;
      }),
      usage.request,
      {
        where,
        basis: "README",
        note: "README: the default of an optional request value changed -> breaking",
      },
    );
    add(
      `${short}:default-remove`,
      `default of ${short} removed`,
      edit((t) => delete t.default),
      usage.request,
      {
        where,
        basis: "README",
        note: "README: the default of an optional request value removed -> breaking",
      },
    );
  } else if (node.type === "string" && !node.enum && !node.$ref) {
    add(
      `${short}:default-add`,
      `default added to ${short}`,
      edit((t) => {
        t.default = node.pattern === "^\\+[1-9]\\d{1,14}$" ? "+14155550123" : "zz";
      }),
      false,
      { where, basis: "README", note: "README: a default added documents today's behaviour -> not breaking" },
    );
  }

  if (typeof node.type === "string" && node.type !== "object") {
    const enumRefusesNull = Array.isArray(node.enum) && !node.enum.includes(null);
    add(
      `${short}:type-nullable`,
      `"null" added to the type of ${short}`,
      edit((t) => {
        t.type = [node.type, "null"];
      }),
      enumRefusesNull ? false : breaks("widen", usage),
      enumRefusesNull
        ? {
            where,
            basis: "README",
            bump: "minor",
            note: "the enum does not list null, so JSON Schema still refuses it; only the generated types change (README, How it works 4: a `type` beside an enum is no change)",
          }
        : { where },
    );
    if (node.type === "integer") {
      add(
        `${short}:type-number`,
        `type of ${short} integer -> number`,
        edit((t) => {
          t.type = "number";
        }),
        breaks("widen", usage),
        { where },
      );
    }
  }
  if (Array.isArray(node.type) && node.type.includes("null")) {
    add(
      `${short}:type-not-null`,
      `"null" removed from the type of ${short}`,
      edit((t) => {
        t.type = node.type.filter((type: string) => type !== "null");
      }),
      breaks("narrow", usage),
      { where },
    );
  }

  if (node.format) {
    add(
      `${short}:format-remove`,
      `format ${node.format} removed from ${short}`,
      edit((t) => delete t.format),
      breaks("widen", usage),
      { where },
    );
    // Every uri is a uri-reference; a date is no date-time, nor the reverse.
    const other: Record<string, [string, Effect]> = {
      uri: ["uri-reference", "widen"],
      "uri-reference": ["uri", "narrow"],
      "date-time": ["date", "both"],
    };
    const [format, effect] = other[node.format] ?? [];
    if (format && effect) {
      add(
        `${short}:format-${format}`,
        `format of ${short} ${node.format} -> ${format}`,
        edit((t) => {
          t.format = format;
        }),
        breaks(effect, usage),
        { where },
      );
    }
  }

  if (node.type === "object" && node.properties) {
    if (node.additionalProperties === false) {
      add(
        `${short}:addlprops-open`,
        `additionalProperties: false removed from ${short}`,
        edit((t) => delete t.additionalProperties),
        breaks("widen", usage),
        { where },
      );
    } else if (node.additionalProperties === undefined) {
      add(
        `${short}:addlprops-close`,
        `additionalProperties: false added to ${short}`,
        edit((t) => {
          t.additionalProperties = false;
        }),
        breaks("narrow", usage),
        { where },
      );
    }
  }
}

/** The keyword families above, for every subschema of every component schema. */
export function schemaMutations(add: Add, contract: Doc, usage: Map<string, Usage>, policy: Policy): void {
  for (const [name, schema] of Object.entries<Doc>(contract.components.schemas)) {
    const use = usage.get(name) ?? { request: false, response: false };
    for (const { node, pointer } of sites(schema, child(SCHEMAS, name))) {
      // README Policy: an enum is open when the policy lists its component or it says so itself.
      const open =
        (node === schema && policy.extensibleEnums.includes(name)) || node["x-extensible-enum"] === true;
      mutateSite(add, node, pointer, use, open);
    }
  }
}

/** Tightenings, loosenings and same-language rewrites of our patterns, each with why. */
const PATTERNS: [string, string | null, Effect, string][] = [
  ["E164", "^\\+[1-9]\\d{1,13}$", "narrow", "one digit fewer"],
  ["E164", "^\\+[0-9]\\d{1,14}$", "widen", "leading 0 allowed"],
  ["E164", "^\\+[1-9]\\d{1,15}$", "none", "one digit more, but maxLength 16 already caps it"],
  ["E164", "^\\+[1-9][0-9]{1,14}$", "none", "same language (\\d = [0-9])"],
  ["E164", null, "widen", "pattern removed (minLength/maxLength stay)"],
  ["Call/properties/call_id", "^call_[a-z0-9]{10,}$", "narrow", "at least 10 characters after the prefix"],
  ["Call/properties/call_id", "^call_[a-zA-Z0-9]+$", "widen", "upper case allowed"],
  ["Call/properties/call_id", "^call_[0-9a-z]+$", "none", "same language"],
  ["Call/properties/call_id", null, "widen", "pattern removed"],
  ["FieldError/properties/pointer", "^(/([^~/]|~[01])+)+$", "narrow", "no empty reference tokens"],
  ["FieldError/properties/pointer", "^(/.*)+$", "widen", "any escape"],
  ["FieldError/properties/pointer", null, "widen", "pattern removed"],
  ["Metadata/propertyNames", "^[a-z0-9_-]+$", "narrow", "lower case only"],
  ["Metadata/propertyNames", "^[A-Za-z0-9_.-]+$", "widen", "dots allowed"],
  ["Metadata/propertyNames", "^[\\w-]+$", "none", "same language (\\w = [A-Za-z0-9_])"],
  ["Metadata/propertyNames", null, "widen", "pattern removed (minLength 1 stays)"],
];

export function patternMutations(add: Add, usage: Map<string, Usage>): void {
  for (const [place, pattern, effect, why] of PATTERNS) {
    const use = usage.get(place.split("/")[0] ?? "") ?? { request: false, response: false };
    add(
      `${place}:pattern:${pattern ?? "removed"}`,
      `pattern of ${place} -> ${pattern ?? "(removed)"} (${why})`,
      (doc) => {
        const target = at(doc, `${SCHEMAS}/${place}`);
        if (pattern === null) {
          delete target.pattern;
        } else {
          target.pattern = pattern;
        }
      },
      breaks(effect, use),
      { where: usageName(use), note: effect === "none" ? `no value change: ${why}` : why },
    );
  }
}

/** README "How it works" 5: giving one direction its own copy of a shared component frees the other. */
export function copyMutations(add: Add): void {
  add(
    "copy:E164-request-copy-widened",
    "CreateCallRequest gets its own E164 copy, widened (1..15 digits -> 1..16 with maxLength 17)",
    (d) => {
      d.components.schemas.E164In = {
        ...d.components.schemas.E164,
        pattern: "^\\+[1-9]\\d{1,15}$",
        maxLength: 17,
      };
      for (const p of ["caller_id", "destination"]) {
        d.components.schemas.CreateCallRequest.properties[p].$ref = `${SCHEMAS}/E164In`;
      }
    },
    false,
    {
      where: "request-only copy",
      note: "README 'How it works' 5: giving the request its own copy frees the response",
    },
  );
  add(
    "copy:VoiceChanger-response-copy-gains-value",
    "Call gets its own VoiceChanger copy with a new value",
    (d) => {
      d.components.schemas.VoiceChangerOut = structuredClone(d.components.schemas.VoiceChanger);
      d.components.schemas.VoiceChangerOut.enum.splice(2, 0, "robot");
      d.components.schemas.Call.properties.voice_changer_uid.$ref = `${SCHEMAS}/VoiceChangerOut`;
    },
    true,
    { where: "response-only copy" },
  );
  add(
    "copy:VoiceChanger-request-copy-gains-value",
    "CreateCallRequest gets its own VoiceChanger copy with a new value",
    (d) => {
      d.components.schemas.VoiceChangerIn = structuredClone(d.components.schemas.VoiceChanger);
      d.components.schemas.VoiceChangerIn.enum.splice(2, 0, "robot");
      d.components.schemas.CreateCallRequest.properties.voice_changer_uid = {
        $ref: `${SCHEMAS}/VoiceChangerIn`,
      };
    },
    false,
    { where: "request-only copy" },
  );
}
