// The contract's errors rule over HTTP: a problem's `code` and `type` name the kind of problem,
// paired one to one (`type` = the contract's base + the code with dashes, `title` that of the
// contract's example of the code), and per-field reasons live only in `errors[].code`. Every
// problem the sandbox can answer is asked for, and the pairs are checked across all of them.
import type { Problem } from "@calldesk/api-types";
import { describe, expect, it } from "vitest";
import {
  type Answer,
  bundle,
  callsPath,
  exampleProblems,
  newKey,
  post,
  problemOf,
  seedBody,
  untilInFlight,
  useSandbox,
} from "./helpers.js";

const [firstCode, firstExample] = [...exampleProblems][0] as [string, { type: string }];
/** The base of every problem type, from the contract's first example. */
const typeBase = firstExample.type.slice(0, -firstCode.length);

/** One request per problem the sandbox answers. */
const requests: [name: string, ask: (url: string) => Promise<Answer>][] = [
  ["malformed JSON", (url) => post(url, "{")],
  ["an invalid Idempotency-Key", (url) => post(url, seedBody, { "Idempotency-Key": "nope" })],
  ["a Sandbox-Fault it does not understand", (url) => post(url, seedBody, { "Sandbox-Fault": "explode" })],
  ["no API key", (url) => post(url, seedBody, { Authorization: "" })],
  ["another path (a call's link)", (url) => post(url, seedBody, {}, `${callsPath}/call_abc/status`)],
  [
    "another method",
    async (url) => {
      const response = await fetch(`${url}${callsPath}`, { method: "DELETE" });
      return { status: response.status, headers: response.headers, body: await response.json() };
    },
  ],
  ["a body too large", (url) => post(url, `{"metadata":"${"x".repeat(70_000)}"}`)],
  ["a body not sent as JSON", (url) => post(url, seedBody, { "Content-Type": "text/plain" })],
  ["one invalid field", (url) => post(url, { ...seedBody, destination: "1" })],
  ["the same reason in two fields", (url) => post(url, { ...seedBody, caller_id: "1", destination: "2" })],
  ["an unverified caller ID alone", (url) => post(url, { ...seedBody, caller_id: "+14155550100" })],
  [
    "an unverified caller ID and another field",
    (url) => post(url, { ...seedBody, caller_id: "+14155550100", record: "yes" }),
  ],
  [
    "a key reused with another body",
    async (url) => {
      const key = newKey();
      await post(url, seedBody, { "Idempotency-Key": key });
      return post(url, { ...seedBody, record: false }, { "Idempotency-Key": key });
    },
  ],
  [
    "a key in flight",
    async (url) => {
      const key = newKey();
      // Held until the sandbox closes after the test.
      void post(url, seedBody, { "Idempotency-Key": key, "Sandbox-Fault": "latency=600000" });
      return untilInFlight(url, key);
    },
  ],
  ["the rate-limited test number", (url) => post(url, { ...seedBody, destination: "+14155550129" })],
  ["the 500 test number", (url) => post(url, { ...seedBody, destination: "+14155550150" })],
  ["the 503 test number", (url) => post(url, { ...seedBody, destination: "+14155550153" })],
  ["an injected 500", (url) => post(url, seedBody, { "Sandbox-Fault": "status=500" })],
  ["an injected 502", (url) => post(url, seedBody, { "Sandbox-Fault": "status=502" })],
  ["an injected 503", (url) => post(url, seedBody, { "Sandbox-Fault": "status=503" })],
];

/** Each problem of `requests`, in order, each asked of the same sandbox. */
async function everyProblem(url: string): Promise<Problem[]> {
  const problems: Problem[] = [];
  for (const [, ask] of requests) {
    problems.push(problemOf(await ask(url)));
  }
  return problems;
}

describe("the errors rule", () => {
  it.each(requests)("%s: the code names the type and the title", async (_name, ask) => {
    const { url } = await useSandbox();
    const problem = problemOf(await ask(url));
    expect(problem.type).toBe(`${typeBase}${problem.code.replaceAll("_", "-")}`);
    // The title of the contract's example of the code; a code without one, its words.
    expect(problem.title).toBe(
      exampleProblems.get(problem.code)?.title ??
        problem.code.replaceAll("_", " ").replace(/^./, (letter) => letter.toUpperCase()),
    );
    expect(bundle.components.schemas.ErrorCode.enum).toContain(problem.code);
  });

  it("pairs codes and types one to one across every answer; a problem listing fields is validation_failed", async () => {
    const { url } = await useSandbox();
    const problems = await everyProblem(url);
    const typeOf = new Map<string, string>();
    const codeOf = new Map<string, string>();
    for (const { code, type } of problems) {
      expect(typeOf.get(code) ?? type).toBe(type);
      expect(codeOf.get(type) ?? code).toBe(code);
      typeOf.set(code, type);
      codeOf.set(type, code);
    }
    const aboutTheBody = problems.filter((problem) => problem.errors !== undefined);
    expect(aboutTheBody).toHaveLength(4);
    for (const problem of aboutTheBody) {
      expect(problem.code).toBe("validation_failed");
      // Per-field reasons live only in errors[], and never name the kind of problem.
      expect(problem.errors?.map((error) => error.code)).not.toContain("validation_failed");
    }
  });
});
