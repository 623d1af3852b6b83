// Every x-codeSamples entry of the contract is executed exactly as the page shows it, against a
// real sandbox on 127.0.0.1, with only the host changed. The TypeScript one is type-checked
// first against the built @calldesk/client.
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { type Sandbox, startSandbox } from "@calldesk/sandbox";
import ts from "typescript";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { packageRoot } from "../src/paths.js";
import { createCall, loadBundle, productionUrl, sample } from "./helpers.js";

const run = promisify(execFile);
const doc = loadBundle();
const production = productionUrl(doc);

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

async function createdCalls(): Promise<{ call_id: string; destination: string }[]> {
  const response = await fetch(`${sandbox.url}/_sandbox/calls`);
  expect(response.status).toBe(200);
  return ((await response.json()) as { calls: { call_id: string; destination: string }[] }).calls;
}

describe("x-codeSamples", () => {
  it("are exactly the curl and @calldesk/client samples", () => {
    expect(createCall(doc).samples.map((entry) => entry.label)).toEqual(["curl", "@calldesk/client"]);
  });

  it("curl: places the call, and a second run with the same key replays it", async () => {
    const command = againstSandbox(sample(doc, "curl"));
    const first = await run("sh", ["-c", command]);
    const call = JSON.parse(first.stdout) as { call_id: string; status: string; destination: string };
    expect(call.status).toBe("queued");
    expect(call.call_id).toMatch(/^call_/);

    // The sample carries an Idempotency-Key: running it again must not place a second call.
    const again = await run("sh", ["-c", command]);
    expect(JSON.parse(again.stdout)).toEqual(call);
    const calls = await createdCalls();
    expect(calls.map((entry) => entry.call_id)).toEqual([call.call_id]);
  });

  it("curl: sends the request body of the contract's first request example", () => {
    const source = sample(doc, "curl");
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
    await writeFile(file, sample(doc, "@calldesk/client"));
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

  it("@calldesk/client: runs against the sandbox and places one call", async () => {
    const source = againstSandbox(sample(doc, "@calldesk/client"));
    const { outputText } = ts.transpileModule(source, {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    });
    const file = join(work, "run.mjs");
    await writeFile(file, outputText);
    const { stdout } = await run(process.execPath, [file], { cwd: work });
    const calls = await createdCalls();
    expect(calls).toHaveLength(1);
    expect(stdout.trim()).toBe(`${calls[0]?.call_id} queued`);
  });
});
