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
