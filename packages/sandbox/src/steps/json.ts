// The body as JSON, and a JSON object. JSON.parse defines `__proto__` as an own data property,
// and the body is never merged into another object, so such keys stay plain data.
import { NEXT, problem, type Step } from "../step.js";

export const json: Step = {
  name: "json",
  check: "body not JSON, or not a JSON object",
  answer: "400 `malformed_json`",
  run(exchange) {
    let body: unknown;
    try {
      body = JSON.parse(exchange.raw.toString("utf8"));
    } catch {
      return problem(400, "malformed_json", "The request body is not valid JSON.");
    }
    if (body === null || typeof body !== "object" || Array.isArray(body)) {
      const kind = body === null ? "null" : Array.isArray(body) ? "an array" : `a ${typeof body}`;
      return problem(400, "malformed_json", `The request body must be a JSON object, not ${kind}.`);
    }
    exchange.body = body as Record<string, unknown>;
    return NEXT;
  },
};
