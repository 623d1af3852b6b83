import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { IDEMPOTENCY_NAMESPACE, idempotencyKeyFor } from "../src/idempotency.js";

// An independent UUID v5 (RFC 9562 section 5.5) on node:crypto, to check the Web Crypto one.
function uuidV5(namespace: string, name: string): string {
  const hash = createHash("sha1")
    .update(Buffer.from(namespace.replace(/-/g, ""), "hex"))
    .update(name, "utf8")
    .digest();
  hash[6] = ((hash[6] as number) & 0x0f) | 0x50;
  hash[8] = ((hash[8] as number) & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const URL_NAMESPACE = "6ba7b811-9dad-11d1-80b4-00c04fd430c8";

describe("IDEMPOTENCY_NAMESPACE", () => {
  it("is the UUID v5 of the calls endpoint URL, as documented", () => {
    expect(IDEMPOTENCY_NAMESPACE).toBe(
      uuidV5(URL_NAMESPACE, "https://api.247calldesk.com/api/v1/voice/calls"),
    );
  });
});

describe("idempotencyKeyFor", () => {
  it.each(["ticket-123", "appointment/42 é", "x".repeat(500), "🙂"])(
    "matches an independent UUID v5 for %j",
    async (id) => {
      expect(await idempotencyKeyFor(id)).toBe(uuidV5(IDEMPOTENCY_NAMESPACE, id));
    },
  );

  it("matches Python's uuid.uuid5 for a fixed id", async () => {
    // python3 -c "import uuid; print(uuid.uuid5(uuid.UUID('c31323ef-4705-5b3a-98af-73c9251a811a'), 'ticket-123'))"
    expect(await idempotencyKeyFor("ticket-123")).toBe("1777cf85-eef0-5d97-b78b-9e1c83a330cc");
  });

  it("is stable across calls and distinct across ids", async () => {
    const [a, b, c] = await Promise.all([
      idempotencyKeyFor("ticket-1"),
      idempotencyKeyFor("ticket-1"),
      idempotencyKeyFor("ticket-2"),
    ]);
    expect(a).toBe(b);
    expect(a).not.toBe(c);
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it("refuses an empty business id", async () => {
    await expect(idempotencyKeyFor("")).rejects.toThrow(/businessId/);
  });
});
