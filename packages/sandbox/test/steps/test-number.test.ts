import { describe, expect, it } from "vitest";
import { NEXT } from "../../src/step.js";
import { testNumber } from "../../src/steps/test-number.js";
import { testNumbers } from "../../src/test-numbers.js";
import { seedBody } from "../helpers.js";
import { exchangeFor, stateFor } from "./support.js";

function to(destination: string) {
  const exchange = exchangeFor();
  exchange.body = { ...seedBody, destination };
  return exchange;
}

describe("test-number", () => {
  it("lets any other destination, and the slow number, through", () => {
    expect(testNumber.run(to(seedBody.destination as string), stateFor())).toBe(NEXT);
    const slow = testNumbers.find((entry) => entry.behaviour === "slow");
    expect(testNumber.run(to(slow?.number ?? ""), stateFor())).toBe(NEXT);
  });

  it.each(testNumbers.filter((entry) => entry.field === "destination" && entry.behaviour !== "slow"))(
    "answers $number $status $behaviour",
    ({ number, status, behaviour }) => {
      const answer = testNumber.run(to(number), stateFor());
      expect(answer).toMatchObject({
        status,
        code: behaviour,
        detail: expect.stringContaining(`Test number ${number}`),
      });
      const headers = (answer as { headers?: string[] }).headers ?? [];
      expect(headers.includes("Retry-After")).toBe(status !== 500);
    },
  );
});
