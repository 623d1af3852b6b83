// What the engine reports while it walks both documents, before changes are merged and weighed.

export type Direction = "request" | "response";

/**
 * Who must accept the values a schema describes. `input`: the API receives them (a request of an
 * operation, the integrator's answer to a webhook), so accepting fewer values breaks clients.
 * `output`: clients receive them (a response, a webhook's payload), so allowing more breaks them.
 */
export type Mode = "input" | "output";

/** How the set of accepted values moved. `both`: some values left and others came in. */
export type Effect = "narrow" | "widen" | "both";

export interface Finding {
  /** Stable rule id (the policy weighs it; fixtures assert it). */
  rule: string;
  /** Whether the change breaks existing clients (before the policy weighs it). */
  breaks: boolean;
  /** The release a change needs when it does not break: minor for behaviour, patch for text. */
  bump: "minor" | "patch";
  message: string;
  /** Where the change is on each side (a removal has no head pointer, an addition no base). */
  basePtr?: string | undefined;
  headPtr?: string | undefined;
  before?: unknown;
  after?: unknown;
  operation: string | null;
  direction?: Direction | undefined;
}

export type Report = (finding: Finding) => void;

/** Whether a change with `effect` breaks clients when the values flow in `mode`. */
export function breaksIn(effect: Effect, mode: Mode): boolean {
  return effect === "both" || (effect === "narrow" ? mode === "input" : mode === "output");
}

/** The consequence of a change, in the words a reviewer needs. */
export function consequence(effect: Effect, mode: Mode): string {
  if (mode === "input") {
    return effect === "widen"
      ? "more values are accepted"
      : effect === "narrow"
        ? "values that were accepted are now refused"
        : "some values that were accepted are now refused";
  }
  return effect === "narrow"
    ? "fewer values can be sent"
    : "clients may receive values they were not promised";
}

export function flip(mode: Mode): Mode {
  return mode === "input" ? "output" : "input";
}

export function show(value: unknown): string {
  const text = JSON.stringify(value) ?? "undefined";
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

export function list(values: readonly unknown[]): string {
  return values.map((v) => (typeof v === "string" ? `'${v}'` : show(v))).join(", ");
}
