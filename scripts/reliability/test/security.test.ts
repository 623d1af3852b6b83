// Cross-cutting security checks: secrets stay out of logs and errors, only https leaves the
// machine, header injection is refused, no code is evaluated from strings, workflows are pinned
// and least-privileged, and every dependency is pinned by integrity.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { connect } from "node:net";
import { join } from "node:path";
import { inspect } from "node:util";
import { CalldeskError, createCalldeskClient } from "@calldesk/client";
import { startSandbox } from "@calldesk/sandbox";
import { describe, expect, it } from "vitest";

const ROOT = new URL("../../..", import.meta.url).pathname;
const SECRET = "calldesk_TopS3cretSecurityKey42";
const SEED_BODY = { caller_id: "+14155550123", destination: "+14155559876" };

function filesUnder(dir: string, extensions: RegExp): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((file) => !file.includes("node_modules") && extensions.test(file))
    .map((file) => join(dir, file))
    .filter((path) => statSync(path).isFile());
}

describe("secrets", () => {
  it("never reach the sandbox's log lines, whatever carries them", async () => {
    const lines: unknown[] = [];
    const sandbox = await startSandbox({ port: 0, logger: (line) => lines.push(line) });
    try {
      const url = `${sandbox.url}/api/v1/voice/calls`;
      const headers = { authorization: `Bearer ${SECRET}`, "content-type": "application/json" };
      await fetch(url, { method: "POST", headers, body: JSON.stringify(SEED_BODY) });
      await fetch(url, { method: "POST", headers, body: "{not json" });
      await fetch(url, { method: "POST", headers: { ...headers, "idempotency-key": SECRET }, body: "{}" });
      await fetch(url, { method: "POST", headers: { authorization: `Basic ${SECRET}` }, body: "x" });
    } finally {
      await sandbox.close();
    }
    expect(lines.length).toBeGreaterThanOrEqual(4);
    expect(JSON.stringify(lines)).not.toContain(SECRET);
  });

  it("never reach the client's errors or its inspected form", async () => {
    const client = createCalldeskClient({
      apiKey: SECRET,
      baseUrl: "http://127.0.0.1:9",
      maxRetries: 0,
      fetch: async () => {
        throw Object.assign(new TypeError(`fetch failed for Bearer ${SECRET}`), {
          cause: { code: "ECONNREFUSED" },
        });
      },
    });
    const error = await client.calls.create(SEED_BODY).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CalldeskError);
    for (const view of [
      String(error),
      JSON.stringify(error),
      inspect(error, { depth: 10 }),
      inspect(client),
    ]) {
      expect(view).not.toContain(SECRET);
    }
  });
});

describe("transport", () => {
  it("refuses plain http except on loopback", () => {
    expect(() =>
      createCalldeskClient({ apiKey: "calldesk_abc123", baseUrl: "http://api.247calldesk.com" }),
    ).toThrow(CalldeskError);
    for (const baseUrl of ["http://127.0.0.1:4010", "http://localhost:4010", "http://[::1]:4010"]) {
      expect(() => createCalldeskClient({ apiKey: "calldesk_abc123", baseUrl })).not.toThrow();
    }
  });

  it("refuses CR/LF in an idempotency key before anything is sent", async () => {
    let sent = 0;
    const client = createCalldeskClient({
      apiKey: "calldesk_abc123",
      baseUrl: "http://127.0.0.1:4010",
      fetch: async () => {
        sent += 1;
        return new Response(null, { status: 500 });
      },
    });
    const error = await client.calls
      .create(SEED_BODY, { idempotencyKey: "550e8400-e29b-41d4-a716-446655440000\r\nX-Evil: 1" })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CalldeskError);
    expect(sent).toBe(0);
  });

  it("the sandbox answers a header with a bare LF or CR with 400, not a crash", async () => {
    const sandbox = await startSandbox({ port: 0 });
    try {
      const { port } = new URL(sandbox.url);
      for (const injected of ["X-A: 1\nX-B: 2", "X-A: 1\rX-B: 2"]) {
        const answer = await new Promise<string>((resolve, reject) => {
          const socket = connect(Number(port), "127.0.0.1", () => {
            socket.end(
              `POST /api/v1/voice/calls HTTP/1.1\r\nHost: x\r\n${injected}\r\nContent-Length: 0\r\n\r\n`,
            );
          });
          let data = "";
          socket.on("data", (chunk) => {
            data += chunk;
          });
          socket.on("close", () => resolve(data));
          socket.on("error", reject);
        });
        expect(answer).toMatch(/^HTTP\/1\.1 400 /);
      }
      // Still serving.
      const ok = await fetch(`${sandbox.url}/api/v1/voice/calls`, {
        method: "POST",
        headers: { authorization: "Bearer calldesk_abc123", "content-type": "application/json" },
        body: JSON.stringify(SEED_BODY),
      });
      expect(ok.status).toBe(201);
    } finally {
      await sandbox.close();
    }
  });
});

describe("code", () => {
  const EVALUATION =
    /\beval\s*\(|\bnew\s+Function\s*\(|\bvm\.(runIn|compileFunction)|\bset(Timeout|Interval)\s*\(\s*["'`]/;

  it("evaluates nothing from strings in our sources", () => {
    const sources = ["packages", "scripts"].flatMap((dir) =>
      filesUnder(join(ROOT, dir), /(^|\/)src\/.*\.(m?[jt]s)$/),
    );
    expect(sources.length).toBeGreaterThan(20);
    expect(sources.filter((file) => EVALUATION.test(readFileSync(file, "utf8")))).toEqual([]);
  });

  it("ships a client bundle with no eval or Function constructor", () => {
    const bundles = filesUnder(join(ROOT, "packages/client/dist"), /\.(c|m)?js$/);
    expect(bundles.length).toBeGreaterThan(0);
    expect(bundles.filter((file) => EVALUATION.test(readFileSync(file, "utf8")))).toEqual([]);
  });
});

describe("supply chain", () => {
  const workflows = filesUnder(join(ROOT, ".github/workflows"), /\.ya?ml$/);

  it("pins every action of every workflow to a full commit SHA", () => {
    expect(workflows.length).toBeGreaterThanOrEqual(3);
    for (const file of workflows) {
      for (const [, action] of readFileSync(file, "utf8").matchAll(/^\s*-?\s*uses:\s*(\S+)/gm)) {
        expect(action, `${file}`).toMatch(/^(\.\/|[\w.-]+\/[\w./-]+@[0-9a-f]{40}$)/);
      }
    }
  });

  it("gives every workflow read-only defaults and no blanket write access", () => {
    for (const file of workflows) {
      const text = readFileSync(file, "utf8");
      expect(text, file).toMatch(/^permissions:\n {2}contents: read$/m);
      expect(text, file).not.toMatch(/write-all/);
    }
  });

  it("resolves every dependency from the registry with an integrity hash", () => {
    const lockfile = readFileSync(join(ROOT, "pnpm-lock.yaml"), "utf8");
    const packagesSection = lockfile.slice(
      lockfile.indexOf("\npackages:\n"),
      lockfile.indexOf("\nsnapshots:\n"),
    );
    const resolutions = [...packagesSection.matchAll(/resolution: \{([^}]*)\}/g)].map(
      (match) => match[1] as string,
    );
    expect(resolutions.length).toBeGreaterThan(100);
    expect(resolutions.filter((resolution) => !/^integrity: sha512-/.test(resolution.trim()))).toEqual([]);
  });
});
