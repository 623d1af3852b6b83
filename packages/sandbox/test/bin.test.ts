// The workspace's bins are committed files, so that a fresh clone installs without a warning:
// pnpm links every bin at install time, long before `pnpm build` makes dist/. The clone below
// installs both bins of the repository; calldesk-docs' own checks are in the docs package,
// whose build this package's tests do not wait for.
import { execFile } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterEach, describe, expect, it } from "vitest";

const run = promisify(execFile);
const repoRoot = fileURLToPath(new URL("../../..", import.meta.url));
const name = "calldesk-sandbox";
const bin = join(repoRoot, "packages/sandbox/bin/calldesk-sandbox.js");
// A hung install must not outlive the test: the child is killed, and the test fails, at this bound.
const HANG_GUARD_MS = 240_000;

const temporary: string[] = [];
// A clone's node_modules takes a while to delete on a loaded machine.
afterEach(async () => {
  await Promise.all(temporary.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
}, HANG_GUARD_MS);

function scratch(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `calldesk-${name}-`));
  temporary.push(dir);
  return dir;
}

describe(`bin ${name}`, () => {
  it("says to run pnpm build first when the build is missing", async () => {
    // The bin alone in a package without dist/, run through its shebang as a shell runs it.
    const dir = scratch("bin");
    mkdirSync(join(dir, "bin"));
    writeFileSync(join(dir, "package.json"), '{ "type": "module" }\n');
    const copy = join(dir, "bin", `${name}.js`);
    copyFileSync(bin, copy);
    const failure = await run(copy, ["--help"]).then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toMatch(
      new RegExp(`^${name}: dist/.*cli\\.js is missing; run pnpm build first\\n$`),
    );
  });

  it("runs the built CLI", async () => {
    const { stdout } = await run(bin, ["--help"]);
    expect(stdout).toMatch(/[Uu]sage: calldesk-sandbox/);
  });
});

describe("a fresh clone", () => {
  it(
    "installs without a WARN line",
    async () => {
      // A clone of the commit checked out here: nothing built, nothing installed. The packages
      // come from pnpm's store (CI's own install filled it), so no network is needed.
      const clone = join(scratch("clone"), "repo");
      const { stdout: head } = await run("git", ["-C", repoRoot, "rev-parse", "HEAD"]);
      await run("git", ["clone", "--quiet", "--no-checkout", repoRoot, clone]);
      await run("git", ["-C", clone, "checkout", "--quiet", head.trim()]);
      // The pnpm running this test when there is one (npx pnpm@9 in CI), else the one on PATH.
      const pnpm = process.env.npm_execpath?.includes("pnpm")
        ? [process.execPath, process.env.npm_execpath]
        : ["pnpm"];
      const [command = "pnpm", ...args] = pnpm;
      const { stdout, stderr } = await run(command, [...args, "install", "--frozen-lockfile", "--offline"], {
        cwd: clone,
        timeout: HANG_GUARD_MS,
        maxBuffer: 16 * 1024 * 1024,
      });
      const output = `${stdout}${stderr}`;
      expect(output).toMatch(/Done in/);
      expect(output.split("\n").filter((line) => /\bWARN\b/.test(line))).toEqual([]);
    },
    HANG_GUARD_MS,
  );
});
