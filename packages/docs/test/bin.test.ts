// `calldesk-docs` is a committed file, so that installing a fresh clone links it before anything
// is built (the sandbox package's test clones and installs the repository to prove it): it runs
// the built CLI, or says how to build it.
import { execFile } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const bin = fileURLToPath(new URL("../bin/calldesk-docs.js", import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), "calldesk-docs-bin-"));

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe("bin calldesk-docs", () => {
  it("says to run pnpm build first when the build is missing", async () => {
    // The bin alone in a package without dist/, run through its shebang as a shell runs it.
    mkdirSync(join(scratch, "bin"));
    writeFileSync(join(scratch, "package.json"), '{ "type": "module" }\n');
    const copy = join(scratch, "bin", "calldesk-docs.js");
    copyFileSync(bin, copy);
    const failure = await run(copy, ["serve"]).then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toBe("calldesk-docs: dist/lib/cli.js is missing; run pnpm build first\n");
  });

  it("runs the built CLI", async () => {
    // Without a command the CLI prints its usage and exits non-zero.
    const failure = await run(bin, []).then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.stderr).toMatch(/^usage: calldesk-docs serve/);
  });
});
