import { describe, expect, it } from "vitest";
import { parseFaultHeader, resolveFaults } from "../src/faults.js";
import { listCalls, newKey, post, problemOf, seedBody, useSandbox } from "./helpers.js";

describe("parseFaultHeader", () => {
  it("reads each fault and combinations", () => {
    expect(parseFaultHeader("latency=200, reset-after")).toEqual({ latencyMs: 200, resetAfter: true });
    expect(parseFaultHeader("status=503")).toEqual({ status: 503 });
    expect(parseFaultHeader("reset-before")).toEqual({ resetBefore: true });
  });

  it.each(["latency=-1", "latency=abc", "status=404", "reset-now", "reset-before=1"])(
    "rejects %s",
    (value) => {
      expect(() => parseFaultHeader(value)).toThrow(/Sandbox-Fault/);
    },
  );
});

describe("resolveFaults", () => {
  it("draws the server's rates and lets the header win", () => {
    const always = { status: 502 as const, resetAfterRate: 1, latencyMs: 5, random: () => 0.5 };
    expect(resolveFaults({}, always)).toEqual({
      latencyMs: 5,
      status: 502,
      resetBefore: false,
      resetAfter: true,
    });
    expect(resolveFaults({ status: 500, resetAfter: false, latencyMs: 1 }, always)).toEqual({
      latencyMs: 6,
      status: 500,
      resetBefore: false,
      resetAfter: false,
    });
    expect(resolveFaults({}, { status: 503, statusRate: 0.4, random: () => 0.5 })).toEqual({
      latencyMs: 0,
      resetBefore: false,
      resetAfter: false,
    });
  });
});

describe("fault injection over HTTP", () => {
  it("latency=<ms> delays the answer by at least that long", async () => {
    const { url } = await useSandbox();
    const started = performance.now();
    const answer = await post(url, seedBody, { "Sandbox-Fault": "latency=150" });
    expect(answer.status).toBe(201);
    expect(performance.now() - started).toBeGreaterThanOrEqual(145);
  });

  it.each([
    [500, "internal_error"],
    [502, "internal_error"],
    [503, "service_unavailable"],
  ])("status=%i answers that status and creates no call", async (status, code) => {
    const { url } = await useSandbox();
    const key = newKey();
    const answer = await post(url, seedBody, { "Sandbox-Fault": `status=${status}`, "Idempotency-Key": key });
    expect(answer.status).toBe(status);
    expect(problemOf(answer).code).toBe(code);
    expect(await listCalls(url)).toEqual([]);
    // Nothing was stored: the retry with the same key is processed.
    const retry = await post(url, seedBody, { "Idempotency-Key": key });
    expect(retry.status).toBe(201);
    expect(retry.headers.get("idempotent-replayed")).toBe("false");
  });

  it("status=503 carries Retry-After", async () => {
    const { url } = await useSandbox();
    const answer = await post(url, seedBody, { "Sandbox-Fault": "status=503" });
    expect(answer.status).toBe(503);
    expect(answer.headers.get("retry-after")).toMatch(/^\d+$/);
  });

  it("reset-before drops the connection and creates no call", async () => {
    const { url } = await useSandbox();
    await expect(post(url, seedBody, { "Sandbox-Fault": "reset-before" })).rejects.toThrow();
    expect(await listCalls(url)).toEqual([]);
  });

  it("reset-after creates and stores the call, then drops the answer; the retry replays it", async () => {
    const { url } = await useSandbox();
    const key = newKey();
    await expect(
      post(url, seedBody, { "Sandbox-Fault": "latency=20, reset-after", "Idempotency-Key": key }),
    ).rejects.toThrow();
    const [call] = await listCalls(url);
    expect(call).toBeDefined();
    const retry = await post(url, seedBody, { "Idempotency-Key": key });
    expect(retry.status).toBe(201);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(retry.body).toEqual(call);
  });

  it("400 for a Sandbox-Fault it does not understand", async () => {
    const { url } = await useSandbox();
    const answer = await post(url, seedBody, { "Sandbox-Fault": "explode" });
    expect(answer.status).toBe(400);
    expect(problemOf(answer).detail).toMatch(/Sandbox-Fault/);
  });

  it("server faults apply to every creation at rate 1", async () => {
    const { url } = await useSandbox({ faults: { status: 503, statusRate: 1 } });
    expect((await post(url, seedBody)).status).toBe(503);
    const reset = await useSandbox({ faults: { resetAfterRate: 1 } });
    await expect(post(reset.url, seedBody)).rejects.toThrow();
    expect(await listCalls(reset.url)).toHaveLength(1);
  });

  it("refuses server fault rates outside [0, 1]", async () => {
    await expect(useSandbox({ faults: { resetBeforeRate: 2 } })).rejects.toThrow(/resetBeforeRate/);
  });
});
