// The README's example, run as a user would paste it: `node --input-type=module -e` from the
// package root, where `@calldesk/sandbox` resolves to this package's build.
import { execFile } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { STEPS } from "../src/runner.js";

const packageRoot = fileURLToPath(new URL("..", import.meta.url));
const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
// A hung example must not outlive the test: the child is killed, and the test fails, at this bound.
const HANG_GUARD_MS = 60_000;
const examples = [...readme.matchAll(/<!-- run by test\/readme\.test\.ts -->\n+```ts\n([\s\S]*?)```/g)].map(
  (match) => match[1] as string,
);

describe("README", () => {
  it("marks exactly the example this test runs", () => {
    expect(examples).toHaveLength(1);
  });

  it(
    "starts a sandbox and creates a call with the example as written",
    async () => {
      const { stdout } = await promisify(execFile)(
        process.execPath,
        ["--input-type=module", "-e", examples[0] ?? ""],
        { cwd: packageRoot, timeout: HANG_GUARD_MS },
      );
      expect(stdout).toMatch(/^201 \{\s+call_id: 'call_[a-z0-9]{14}',\s+status: 'queued'/);
    },
    HANG_GUARD_MS,
  );
});

describe('README "What it checks, in order"', () => {
  it("is the runner's list of steps, in its order", () => {
    const section = readme.split("## What it checks, in order")[1]?.split("\n## ")[0] ?? "";
    const rows = section
      .split("\n")
      .filter((line) => line.startsWith("|"))
      .slice(2)
      .map((line) => line.split(" | ").map((cell) => cell.replace(/^\|? *| *\|?$/g, "")));
    expect(rows).toEqual(
      STEPS.map(({ name, check, answer }) => [`[\`${name}\`](src/steps/${name}.ts)`, check, answer]),
    );
  });

  it("names one module under src/steps/ per step, and no other", () => {
    const modules = readdirSync(new URL("../src/steps/", import.meta.url)).map((file) =>
      file.replace(/\.ts$/, ""),
    );
    expect(modules.sort()).toEqual(STEPS.map((step) => step.name).sort());
  });
});
