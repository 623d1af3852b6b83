/**
 * Namespace of the keys `idempotencyKeyFor` derives: the UUID v5 of the URL
 * `https://api.247calldesk.com/api/v1/voice/calls` in the RFC 9562 URL namespace
 * (6ba7b811-9dad-11d1-80b4-00c04fd430c8). Changing it changes every derived key, so it never will.
 */
export const IDEMPOTENCY_NAMESPACE = "c31323ef-4705-5b3a-98af-73c9251a811a";

/**
 * A deterministic Idempotency-Key (UUID v5, RFC 9562) for a business id such as an appointment
 * or ticket number: a process that restarts and creates the call again sends the same key, so
 * the server replays the first answer instead of dialling twice. Uses Web Crypto only.
 */
export async function idempotencyKeyFor(businessId: string): Promise<string> {
  if (!businessId) {
    // A TypeError, not a CalldeskError: this entry point stays free of the client's code.
    throw new TypeError("businessId must be a non-empty string");
  }
  const bytes = new Uint8Array([
    ...(IDEMPOTENCY_NAMESPACE.replace(/-/g, "").match(/../g) as string[]).map((byte) => +`0x${byte}`),
    ...new TextEncoder().encode(businessId),
  ]);
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-1", bytes));
  // Version 5 in the high nibble of byte 6, the RFC 9562 variant (10xx) in the top bits of byte 8.
  digest[6] = ((digest[6] as number) & 0x0f) | 0x50;
  digest[8] = ((digest[8] as number) & 0x3f) | 0x80;
  return Array.from(digest.subarray(0, 16), (b) => (b + 256).toString(16).slice(1))
    .join("")
    .replace(/(.{8})(.{4})(.{4})(.{4})/, "$1-$2-$3-$4-");
}
