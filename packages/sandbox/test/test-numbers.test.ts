import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { SLOW_ANSWER_MS, TEST_RETRY_AFTER_SECONDS, testNumbers } from "../src/index.js";
import { callOf, listCalls, newKey, post, problemOf, seedBody, useSandbox, validateCall } from "./helpers.js";

// A valid Call, to check that each test number is a valid E.164 value of the contract.
const callShape = {
  call_id: "call_abc",
  status: "queued",
  caller_id: "+14155550123",
  destination: "+14155559876",
  created_at: "2026-04-15T18:30:22Z",
  recording: { enabled: false },
  metadata: {},
  links: { self: "/a", status: "/b", recordings: "/c" },
};

describe("testNumbers table", () => {
  it("lists valid E.164 numbers in the fictional 555-01xx range, each once", () => {
    const numbers = testNumbers.map((entry) => entry.number);
    expect(new Set(numbers).size).toBe(numbers.length);
    for (const number of numbers) {
      expect(number).toMatch(/^\+1\d{3}55501\d\d$/);
      // Valid in the contract: a Call carrying it validates.
      expect(validateCall({ ...callShape, destination: number, caller_id: number })).toBe(true);
    }
  });

  it("covers every error path the issue asks for", () => {
    expect(testNumbers.map((entry) => entry.behaviour).sort()).toEqual(
      ["caller_id_not_verified", "internal_error", "rate_limited", "service_unavailable", "slow"].sort(),
    );
  });
});

const errorNumbers = testNumbers.filter((entry) => entry.behaviour !== "slow");

describe("each test number does what the table says", () => {
  it.each(errorNumbers.map((entry) => [entry.number, entry] as const))("%s", async (_number, entry) => {
    const { url } = await useSandbox();
    const key = newKey();
    const body = { ...seedBody, [entry.field]: entry.number };
    const answer = await post(url, body, { "Idempotency-Key": key });
    const problem = problemOf(answer);
    expect(answer.status).toBe(entry.status);
    if (entry.field === "caller_id") {
      // A problem about the body: its behaviour is the field's reason.
      expect(problem.code).toBe("validation_failed");
      expect(problem.errors).toEqual([
        expect.objectContaining({ pointer: "/caller_id", code: entry.behaviour }),
      ]);
    } else {
      expect(problem.code).toBe(entry.behaviour);
      expect(problem.errors).toBeUndefined();
    }
    // The description (the docs' table) names what is answered.
    expect(entry.description).toContain(`${entry.status} ${problem.code}`);
    expect(entry.description).toContain(entry.behaviour);
    if (entry.status === 429 || entry.status === 503) {
      expect(answer.headers.get("retry-after")).toBe(String(TEST_RETRY_AFTER_SECONDS));
    }
    if (entry.status === 429) {
      expect(answer.headers.get("ratelimit")).toMatch(/r=0;/);
    }
    expect(await listCalls(url)).toEqual([]);
    // Nothing is stored: the same key and body are processed anew (and fail the same way)...
    expect((await post(url, body, { "Idempotency-Key": key })).status).toBe(entry.status);
    // ...and the key is free for another body.
    const placed = await post(url, seedBody, { "Idempotency-Key": key });
    expect(placed.status).toBe(201);
    expect(placed.headers.get("idempotent-replayed")).toBe("false");
  });

  it("the slow number answers 201 after SLOW_ANSWER_MS, its key in flight meanwhile", async () => {
    const slow = testNumbers.find((entry) => entry.behaviour === "slow");
    const { url } = await useSandbox();
    const key = newKey();
    const body = { ...seedBody, destination: slow?.number };
    const started = performance.now();
    const first = post(url, body, { "Idempotency-Key": key });
    await sleep(100);
    const during = await post(url, body, { "Idempotency-Key": key });
    expect(during.status).toBe(409);
    const answer = await first;
    expect(performance.now() - started).toBeGreaterThanOrEqual(SLOW_ANSWER_MS - 5);
    expect(answer.status).toBe(slow?.status);
    expect(callOf(answer).destination).toBe(slow?.number);
  });

  it("a caller ID added to verifiedCallerIds is accepted", async () => {
    const unverified = testNumbers.find((entry) => entry.behaviour === "caller_id_not_verified")
      ?.number as string;
    const { url } = await useSandbox({ verifiedCallerIds: [unverified] });
    expect((await post(url, { ...seedBody, caller_id: unverified })).status).toBe(201);
    expect((await post(url, seedBody)).status).toBe(422);
  });
});
