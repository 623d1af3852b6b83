import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { checkTarballs } from "../src/local.mjs";
import { entryPoints, inspectTarball } from "../src/tarball.mjs";
import { repoRoot } from "../src/workspace.mjs";

const temporary: string[] = [];
afterEach(() => {
  for (const dir of temporary.splice(0)) {
    rmSync(dir, { recursive: true, force: true });
  }
});

function fakePackage(manifest: Record<string, unknown>, files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "calldesk-tarball-"));
  temporary.push(dir);
  writeFileSync(
    join(dir, "package.json"),
    JSON.stringify({ name: "@calldesk/fake", version: "1.0.0", ...manifest }),
  );
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(dir, path, ".."), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

describe("entryPoints", () => {
  it("collects every path a consumer can reach, skipping patterns", () => {
    const manifest = {
      exports: {
        ".": {
          import: { types: "./dist/index.d.mts", default: "./dist/index.mjs" },
          require: "./dist/index.cjs",
        },
        "./openapi.json": "./dist/openapi.json",
        "./pages/*": "./dist/pages/*",
      },
      main: "./dist/index.cjs",
      types: "./dist/index.d.mts",
      bin: { tool: "./dist/cli.mjs" },
    };
    expect(entryPoints(manifest).sort()).toEqual(
      ["dist/cli.mjs", "dist/index.cjs", "dist/index.d.mts", "dist/index.mjs", "dist/openapi.json"].sort(),
    );
  });
});

describe("inspectTarball", () => {
  it("passes a package that ships its built files and nothing else", () => {
    const dir = fakePackage(
      { files: ["dist"], exports: "./dist/index.js" },
      { "dist/index.js": "export {};\n" },
    );
    expect(inspectTarball(dir, JSON.parse(readFileSync(join(dir, "package.json"), "utf8"))).problems).toEqual(
      [],
    );
  });

  it("names an entry point missing from the tarball", () => {
    const manifest = { files: ["README.md"], exports: "./dist/index.js" };
    const dir = fakePackage(manifest, { "dist/index.js": "export {};\n", "README.md": "# fake\n" });
    expect(inspectTarball(dir, manifest).problems).toEqual([
      'dist/index.js is referenced by package.json but is not in the tarball (is it built, and listed in "files"?)',
    ]);
  });

  it("rejects test files and sources", () => {
    const manifest = { files: ["dist", "src", "test"], exports: "./dist/index.js" };
    const dir = fakePackage(manifest, {
      "dist/index.js": "export {};\n",
      "src/index.ts": "export {};\n",
      "test/index.test.ts": "it('x', () => {});\n",
    });
    expect(inspectTarball(dir, manifest).problems).toEqual([
      "src/index.ts is a source file; ship the built output only",
      "test/index.test.ts is a test file",
    ]);
  });

  it("rejects secret-looking files and contents", () => {
    const manifest = { files: ["dist"], exports: "./dist/index.js" };
    const dir = fakePackage(manifest, {
      "dist/index.js": 'export const key = "calldesk_Zq4xT9pL2mV8nR5wK7yB3cD";\n',
      "dist/.env": "TOKEN=1\n",
    });
    const { problems } = inspectTarball(dir, manifest);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^dist\/\.env looks like a secret/);
    expect(problems[1]).toMatch(/^dist\/index\.js contains something that looks like a secret/);
  });

  it("does not mistake the documentation's placeholder key for a secret", () => {
    const manifest = { files: ["dist"], exports: "./dist/index.js" };
    const dir = fakePackage(manifest, {
      "dist/index.js": "// Authorization: Bearer calldesk_abc123\nexport {};\n",
    });
    expect(inspectTarball(dir, manifest).problems).toEqual([]);
  });
});

describe("checkTarballs", () => {
  it("refuses to publish a real package whose `files` forgets its build", () => {
    const root = mkdtempSync(join(tmpdir(), "calldesk-broken-files-"));
    temporary.push(root);
    const copy = join(root, "packages/types");
    cpSync(join(repoRoot, "packages/types"), copy, {
      recursive: true,
      filter: (source) => !source.includes("node_modules"),
    });
    const manifest = JSON.parse(readFileSync(join(copy, "package.json"), "utf8"));
    writeFileSync(join(copy, "package.json"), JSON.stringify({ ...manifest, files: ["README.md"] }, null, 2));

    expect(() => checkTarballs(root)).toThrowError(
      /@calldesk\/api-types would ship a broken tarball:\n {2}- dist\/index\.d\.ts is referenced by package\.json but is not in the tarball/,
    );
  });
});
