import { describe, expect, it } from "vitest";
import { compileContract, loadContract } from "../src/contract.js";
import { createState } from "../src/state.js";
import { bundle, bundlePath } from "./helpers.js";

const contract = loadContract(bundlePath);
const flow = { resume: () => undefined, delay: () => undefined as never };

describe("createState", () => {
  it("verifies the contract's example caller IDs and accepts its key format by default", () => {
    const state = createState(contract, {}, flow);
    expect([...state.verifiedCallerIds]).toEqual(contract.exampleCallerIds);
    expect(state.apiKeys).toBeUndefined();
    expect(state.serverHasFaults).toBe(false);
  });

  it.each([
    [{ faults: { resetBeforeRate: 2 } }, /resetBeforeRate/],
    [{ rateLimit: { limit: 0, windowSeconds: 1 } }, /rateLimit\.limit/],
    [{ idempotency: { maxEntries: 0 } }, /maxEntries/],
    [{ maxCalls: 0 }, /maxCalls/],
    [{ corsOrigins: ["localhost"] }, /corsOrigins/],
  ])("refuses %j, naming the option", (options, message) => {
    expect(() => createState(contract, options, flow)).toThrow(message);
  });

  it("needs an allow-list for a contract without a key format", () => {
    const changed = structuredClone(bundle);
    delete changed.components.securitySchemes.bearerAuth["x-api-key-pattern"];
    expect(() => createState(compileContract(changed), {}, flow)).toThrow(/--api-key/);
    expect(createState(compileContract(changed), { apiKeys: ["calldesk_abc123"] }, flow).apiKeys?.size).toBe(
      1,
    );
  });
});
