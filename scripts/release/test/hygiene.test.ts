// Every public package is publishable as it stands: complete manifest, a README with an example,
// publint and Are The Types Wrong clean.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { publicPackages } from "../src/workspace.mjs";

const BIN = new URL("../node_modules/.bin/", import.meta.url).pathname;
// ESM-only packages (types, a server, a docs CLI) are checked without the CommonJS resolutions;
// Node 20.19+ can require() them, and the client, which browsers and CJS apps import, is dual.
const ESM_ONLY = new Set(["@calldesk/api-types", "@calldesk/sandbox", "@calldesk/docs"]);

const packages = publicPackages();

describe.each(packages.map((pkg) => [pkg.manifest.name, pkg] as const))("%s", (name, { dir, manifest }) => {
  it("has a complete manifest", () => {
    expect(manifest).toMatchObject({
      version: expect.stringMatching(/^\d+\.\d+\.\d+/),
      description: expect.any(String),
      license: "MIT",
      type: "module",
      sideEffects: expect.any(Boolean),
      engines: { node: ">=20" },
      files: ["dist"],
      exports: expect.objectContaining({ "./package.json": "./package.json" }),
      types: expect.stringMatching(/^\.\/dist\//),
      repository: { type: "git", url: expect.stringMatching(/^git\+https:/), directory: expect.any(String) },
      publishConfig: { access: "public" },
    });
    expect(join(dir).endsWith(String((manifest.repository as { directory: string }).directory))).toBe(true);
  });

  it("has a README with a runnable example", () => {
    const readme = readFileSync(join(dir, "README.md"), "utf8");
    expect(readme).toMatch(new RegExp(`^# ${name.replace("/", "\\/")}`, "m"));
    expect(readme).toMatch(/```(ts|typescript|sh|bash|js)\n/);
  });

  it("passes publint (strict)", () => {
    expect(existsSync(join(dir, "dist"))).toBe(true);
    const output = execFileSync(join(BIN, "publint"), ["--strict", "--pack", "npm"], {
      cwd: dir,
      encoding: "utf8",
    });
    expect(output).toMatch(/All good!/);
  });

  it("passes Are The Types Wrong", () => {
    const profile = ESM_ONLY.has(name) ? "esm-only" : "node16";
    // attw exits non-zero on any problem the profile does not ignore, and prints the table.
    const run = () =>
      execFileSync(join(BIN, "attw"), ["--pack", ".", "--profile", profile, "--no-color"], {
        cwd: dir,
        encoding: "utf8",
        stdio: ["ignore", "pipe", "pipe"],
      });
    expect(run).not.toThrow();
  });
});
