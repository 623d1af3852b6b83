// The README's runnable examples, run as written from the package root (where the workspace
// links `@calldesk/client` and `@calldesk/sandbox` to their builds), against a real sandbox.
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);
const packageRoot = fileURLToPath(new URL("..", import.meta.url));
const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
// A hung example must not outlive the test: the child is killed, and the test fails, at this bound.
const HANG_GUARD_MS = 60_000;
const examples = [
  ...readme.matchAll(/<!-- run by test\/readme\.test\.ts -->\n+```(sh|ts)\n([\s\S]*?)```/g),
].map((match) => ({ lang: match[1] as string, code: match[2] as string }));

// The Logging section: a script, then its output at each level.
const logging = readme.split("<!-- logging example: test/readme.test.ts -->")[1] ?? "";
const [script, ...outputs] = [...logging.matchAll(/```(?:js|text)\n([\s\S]*?)```/g)]
  .slice(0, 4)
  .map((match) => match[1] as string);
/** What changes from run to run: keys, durations and waits, request and call ids, times. */
const stable = (text: string) =>
  text
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, "<key>")
    .replace(/\d+ ms/g, "<n> ms")
    .replace(/req_[a-z0-9]+/g, "<request>")
    .replace(/call_[a-z0-9*]{14}/g, "<call>")
    .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/g, "<time>")
    .trim();

describe("README", () => {
  it("marks the shell one-liner and the sandbox example", () => {
    expect(examples.map((example) => example.lang)).toEqual(["sh", "ts"]);
  });

  it(
    "the shell one-liner creates a call and prints it with its request id",
    async () => {
      const { stdout } = await run("sh", ["-c", examples[0]?.code ?? ""], {
        cwd: packageRoot,
        timeout: HANG_GUARD_MS,
      });
      expect(stdout).toMatch(/call_id: 'call_[a-z0-9]{14}'/);
      expect(stdout).toMatch(/\breq_[a-z0-9]+\s*$/);
    },
    HANG_GUARD_MS,
  );

  it(
    "the lost-answer example retries into a replay and leaves exactly one call",
    async () => {
      const { stdout } = await run(process.execPath, ["--input-type=module", "-e", examples[1]?.code ?? ""], {
        cwd: packageRoot,
        timeout: HANG_GUARD_MS,
      });
      expect(stdout.trim().split("\n")).toEqual(["true", "1"]);
    },
    HANG_GUARD_MS,
  );
});

describe("README Logging section", () => {
  it("has the script and an output for warn, info and debug", () => {
    expect(script).toContain("createCalldeskClient");
    expect(outputs).toHaveLength(3);
    // Each level adds lines to the one before it.
    expect(outputs.map((output) => output?.trim().split("\n").length)).toEqual([1, 2, 5]);
  });

  it.each([
    ["warn", 0],
    ["info", 1],
    ["debug", 2],
  ] as const)(
    "shows what the script really prints at %s",
    async (level, index) => {
      // One pipe for both streams (warn goes to stderr), in the order the lines were written.
      const { stdout } = await run(
        "sh",
        ["-c", 'node --input-type=module -e "$0" "$1" 2>&1', script ?? "", level],
        {
          cwd: packageRoot,
          timeout: HANG_GUARD_MS,
        },
      );
      expect(stable(stdout)).toBe(stable(outputs[index] ?? ""));
    },
    HANG_GUARD_MS,
  );
});
