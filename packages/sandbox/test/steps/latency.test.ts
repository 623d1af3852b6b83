import { describe, expect, it } from "vitest";
import { startSandbox } from "../../src/index.js";
import { listCalls, newKey, post, seedBody, useSandbox } from "../helpers.js";

describe("latency", () => {
  it("holds the creation, not only the answer, with the key in flight meanwhile", async () => {
    const { url } = await useSandbox();
    const key = newKey();
    const pending = post(url, seedBody, { "Sandbox-Fault": "latency=2000", "Idempotency-Key": key });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await listCalls(url)).toEqual([]);
    expect((await post(url, seedBody, { "Idempotency-Key": key })).status).toBe(409);
    expect((await pending).status).toBe(201);
    expect(await listCalls(url)).toHaveLength(1);
  });

  it("ends at once when the sandbox closes", async () => {
    // Without that, this test would wait a minute and time out.
    const sandbox = await startSandbox({ port: 0 });
    const pending = post(sandbox.url, seedBody, { "Sandbox-Fault": "latency=60000" });
    await new Promise((resolve) => setTimeout(resolve, 500));
    await sandbox.close();
    expect((await pending).status).toBe(201);
  });
});
