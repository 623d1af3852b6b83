// CORS, so that pages on other origins (the reference's "Try it" console, an integrator's app)
// can call the sandbox with fetch and read its answers. Methods, request headers and exposed
// response headers come from the contract; only `Sandbox-Fault`, the sandbox's own, is added.
import type { CorsFacts } from "./contract.js";
import { FAULT_HEADER } from "./faults.js";

export const ANY_ORIGIN = "*";

// How long a browser may reuse a preflight answer. Long enough that a page's calls skip most
// preflights; short enough that a sandbox restarted with another contract is seen soon
// (Chromium caps it at 7200 s anyway).
const PREFLIGHT_MAX_AGE_SECONDS = 600;

export interface Cors {
  /** Headers every answer carries for a request with this `Origin`; to be appended, not changed. */
  headers(origin: string | undefined): readonly string[];
  /** Headers of the answer to a preflight `OPTIONS`, before those of `headers`. */
  preflight(): string[];
}

export function createCors(facts: CorsFacts, origins: readonly string[] = [ANY_ORIGIN]): Cors {
  for (const origin of origins) {
    if (origin !== ANY_ORIGIN && !isOrigin(origin)) {
      throw new RangeError(
        `corsOrigins: "${origin}" is not an origin; give scheme, host and port as a browser sends them (http://localhost:3000), or ${ANY_ORIGIN} for any`,
      );
    }
  }
  const exposed = facts.responseHeaders.join(", ");
  const faultHeader = FAULT_HEADER.replace(/(^|-)[a-z]/g, (letter) => letter.toUpperCase());
  const preflight = [
    "Access-Control-Allow-Methods",
    facts.methods.join(", "),
    "Access-Control-Allow-Headers",
    [...facts.requestHeaders, faultHeader].join(", "),
    "Access-Control-Max-Age",
    String(PREFLIGHT_MAX_AGE_SECONDS),
  ];
  if (origins.includes(ANY_ORIGIN)) {
    // No credentials (cookies) are involved: a page sends its key in Authorization itself, so
    // `*` is enough and the answer does not vary by origin.
    const any = Object.freeze([
      "Access-Control-Allow-Origin",
      ANY_ORIGIN,
      "Access-Control-Expose-Headers",
      exposed,
    ]);
    return { headers: () => any, preflight: () => [...preflight] };
  }
  const allowed = new Set(origins);
  const refused = Object.freeze(["Vary", "Origin"]);
  return {
    headers: (origin) =>
      origin !== undefined && allowed.has(origin)
        ? ["Access-Control-Allow-Origin", origin, "Access-Control-Expose-Headers", exposed, "Vary", "Origin"]
        : refused,
    preflight: () => [...preflight],
  };
}

function isOrigin(text: string): boolean {
  try {
    return new URL(text).origin === text;
  } catch {
    return false;
  }
}
