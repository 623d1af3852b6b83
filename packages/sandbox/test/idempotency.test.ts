import { mkdtempSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadContract } from "../src/contract.js";
import { IdempotencyStore, IN_FLIGHT_RETRY_AFTER_SECONDS } from "../src/idempotency.js";
import { createHandler, STEPS } from "../src/runner.js";
import type { Step } from "../src/step.js";
import {
  type Answer,
  bundle,
  bundlePath,
  callOf,
  callsPathItem,
  listCalls,
  newKey,
  post,
  postRaw,
  problemOf,
  requestDefaults,
  resolved,
  seedBody,
  untilInFlight,
  useSandbox,
} from "./helpers.js";

const maxBodyBytes: number = callsPathItem.post.requestBody["x-max-body-bytes"];

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
  it("replays the stored 201, its body byte for byte, with Idempotent-Replayed: true; one call", async () => {
    const { url } = await useSandbox();
    const key = newKey();
    const first = await postRaw(url, seedBody, { "Idempotency-Key": key });
    const second = await postRaw(url, seedBody, { "Idempotency-Key": key });

    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.text).toBe(first.text);
    expect(first.headers.get("idempotent-replayed")).toBe("false");
    expect(second.headers.get("idempotent-replayed")).toBe("true");
    expect(second.headers.get("location")).toBe(first.headers.get("location"));
    expect(second.headers.get("content-type")).toBe(first.headers.get("content-type"));
    expect(second.headers.get("x-request-id")).not.toBe(first.headers.get("x-request-id"));
    expect(await listCalls(url)).toEqual([JSON.parse(first.text)]);
  });

  it("409 idempotency_key_in_use with Retry-After and every header the contract documents, while the first is in flight", async () => {
    const sandbox = await useSandbox();
    const key = newKey();
    // Held until the sandbox closes below.
    const first = post(sandbox.url, seedBody, { "Idempotency-Key": key, "Sandbox-Fault": "latency=600000" });
    const conflict = await untilInFlight(sandbox.url, key);
    expect(conflict.status).toBe(409);
    expect(problemOf(conflict).code).toBe("idempotency_key_in_use");
    expect(conflict.headers.get("retry-after")).toBe(String(IN_FLIGHT_RETRY_AFTER_SECONDS));
    for (const name of Object.keys(resolved(callsPathItem.post.responses["409"]).headers)) {
      expect(conflict.headers.get(name), name).not.toBeNull();
    }
    // Closing ends the latency: the first request places its call.
    await sandbox.close();
    const placed = await first;
    expect(placed.status).toBe(201);
    expect(placed.headers.get("idempotent-replayed")).toBe("false");
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
      expect(other.headers.get("retry-after")).toBe(String(IN_FLIGHT_RETRY_AFTER_SECONDS));
    }
    expect(await listCalls(url)).toHaveLength(1);
  });

  it("scopes keys to the API key: another key's value is another key", async () => {
    const { url } = await useSandbox();
    const key = newKey();
    const mine = await post(url, seedBody, { "Idempotency-Key": key });
    const theirs = await post(url, seedBody, {
      "Idempotency-Key": key,
      Authorization: "Bearer calldesk_someoneelse",
    });
    expect(theirs.headers.get("idempotent-replayed")).toBe("false");
    expect(theirs.body.call_id).not.toBe(mine.body.call_id);
    const theirsAgain = await post(
      url,
      { ...seedBody, record: false },
      {
        "Idempotency-Key": key,
        Authorization: "Bearer calldesk_thirdparty",
      },
    );
    expect(theirsAgain.status).toBe(201);
    expect((await post(url, seedBody, { "Idempotency-Key": key })).body).toEqual(mine.body);
  });

  it("reset forgets keys", async () => {
    const { url } = await useSandbox();
    const key = newKey();
    await post(url, seedBody, { "Idempotency-Key": key });
    await fetch(`${url}/_sandbox/reset`, { method: "POST" });
    expect((await post(url, { ...seedBody, record: false }, { "Idempotency-Key": key })).status).toBe(201);
  });
});

// "The same body": equal as JSON once every field left out is given its documented default.
const defaulted = Object.keys(requestDefaults);
/** The seed without any field that has a default. */
const bare = Object.fromEntries(Object.entries(seedBody).filter(([name]) => !defaulted.includes(name)));
const withDefaults = { ...bare, ...requestDefaults };
const reversed = (body: Record<string, unknown>) => Object.fromEntries(Object.entries(body).reverse());
/** A valid value of a defaulted field other than its default, from the field's own schema. */
function otherValue(name: string): unknown {
  const schema = resolved(resolved(bundle.components.schemas.CreateCallRequest).properties[name]);
  if (schema.type === "object") {
    return { note: "not the default" };
  }
  const values: unknown[] = schema.enum ?? (schema.type === "boolean" ? [true, false] : []);
  return values.find((value) => value !== requestDefaults[name]);
}

/** On a fresh sandbox, `first` then `second`, both with one new Idempotency-Key. */
async function firstThen(first: unknown, second: unknown) {
  const { url } = await useSandbox();
  const key = newKey();
  const placed = await postRaw(url, first, { "Idempotency-Key": key });
  return { url, key, placed, answer: await postRaw(url, second, { "Idempotency-Key": key }) };
}

describe("the same body", () => {
  it("has documented defaults to apply (voice_changer_uid's behind a $ref)", () => {
    expect(defaulted).toContain("voice_changer_uid");
    expect(defaulted.length).toBeGreaterThan(1);
  });

  const sameBodies: [string, string, string][] = [
    ...defaulted.flatMap((name): [string, string, string][] => [
      [
        `${name} left out, then sent as its default`,
        JSON.stringify(bare),
        JSON.stringify({ ...bare, [name]: requestDefaults[name] }),
      ],
      [
        `${name} sent as its default, then left out`,
        JSON.stringify({ ...bare, [name]: requestDefaults[name] }),
        JSON.stringify(bare),
      ],
    ]),
    ["every default sent, then none", JSON.stringify(withDefaults), JSON.stringify(bare)],
    [
      "keys in another order, at every depth",
      JSON.stringify({ ...withDefaults, metadata: { a: "1", b: "2" } }),
      JSON.stringify(reversed({ ...withDefaults, metadata: reversed({ a: "1", b: "2" }) })),
    ],
    [
      "other white space",
      JSON.stringify(withDefaults),
      JSON.stringify(withDefaults, null, 2).replaceAll("\n", "\r\n\t "),
    ],
    [
      "the same string written with escapes",
      JSON.stringify(withDefaults),
      JSON.stringify(withDefaults).replace(/"\+/, '"\\u002b'),
    ],
  ];

  it.each(sameBodies)(
    "%s: the second replays the first's 201 byte for byte",
    async (_name, first, second) => {
      const { url, placed, answer: replayed } = await firstThen(first, second);
      expect(second).not.toBe(first);
      expect(placed.status).toBe(201);
      expect([replayed.status, replayed.headers.get("idempotent-replayed")]).toEqual([201, "true"]);
      expect(replayed.text).toBe(placed.text);
      expect(await listCalls(url)).toHaveLength(1);
    },
  );

  const otherBodies: [string, Record<string, unknown>, Record<string, unknown>][] = [
    ...defaulted.map((name): [string, Record<string, unknown>, Record<string, unknown>] => [
      `${name} left out, then sent with a value other than its default`,
      bare,
      { ...bare, [name]: otherValue(name) },
    ]),
    ["another destination", seedBody, { ...seedBody, destination: "+14155559877" }],
    ["another metadata value", seedBody, { ...seedBody, metadata: { patient_id: "P-12346" } }],
  ];

  it.each(otherBodies)(
    "%s: 422 idempotency_key_reused, the stored 201 kept",
    async (_name, first, second) => {
      const { url, key, placed, answer: reused } = await firstThen(first, second);
      expect(placed.status).toBe(201);
      expect(reused.status).toBe(422);
      expect(problemOf({ ...reused, body: JSON.parse(reused.text) }).code).toBe("idempotency_key_reused");
      expect((await postRaw(url, first, { "Idempotency-Key": key })).text).toBe(placed.text);
      expect(await listCalls(url)).toHaveLength(1);
    },
  );

  it("follows the contract's defaults: a bundle with another default of record", async () => {
    const changed = structuredClone(bundle);
    const record = changed.components.schemas.CreateCallRequest.properties.record;
    record.default = !record.default;
    const spec = join(mkdtempSync(join(tmpdir(), "sandbox-defaults-")), "openapi.json");
    writeFileSync(spec, JSON.stringify(changed));
    const { url } = await useSandbox({ spec });
    const key = newKey();
    const placed = await post(url, bare, { "Idempotency-Key": key });
    expect(callOf(placed).recording.enabled).toBe(record.default);
    const sentAsNewDefault = await post(url, { ...bare, record: record.default }, { "Idempotency-Key": key });
    expect(sentAsNewDefault.headers.get("idempotent-replayed")).toBe("true");
    const sentAsOldDefault = await post(
      url,
      { ...bare, record: !record.default },
      { "Idempotency-Key": key },
    );
    expect(problemOf(sentAsOldDefault).code).toBe("idempotency_key_reused");
  });
});

describe("what is stored: only the 201 of a request that placed a call", () => {
  // Every answer that can happen after the key was reserved, but the 201.
  const afterReservation: [string, string, number | "reset"][] = [
    ["an injected 500", "status=500", 500],
    ["an injected 502", "status=502", 502],
    ["an injected 503", "status=503", 503],
    ["an injected 503 after a latency", "latency=20, status=503", 503],
    ["a reset before processing", "reset-before", "reset"],
  ];

  it.each(afterReservation)(
    "%s leaves the key free: the same key and body are processed anew",
    async (_name, fault, status) => {
      const { url } = await useSandbox();
      const key = newKey();
      const failed = post(url, seedBody, { "Idempotency-Key": key, "Sandbox-Fault": fault });
      if (status === "reset") {
        await expect(failed).rejects.toThrow();
      } else {
        expect((await failed).status).toBe(status);
      }
      expect(await listCalls(url)).toEqual([]);
      const placed = await postRaw(url, seedBody, { "Idempotency-Key": key });
      expect([placed.status, placed.headers.get("idempotent-replayed")]).toEqual([201, "false"]);
      expect((await postRaw(url, seedBody, { "Idempotency-Key": key })).text).toBe(placed.text);
      expect(await listCalls(url)).toHaveLength(1);
    },
  );

  it("an unexpected error after the key was reserved leaves it free", async () => {
    let failures = 1;
    // The sandbox's own steps, its creation failing once.
    const steps = STEPS.map((step) =>
      step.name === "create"
        ? {
            ...step,
            run: (exchange: Parameters<Step["run"]>[0], state: Parameters<Step["run"]>[1]) => {
              if (failures > 0) {
                failures -= 1;
                throw new Error("creation failed");
              }
              return step.run(exchange, state);
            },
          }
        : step,
    );
    const server = createServer(createHandler(loadContract(bundlePath), {}, steps).handle);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const key = newKey();
      const failed = await post(url, seedBody, { "Idempotency-Key": key });
      expect([failed.status, problemOf(failed).code]).toEqual([500, "internal_error"]);
      const placed = await post(url, seedBody, { "Idempotency-Key": key });
      expect([placed.status, placed.headers.get("idempotent-replayed")]).toEqual([201, "false"]);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it("a reset after the call was placed keeps the key bound to it: the retry gets its 201", async () => {
    const { url } = await useSandbox();
    const key = newKey();
    await expect(
      post(url, seedBody, { "Idempotency-Key": key, "Sandbox-Fault": "reset-after" }),
    ).rejects.toThrow();
    const [call] = await listCalls(url);
    const retry = await post(url, seedBody, { "Idempotency-Key": key });
    expect([retry.status, retry.headers.get("idempotent-replayed")]).toEqual([201, "true"]);
    expect(retry.body).toEqual(call);
  });
});

describe("checks before the idempotency step neither read nor reserve the key", () => {
  const padded = `${JSON.stringify(seedBody).slice(0, -1)}${" ".repeat(maxBodyBytes)}}`;
  // A request refused before its key is looked at: its headers and body on top of the seed's.
  const refused: [string, Record<string, string>, unknown][] = [
    ["400 malformed_json", {}, "{"],
    ["400 invalid_value (a Sandbox-Fault not understood)", { "Sandbox-Fault": "explode" }, seedBody],
    ["401 unauthorized", { Authorization: "Bearer sk_live_nope" }, seedBody],
    ["413 payload_too_large", {}, padded],
    ["415 unsupported_media_type", { "Content-Type": "text/plain" }, seedBody],
    ["422 validation_failed", {}, { ...seedBody, destination: "nope" }],
    ["422 validation_failed (caller ID not verified)", {}, { ...seedBody, caller_id: "+14155550100" }],
    ["429 rate_limited (test number)", {}, { ...seedBody, destination: "+14155550129" }],
  ];
  /** Refused with the status and code the case is named after. */
  async function expectRefused(answer: Promise<Answer>, name: string): Promise<void> {
    const [status, code] = name.split(" ");
    const refusal = await answer;
    expect([refusal.status, problemOf(refusal).code]).toEqual([Number(status), code]);
  }

  it.each(refused)(
    "%s, then the valid body with the same key: the call is placed",
    async (name, headers, body) => {
      const { url } = await useSandbox();
      const key = newKey();
      await expectRefused(post(url, body, { ...headers, "Idempotency-Key": key }), name);
      const placed = await post(url, seedBody, { "Idempotency-Key": key });
      expect([placed.status, placed.headers.get("idempotent-replayed")]).toEqual([201, "false"]);
    },
  );

  it.each(refused)("%s with the key of a placed call: refused as without it", async (name, headers, body) => {
    const { url } = await useSandbox();
    const key = newKey();
    await post(url, seedBody, { "Idempotency-Key": key });
    await expectRefused(post(url, body, { ...headers, "Idempotency-Key": key }), name);
  });

  it.each(refused)("%s with a key in flight: refused as without it", async (name, headers, body) => {
    const { url } = await useSandbox();
    const key = newKey();
    // Held until the sandbox closes after the test.
    void post(url, seedBody, { "Idempotency-Key": key, "Sandbox-Fault": "latency=600000" });
    expect((await untilInFlight(url, key)).status).toBe(409);
    await expectRefused(post(url, body, { ...headers, "Idempotency-Key": key }), name);
  });

  it("429 rate_limited (quota) with the key of a placed call, or of one in flight: refused", async () => {
    const placedKey = await useSandbox({ rateLimit: { limit: 1, windowSeconds: 3600 } });
    const key = newKey();
    expect((await post(placedKey.url, seedBody, { "Idempotency-Key": key })).status).toBe(201);
    expect((await post(placedKey.url, seedBody, { "Idempotency-Key": key })).status).toBe(429);

    const inFlight = await useSandbox({ rateLimit: { limit: 1000, windowSeconds: 3600 } });
    void post(inFlight.url, seedBody, { "Idempotency-Key": key, "Sandbox-Fault": "latency=600000" });
    expect((await untilInFlight(inFlight.url, key)).status).toBe(409);
    let answer = await post(inFlight.url, seedBody, { "Idempotency-Key": key });
    while (answer.status === 409) {
      answer = await post(inFlight.url, seedBody, { "Idempotency-Key": key });
    }
    expect(answer.status).toBe(429);
  });
});
