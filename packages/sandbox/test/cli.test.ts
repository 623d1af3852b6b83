import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { afterEach, describe, expect, it } from "vitest";
import { post, seedBody } from "./helpers.js";

// The CLI is tested as users run it: the bin, executed through its shebang (which carries node's
// memory flags, so a flag node refuses fails here), running the build turbo made before.
const CLI = new URL("../bin/calldesk-sandbox.js", import.meta.url).pathname;
const children: ChildProcess[] = [];

afterEach(() => {
  for (const child of children.splice(0)) {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGKILL");
    }
  }
});

function startCli(args: string[]) {
  const child = spawn(CLI, args, { stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  const lines: string[] = [];
  const reader = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  const url = new Promise<string>((resolve, reject) => {
    reader.on("line", (line) => {
      lines.push(line);
      const match = /listening on (http:\/\/\S+)$/.exec(line);
      if (match) {
        resolve(match[1] as string);
      }
    });
    child.once("exit", (code) => reject(new Error(`exited with ${code} before listening`)));
  });
  let stderr = "";
  child.stderr?.on("data", (chunk) => {
    stderr += String(chunk);
  });
  return { child, url, lines, stderr: () => stderr };
}

describe("calldesk-sandbox", () => {
  it("prints its URL, logs one JSON line per request without the key, and stops on SIGTERM", async () => {
    const cli = startCli(["--port", "0", "--host", "127.0.0.1"]);
    const url = await cli.url;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    // env -S replaced itself with node, flags included.
    const commandLine = readFileSync(`/proc/${cli.child.pid}/cmdline`, "utf8").split("\0");
    expect(commandLine).toEqual(
      expect.arrayContaining(["--max-semi-space-size=2", "--heap-growing-percent=50"]),
    );
    const answer = await post(url, seedBody, { Authorization: "Bearer calldesk_CliSecret42" });
    expect(answer.status).toBe(201);

    cli.child.kill("SIGTERM");
    const [code] = await once(cli.child, "exit");
    expect(code).toBe(0);
    const requests = cli.lines
      .filter((line) => line.startsWith("{"))
      .map((line) => JSON.parse(line))
      .filter((line) => line.msg === "request");
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ status: 201, request_id: answer.headers.get("x-request-id") });
    expect(cli.lines.join("\n")).not.toContain("CliSecret42");
    expect(cli.lines.some((line) => line.includes('"msg":"closed"'))).toBe(true);
  });

  it("--quiet drops request lines; --api-key restricts keys without printing them", async () => {
    const cli = startCli(["--port", "0", "--quiet", "--api-key", "calldesk_OnlyThis1"]);
    const url = await cli.url;
    expect((await post(url, seedBody)).status).toBe(401);
    expect((await post(url, seedBody, { Authorization: "Bearer calldesk_OnlyThis1" })).status).toBe(201);
    cli.child.kill("SIGINT");
    expect((await once(cli.child, "exit"))[0]).toBe(0);
    expect(cli.lines.some((line) => line.includes('"msg":"request"'))).toBe(false);
    expect(cli.lines.join("\n")).not.toContain("OnlyThis1");
  });

  it("--cors-origin (repeatable) lets only those origins read the answers", async () => {
    const cli = startCli([
      "--port",
      "0",
      "--quiet",
      "--cors-origin",
      "http://a.test",
      "--cors-origin",
      "http://b.test",
    ]);
    const url = await cli.url;
    for (const origin of ["http://a.test", "http://b.test"]) {
      const answer = await post(url, seedBody, { Origin: origin });
      expect(answer.headers.get("access-control-allow-origin")).toBe(origin);
    }
    const refused = await post(url, seedBody, { Origin: "http://c.test" });
    expect(refused.headers.get("access-control-allow-origin")).toBeNull();
    cli.child.kill("SIGTERM");
    expect((await once(cli.child, "exit"))[0]).toBe(0);
  });

  it.each([
    [["--port", "http"], /--port/],
    [["--rate-limit", "10"], /--rate-limit/],
    [["--bogus"], /bogus/],
    [["--port", "0", "--spec", "/nonexistent/openapi.json"], /cannot read .*openapi\.json/],
    [["--port", "0", "--cors-origin", "localhost:3000"], /"localhost:3000" is not an origin/],
  ])("exits 2 with a message naming the problem for %j", async (args, message) => {
    const cli = startCli(args);
    cli.url.catch(() => undefined);
    const [code] = await once(cli.child, "exit");
    expect(code).toBe(2);
    expect(cli.stderr()).toMatch(message);
  });
});
