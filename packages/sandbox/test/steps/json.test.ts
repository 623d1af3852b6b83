import { describe, expect, it } from "vitest";
import { NEXT } from "../../src/step.js";
import { json } from "../../src/steps/json.js";
import { exchangeFor, stateFor } from "./support.js";

function withBody(text: string) {
  const exchange = exchangeFor();
  exchange.raw = Buffer.from(text);
  return exchange;
}

describe("json", () => {
  it("parses a JSON object, keeping __proto__ as a plain own key", () => {
    const exchange = withBody('{"caller_id":"+14155550123","__proto__":{"x":1}}');
    expect(json.run(exchange, stateFor())).toBe(NEXT);
    expect(Object.keys(exchange.body)).toEqual(["caller_id", "__proto__"]);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it.each([
    ["{caller_id:", "The request body is not valid JSON."],
    ["", "The request body is not valid JSON."],
    ["[]", "The request body must be a JSON object, not an array."],
    ['"call"', "The request body must be a JSON object, not a string."],
    ["null", "The request body must be a JSON object, not null."],
  ])("answers %j 400 malformed_json", (text, detail) => {
    expect(json.run(withBody(text), stateFor())).toMatchObject({
      status: 400,
      code: "malformed_json",
      detail,
    });
  });
});
