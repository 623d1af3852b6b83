// Smoke test of the built package (turbo builds before it tests): both module systems load it by
// name through the exports map, in a fresh Node process, and only `fetch` and `crypto` are needed.
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const cwd = fileURLToPath(new URL("..", import.meta.url));
const run = (args: string[]) => JSON.parse(execFileSync(process.execPath, args, { cwd, encoding: "utf8" }));

const probe = `
  const client = createCalldeskClient({ apiKey: "calldesk_abc123", baseUrl: "http://127.0.0.1:9" });
  const key = await idempotencyKeyFor("ticket-123");
  console.log(JSON.stringify({
    create: typeof client.calls.create,
    post: typeof client.raw.POST,
    names: [new UnprocessableEntityError(422, undefined, new Headers()).name, CalldeskError.name],
    key,
  }));
`;
const expected = {
  create: "function",
  post: "function",
  names: ["UnprocessableEntityError", "CalldeskError"],
  key: "1777cf85-eef0-5d97-b78b-9e1c83a330cc",
};

describe("the built package", () => {
  it("loads with import()", () => {
    const source = `
      const { createCalldeskClient, CalldeskError, UnprocessableEntityError } = await import("@calldesk/client");
      const { idempotencyKeyFor } = await import("@calldesk/client/idempotency");
      ${probe}`;
    expect(run(["--input-type=module", "-e", source])).toEqual(expected);
  });

  it("loads with require()", () => {
    const source = `(async () => {
      const { createCalldeskClient, CalldeskError, UnprocessableEntityError } = require("@calldesk/client");
      const { idempotencyKeyFor } = require("@calldesk/client/idempotency");
      ${probe}})()`;
    expect(run(["--input-type=commonjs", "-e", source])).toEqual(expected);
  });
});
