// Smoke test of the built package (turbo builds before it tests): both module systems load it by
// name through the exports map, in a fresh Node process, and only `fetch` and `crypto` are needed.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const cwd = fileURLToPath(new URL("..", import.meta.url));
const run = (args: string[]) => JSON.parse(execFileSync(process.execPath, args, { cwd, encoding: "utf8" }));

const probe = `
  const client = createCalldeskClient({ apiKey: "calldesk_abc123", baseUrl: "http://127.0.0.1:9" });
  const key = await idempotencyKeyFor("ticket-123");
  const sent = [];
  const raw = createRawClient({
    apiKey: "calldesk_abc123",
    baseUrl: "http://127.0.0.1:9",
    fetch: async (url, init) => {
      sent.push(url, init.headers.authorization);
      return new Response('{"call_id":"call_x"}', { status: 201, headers: { "content-type": "application/json" } });
    },
  });
  const { data } = await raw.POST("/api/v1/voice/calls", { body: {} });
  console.log(JSON.stringify({
    create: typeof client.calls.create,
    raw: "raw" in client,
    post: [data, ...sent],
    names: [new UnprocessableEntityError(422, undefined, new Headers()).name, CalldeskError.name],
    key,
  }));
`;
const expected = {
  create: "function",
  raw: false,
  post: [{ call_id: "call_x" }, "http://127.0.0.1:9/api/v1/voice/calls", "Bearer calldesk_abc123"],
  names: ["UnprocessableEntityError", "CalldeskError"],
  key: "1777cf85-eef0-5d97-b78b-9e1c83a330cc",
};

describe("the built package", () => {
  it("loads with import()", () => {
    const source = `
      const { createCalldeskClient, CalldeskError, UnprocessableEntityError } = await import("@calldesk/client");
      const { idempotencyKeyFor } = await import("@calldesk/client/idempotency");
      const { createRawClient } = await import("@calldesk/client/raw");
      ${probe}`;
    expect(run(["--input-type=module", "-e", source])).toEqual(expected);
  });

  it("loads with require()", () => {
    const source = `(async () => {
      const { createCalldeskClient, CalldeskError, UnprocessableEntityError } = require("@calldesk/client");
      const { idempotencyKeyFor } = require("@calldesk/client/idempotency");
      const { createRawClient } = require("@calldesk/client/raw");
      ${probe}})()`;
    expect(run(["--input-type=commonjs", "-e", source])).toEqual(expected);
  });
});

describe("what each entry point loads", () => {
  // The packages a built file imports or requires, following its own chunks.
  const packagesOf = (file: string, seen = new Set<string>()): string[] => {
    seen.add(file);
    const source = readFileSync(file, "utf8");
    const specifiers = [...source.matchAll(/(?:from|import|require\()\s*\(?"([^"]+)"/g)].map(
      (m) => m[1] as string,
    );
    return [
      ...new Set(
        specifiers.flatMap((specifier) => {
          if (!specifier.startsWith(".")) {
            return [specifier];
          }
          const chunk = join(dirname(file), specifier);
          return seen.has(chunk) ? [] : packagesOf(chunk, seen);
        }),
      ),
    ].sort();
  };
  const built = (specifier: string, condition: "import" | "require") => {
    const { exports } = JSON.parse(readFileSync(join(cwd, "package.json"), "utf8"));
    return join(cwd, exports[specifier][condition].default);
  };

  it.each(["import", "require"] as const)(
    "with %s, only @calldesk/client/raw loads openapi-fetch",
    (condition) => {
      expect(packagesOf(built(".", condition))).toEqual([]);
      expect(packagesOf(built("./idempotency", condition))).toEqual([]);
      expect(packagesOf(built("./raw", condition))).toEqual(["openapi-fetch"]);
    },
  );
});

describe("both builds in one process", () => {
  // One dependency of an app imports the client, another requires it: two copies of each class.
  it("an error of either build is an instance of the classes of both", () => {
    const source = `
      const esm = await import("@calldesk/client");
      const cjs = (await import("node:module")).createRequire(process.cwd() + "/")("@calldesk/client");
      const views = [];
      for (const [from, to] of [[esm, cjs], [cjs, esm]]) {
        const limited = new from.RateLimitError(429, undefined, new Headers());
        const lost = new from.OutcomeUnknownError("lost");
        views.push([
          from.RateLimitError !== to.RateLimitError,
          limited instanceof to.RateLimitError,
          limited instanceof to.APIError,
          limited instanceof to.CalldeskError,
          limited instanceof to.ConflictError,
          lost instanceof to.OutcomeUnknownError,
          lost instanceof to.APIError,
        ]);
      }
      console.log(JSON.stringify(views));
    `;
    const row = [true, true, true, true, false, true, false];
    expect(run(["--input-type=module", "-e", source])).toEqual([row, row]);
  });
});

describe("User-Agent", () => {
  const probeAgent = (prelude: string) =>
    run([
      "--input-type=module",
      "-e",
      `${prelude}
      const { createCalldeskClient } = await import("@calldesk/client");
      let agent;
      const fetch = async (url, init) => {
        agent = init.headers["user-agent"] ?? null;
        return new Response(JSON.stringify({ call_id: "call_x" }), { status: 201 });
      };
      await createCalldeskClient({ apiKey: "calldesk_abc123", fetch }).calls.create({ caller_id: "+14155550123", destination: "+14155559876" });
      console.log(JSON.stringify(agent));`,
    ]);

  it("is calldesk-node/<package.json's version>, written in by the build", () => {
    const { version } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
    expect(probeAgent("")).toBe(`calldesk-node/${version}`);
  });

  it("is left to the runtime where there is no process (a browser)", () => {
    expect(probeAgent("delete globalThis.process;")).toBeNull();
  });
});

describe("types", () => {
  // The exported names of a built declaration file, as TypeScript resolves them.
  const exportsOf = (specifier: string): string[] => {
    const file = createRequire(import.meta.url)
      .resolve(specifier)
      .replace(/\.c?js$/, ".d.ts");
    // No lib files: resolving export names needs none, and loading them is most of the work.
    const program = ts.createProgram([file], {
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      noLib: true,
      types: [],
      noEmit: true,
    });
    const checker = program.getTypeChecker();
    const source = program.getSourceFile(file) as ts.SourceFile;
    return checker.getExportsOfModule(checker.getSymbolAtLocation(source) as ts.Symbol).map((s) => s.name);
  };

  it("re-exports every named type of @calldesk/api-types", () => {
    const contract = exportsOf("@calldesk/api-types");
    expect(contract).toContain("CreateCallRequest");
    expect(contract.length).toBeGreaterThan(15);
    const client = exportsOf("@calldesk/client");
    expect(contract.filter((name) => !client.includes(name))).toEqual([]);
    expect(client).not.toContain("createRawClient");
  });

  it("@calldesk/client/raw exports createRawClient, its options and its result", () => {
    expect(exportsOf("@calldesk/client/raw").sort()).toEqual([
      "ClientOptions",
      "RawClient",
      "createRawClient",
    ]);
  });
});
