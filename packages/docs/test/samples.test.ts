// Every x-codeSamples entry of the contract is executed exactly as the page shows it, against a
// fresh sandbox on 127.0.0.1, with only the host changed: each must place exactly one call and
// print it. A sample whose language has no runner here fails; none is skipped. The TypeScript
// one is also type-checked against the built @calldesk/client.
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { type Sandbox, startSandbox } from "@calldesk/sandbox";
import ts from "typescript";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { packageRoot } from "../src/paths.js";
import { createCall, exampleApiKey, loadBundle, productionUrl } from "./helpers.js";

const run = promisify(execFile);
const doc = loadBundle();
const production = productionUrl(doc);
const { samples } = createCall(doc);

let sandbox: Sandbox;
let work: string;

beforeAll(async () => {
  // Inside the package so that `@calldesk/client` resolves exactly as in a reader's project
  // (git-ignored by this package's .gitignore; removed afterwards).
  work = await mkdtemp(join(packageRoot(), ".samples-"));
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

beforeEach(async () => {
  sandbox = await startSandbox({ port: 0 });
});

afterEach(async () => {
  await sandbox.close();
});

/** The sample with the production host replaced by the sandbox's, and nothing else. */
function againstSandbox(source: string): string {
  expect(source).toContain(production);
  const swapped = source.replaceAll(production, sandbox.url);
  expect(swapped.replaceAll(sandbox.url, production)).toBe(source);
  return swapped;
}

async function createdCalls(): Promise<{ call_id: string; status: string }[]> {
  const response = await fetch(`${sandbox.url}/_sandbox/calls`);
  expect(response.status).toBe(200);
  return ((await response.json()) as { calls: { call_id: string; status: string }[] }).calls;
}

// The proxy variables of the machine must not send loopback traffic elsewhere.
const env = { ...process.env, NO_PROXY: "127.0.0.1,localhost", no_proxy: "127.0.0.1,localhost" };

/** How each sample language runs here; a language missing from this table fails its test. */
const runners: Record<string, (source: string) => Promise<string>> = {
  Shell: async (source) => (await run("sh", ["-c", source], { env })).stdout,
  TypeScript: async (source) => {
    const { outputText } = ts.transpileModule(source, {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    });
    const file = join(work, "typescript.mjs");
    await writeFile(file, outputText);
    return (await run(process.execPath, [file], { cwd: work, env })).stdout;
  },
  JavaScript: async (source) => {
    const file = join(work, "javascript.mjs");
    await writeFile(file, source);
    return (await run(process.execPath, [file], { cwd: work, env })).stdout;
  },
  // Debian's python3 with python3-requests (.ci/run installs both); another python3 on PATH
  // (pyenv's, say) may lack requests.
  Python: async (source) => (await run(debianPython, ["-c", source], { env })).stdout,
};

const debianPython = existsSync("/usr/bin/python3") ? "/usr/bin/python3" : "python3";

describe("x-codeSamples", () => {
  it("are curl, @calldesk/client, fetch and requests, each using the contract's example key", () => {
    expect(samples.map((entry) => `${entry.lang}: ${entry.label}`)).toEqual([
      "Shell: curl",
      "TypeScript: @calldesk/client",
      "JavaScript: fetch",
      "Python: requests",
    ]);
    for (const entry of samples) {
      expect(entry.source, entry.label).toContain(exampleApiKey(doc));
    }
  });

  it.each(samples.map((entry) => [entry.label, entry] as const))(
    "%s: runs verbatim against the sandbox, places exactly one call and prints it",
    async (_label, entry) => {
      const runner = runners[entry.lang];
      if (runner === undefined) {
        throw new Error(`no runner for ${entry.lang} samples: add one, samples are never skipped`);
      }
      const stdout = await runner(againstSandbox(entry.source));
      const calls = await createdCalls();
      expect(calls).toHaveLength(1);
      const [call] = calls;
      expect(call?.call_id).toMatch(/^call_/);
      expect(stdout, entry.label).toContain(String(call?.call_id));
    },
  );

  it("curl: a second run with the same key replays the call instead of placing another", async () => {
    const entry = samples.find((sample) => sample.lang === "Shell");
    const command = againstSandbox(String(entry?.source));
    const first = await run("sh", ["-c", command], { env });
    const again = await run("sh", ["-c", command], { env });
    expect(JSON.parse(again.stdout)).toEqual(JSON.parse(first.stdout));
    expect(await createdCalls()).toHaveLength(1);
  });

  it("curl: sends the request body of the contract's first request example", () => {
    const source = String(samples.find((sample) => sample.lang === "Shell")?.source);
    const body = /-d '([\s\S]*?)'/.exec(source)?.[1];
    expect(body).toBeDefined();
    const { operation } = createCall(doc);
    const content = (
      operation.requestBody as { content: Record<string, { examples: Record<string, unknown> }> }
    ).content["application/json"];
    const first = Object.values(content?.examples ?? {})[0] as { value: unknown };
    expect(JSON.parse(body ?? "")).toEqual(first.value);
  });

  it("@calldesk/client: type-checks against the built client", async () => {
    const file = join(work, "typecheck.ts");
    await writeFile(file, String(samples.find((sample) => sample.lang === "TypeScript")?.source));
    const program = ts.createProgram([file], {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      lib: ["lib.es2022.d.ts", "lib.dom.d.ts"],
      types: ["node"],
      strict: true,
      noUncheckedIndexedAccess: true,
      exactOptionalPropertyTypes: true,
      noEmit: true,
      skipLibCheck: true,
    });
    const diagnostics = ts
      .getPreEmitDiagnostics(program)
      .map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n"));
    expect(diagnostics).toEqual([]);
    // The client really was resolved (not an implicit any from a missing module).
    const resolved = program.getSourceFiles().map((source) => source.fileName);
    expect(resolved.some((name) => /client[/\\]dist[/\\]index\.d\.ts$/.test(name))).toBe(true);
  });
});
