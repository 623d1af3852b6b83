import { describe, expect, it } from "vitest";
import { keyId, newCallId, newRequestId, timestamp } from "../src/ids.js";

describe("ids", () => {
  it("makes call ids like the seed's, without repeats", () => {
    const ids = Array.from({ length: 5000 }, newCallId);
    expect(ids.every((id) => /^call_[a-z0-9]{14}$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("makes unique request ids of one length", () => {
    const ids = Array.from({ length: 1000 }, newRequestId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(ids.map((id) => id.length))).toEqual(new Set([24]));
    expect(ids[0]).toMatch(/^req_[0-9a-z]{20}$/);
  });

  it("writes timestamps in RFC 3339 UTC without milliseconds", () => {
    expect(timestamp()).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  });

  it("names a key by a stable hash that does not contain it", () => {
    expect(keyId("calldesk_Secret1")).toBe(keyId("calldesk_Secret1"));
    expect(keyId("calldesk_Secret1")).not.toBe(keyId("calldesk_Secret2"));
    expect(keyId("calldesk_Secret1")).not.toContain("Secret1");
  });
});
