import { describe, expect, it } from "vitest";
import { CallLog } from "../src/calls.js";

describe("CallLog", () => {
  it("answers the calls in creation order as one JSON document", () => {
    const log = new CallLog(10);
    log.add('{"n":1}');
    log.add('{"n":2}');
    expect(JSON.parse(log.toJson())).toEqual({ calls: [{ n: 1 }, { n: 2 }] });
  });

  it("keeps only the most recent `max`, in order, wherever the ring wraps", () => {
    const log = new CallLog(3);
    for (let n = 1; n <= 10; n += 1) {
      log.add(`{"n":${n}}`);
      const expected = Array.from({ length: Math.min(n, 3) }, (_, i) => ({ n: Math.max(n - 2, 1) + i }));
      expect(JSON.parse(log.toJson()).calls).toEqual(expected);
    }
    expect(log.size).toBe(3);
    log.clear();
    expect(log.toJson()).toBe('{"calls":[]}');
    log.add('{"n":11}');
    expect(JSON.parse(log.toJson()).calls).toEqual([{ n: 11 }]);
  });

  it("refuses a bound that bounds nothing", () => {
    expect(() => new CallLog(0)).toThrow(/maxCalls/);
  });
});
