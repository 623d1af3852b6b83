// The values a schema lists and the string lengths its other keywords imply: what lets the
// comparison see that `maxLength: 17` beside a 16-character pattern, or a `type` beside an enum,
// changes nothing.
import type { Lengths } from "./patterns.js";
import { patternLengths } from "./patterns.js";
import type { SchemaView } from "./schema-view.js";

const valueCache = new WeakMap<SchemaView, unknown[] | undefined>();

/**
 * The values a schema lists (its enum, less the values its other keywords refuse), or the only
 * values its types leave (`null`, `true`, `false`); undefined when it accepts open-ended values.
 */
export function values(view: SchemaView): unknown[] | undefined {
  if (valueCache.has(view)) {
    return valueCache.get(view);
  }
  let out: unknown[] | undefined;
  if (view.enum) {
    out = view.enum.value.filter((v) => admits(view, v));
  } else {
    const types = view.types?.value;
    if (types && types.size > 0 && [...types].every((t) => t === "null" || t === "boolean")) {
      out = [...types].flatMap((t) => (t === "null" ? [null] : [true, false]));
    }
  }
  valueCache.set(view, out);
  return out;
}

function admits(view: SchemaView, value: unknown): boolean {
  if (typeof value === "string") {
    const length = [...value].length;
    if (
      length < (view.minLength?.value ?? 0) ||
      length > (view.maxLength?.value ?? Number.POSITIVE_INFINITY)
    ) {
      return false;
    }
    return view.patterns.every((p) => matches(p.value, value));
  }
  if (typeof value === "number") {
    const low = view.minimum;
    const high = view.maximum;
    return (
      !(low && (value < low.value || (low.exclusive && value === low.value))) &&
      !(high && (value > high.value || (high.exclusive && value === high.value)))
    );
  }
  return true;
}

function matches(pattern: string, value: string): boolean {
  for (const flags of ["u", ""]) {
    try {
      return new RegExp(pattern, flags).test(value);
    } catch {
      // not valid with these flags: try the next
    }
  }
  return true;
}

/** Lengths some formats imply (RFC 3339 `date-time` is at least 20 characters, a `uuid` 36). */
const FORMAT_LENGTHS: Record<string, Lengths> = {
  uuid: { min: 36, max: 36 },
  date: { min: 10, max: 10 },
  "date-time": { min: 20, max: Number.POSITIVE_INFINITY },
  time: { min: 9, max: Number.POSITIVE_INFINITY },
  email: { min: 3, max: Number.POSITIVE_INFINITY },
  uri: { min: 2, max: Number.POSITIVE_INFINITY },
  ipv4: { min: 7, max: 15 },
};

/** The shortest and longest string the other keywords allow (pattern, format, listed values). */
export function impliedLengths(view: SchemaView): Lengths {
  let min = 0;
  let max = Number.POSITIVE_INFINITY;
  const narrow = (l: Lengths | undefined): void => {
    if (l) {
      min = Math.max(min, l.min);
      max = Math.min(max, l.max);
    }
  };
  narrow(patternLengths(view.patterns.map((p) => p.value)));
  for (const format of view.formats) {
    narrow(FORMAT_LENGTHS[format.value]);
  }
  const listed = values(view);
  if (listed && listed.length > 0 && listed.every((v) => typeof v === "string")) {
    const lengths = listed.map((v) => [...(v as string)].length);
    narrow({ min: Math.min(...lengths), max: Math.max(...lengths) });
  }
  return { min, max };
}
