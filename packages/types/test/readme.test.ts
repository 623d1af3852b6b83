// The README's example is compiled with this package's tsconfig, importing the package by name
// as a user would (the self-reference resolves to the build); so is the variant the README says
// does not compile.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const packageRoot = fileURLToPath(new URL("..", import.meta.url));
const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
// Compiling loads TypeScript's lib files: well past vitest's 5 s default on a loaded CI machine.
const COMPILE_GUARD_MS = 60_000;
const examples = [
  ...readme.matchAll(/<!-- compiled by test\/readme\.test\.ts -->\n+```ts\n([\s\S]*?)```/g),
].map((match) => match[1] as string);

/** tsc's messages for `code` as a module of this package; the file only exists in memory. */
function compile(code: string): string[] {
  const fileName = `${packageRoot}test/readme-example.ts`;
  const config = ts.getParsedCommandLineOfConfigFile(
    `${packageRoot}tsconfig.json`,
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n"));
      },
    },
  );
  const options = { ...config?.options, noEmit: true };
  const host = ts.createCompilerHost(options);
  const { getSourceFile, fileExists, readFile } = host;
  host.getSourceFile = (name, language, ...rest) =>
    name === fileName ? ts.createSourceFile(name, code, language) : getSourceFile(name, language, ...rest);
  host.fileExists = (name) => name === fileName || fileExists(name);
  host.readFile = (name) => (name === fileName ? code : readFile(name));
  const program = ts.createProgram([fileName], options, host);
  return ts
    .getPreEmitDiagnostics(program)
    .map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n"));
}

describe("README", () => {
  const example = examples[0] ?? "";

  it("marks exactly the example this test compiles", () => {
    expect(examples).toHaveLength(1);
    expect(example).toContain('voice_changer_uid: "female"');
  });

  it(
    "compiles as written",
    () => {
      expect(compile(example)).toEqual([]);
    },
    COMPILE_GUARD_MS,
  );

  it(
    'refuses voice_changer_uid: "robot", as it says',
    () => {
      expect(compile(example.replace('"female"', '"robot"')).join("\n")).toMatch(/"robot"/);
    },
    COMPILE_GUARD_MS,
  );
});
