// A canonical text of a parsed JSON value (object keys sorted), used to tell whether a retry
// carries the same body as the request that first used its Idempotency-Key. It writes text
// directly instead of building sorted copies, so keys such as `__proto__` are never assigned.

export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) {
    return `[${value.map(canonicalJson).join(",")}]`;
  }
  if (value !== null && typeof value === "object") {
    const entries = Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
    return `{${entries.join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}
