import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { IdempotencyStore } from "../src/idempotency.js";
import { callOf, listCalls, newKey, post, problemOf, seedBody, useSandbox } from "./helpers.js";

const answer = (body: string) => ({ status: 201, body, headers: [] });

describe("IdempotencyStore", () => {
  it("reserves, reports in flight, replays, and rejects another fingerprint", () => {
    const store = new IdempotencyStore();
    expect(store.begin("k", "a")).toEqual({ kind: "reserved" });
    expect(store.begin("k", "a")).toEqual({ kind: "in_flight" });
    expect(store.begin("k", "b")).toEqual({ kind: "mismatch" });
    store.complete("k", answer("1"));
    expect(store.begin("k", "a")).toEqual({ kind: "replay", answer: answer("1") });
    expect(store.begin("k", "b")).toEqual({ kind: "mismatch" });
  });

  it("forgets a released reservation", () => {
    const store = new IdempotencyStore();
    store.begin("k", "a");
    store.release("k");
    expect(store.begin("k", "b")).toEqual({ kind: "reserved" });
  });

  it("keeps answers for the TTL, then forgets them", () => {
    let now = 0;
    const store = new IdempotencyStore({ ttlMs: 1000, now: () => now });
    store.begin("k", "a");
    store.complete("k", answer("1"));
    now = 999;
    expect(store.begin("k", "a").kind).toBe("replay");
    now = 1000;
    expect(store.begin("k", "b")).toEqual({ kind: "reserved" });
  });

  it("keeps at most maxEntries answers, forgetting the oldest, never an in-flight key", () => {
    const store = new IdempotencyStore({ maxEntries: 2 });
    store.begin("in-flight", "x");
    for (const key of ["a", "b", "c"]) {
      store.begin(key, key);
      store.complete(key, answer(key));
    }
    expect(store.size).toBe(3);
    expect(store.begin("a", "a")).toEqual({ kind: "reserved" });
    expect(store.begin("c", "c").kind).toBe("replay");
    expect(store.begin("in-flight", "x")).toEqual({ kind: "in_flight" });
  });

  it("refuses bounds that would not bound anything", () => {
    expect(() => new IdempotencyStore({ maxEntries: 0 })).toThrow(/maxEntries/);
    expect(() => new IdempotencyStore({ ttlMs: 0 })).toThrow(/ttlMs/);
  });
});

describe("Idempotency-Key over HTTP", () => {
  it("replays the stored 201 with Idempotent-Replayed: true and creates one call", async () => {
    const { url } = await useSandbox();
    const key = newKey();
    const first = await post(url, seedBody, { "Idempotency-Key": key });
    // Same body with other key order and an explicit default: the same request.
    const reordered = {
      record: true,
      metadata: seedBody.metadata,
      destination: seedBody.destination,
      caller_id: seedBody.caller_id,
    };
    const second = await post(url, reordered, { "Idempotency-Key": key });

    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body).toEqual(callOf(first));
    expect(first.headers.get("idempotent-replayed")).toBe("false");
    expect(second.headers.get("idempotent-replayed")).toBe("true");
    expect(second.headers.get("location")).toBe(first.headers.get("location"));
    expect(second.headers.get("x-request-id")).not.toBe(first.headers.get("x-request-id"));
    expect(await listCalls(url)).toHaveLength(1);
  });

  it("422 idempotency_key_reused for the same key with a different body", async () => {
    const { url } = await useSandbox();
    const key = newKey();
    await post(url, seedBody, { "Idempotency-Key": key });
    const reused = await post(url, { ...seedBody, record: false }, { "Idempotency-Key": key });
    expect(reused.status).toBe(422);
    expect(problemOf(reused).code).toBe("idempotency_key_reused");
    expect(await listCalls(url)).toHaveLength(1);
  });

  it("409 idempotency_key_in_use while the first request is in flight", async () => {
    const { url } = await useSandbox();
    // The first request holds its key for 500 ms; give it a head start so that it is the one
    // that reserves the key (if the second still wins the race, start over with a new key).
    let key = newKey();
    let first = post(url, seedBody, { "Idempotency-Key": key, "Sandbox-Fault": "latency=500" });
    await sleep(50);
    let conflict = await post(url, seedBody, { "Idempotency-Key": key });
    for (let attempt = 0; attempt < 5 && conflict.status === 201; attempt += 1) {
      await first;
      key = newKey();
      first = post(url, seedBody, { "Idempotency-Key": key, "Sandbox-Fault": "latency=500" });
      await sleep(50 * (attempt + 2));
      conflict = await post(url, seedBody, { "Idempotency-Key": key });
    }
    expect(conflict.status).toBe(409);
    expect(problemOf(conflict).code).toBe("idempotency_key_in_use");
    expect((await first).status).toBe(201);
    expect((await post(url, seedBody, { "Idempotency-Key": key })).headers.get("idempotent-replayed")).toBe(
      "true",
    );
  });

  it("100 concurrent requests with one key create exactly one call", async () => {
    const { url } = await useSandbox();
    const key = newKey();
    const answers = await Promise.all(
      Array.from({ length: 100 }, () =>
        post(url, seedBody, { "Idempotency-Key": key, "Sandbox-Fault": "latency=50" }),
      ),
    );
    const created = answers.filter((a) => a.status === 201);
    expect(created.length).toBeGreaterThanOrEqual(1);
    expect(new Set(created.map((a) => a.body.call_id)).size).toBe(1);
    expect(created.filter((a) => a.headers.get("idempotent-replayed") === "false")).toHaveLength(1);
    for (const other of answers.filter((a) => a.status !== 201)) {
      expect(other.status).toBe(409);
      expect(problemOf(other).code).toBe("idempotency_key_in_use");
    }
    expect(await listCalls(url)).toHaveLength(1);
  });

  it("does not store rejected requests, so they can be corrected and sent again with the key", async () => {
    const { url } = await useSandbox();
    const key = newKey();
    expect((await post(url, { ...seedBody, destination: "nope" }, { "Idempotency-Key": key })).status).toBe(
      422,
    );
    expect((await post(url, "{", { "Idempotency-Key": key })).status).toBe(400);
    const fixed = await post(url, seedBody, { "Idempotency-Key": key });
    expect(fixed.status).toBe(201);
    expect(fixed.headers.get("idempotent-replayed")).toBe("false");
  });

  it("scopes keys to the API key", async () => {
    const { url } = await useSandbox();
    const key = newKey();
    const mine = await post(url, seedBody, { "Idempotency-Key": key });
    const theirs = await post(url, seedBody, {
      "Idempotency-Key": key,
      Authorization: "Bearer calldesk_someoneelse",
    });
    expect(theirs.headers.get("idempotent-replayed")).toBe("false");
    expect(theirs.body.call_id).not.toBe(mine.body.call_id);
  });

  it("reset forgets keys", async () => {
    const { url } = await useSandbox();
    const key = newKey();
    await post(url, seedBody, { "Idempotency-Key": key });
    await fetch(`${url}/_sandbox/reset`, { method: "POST" });
    expect((await post(url, { ...seedBody, record: false }, { "Idempotency-Key": key })).status).toBe(201);
  });
});
