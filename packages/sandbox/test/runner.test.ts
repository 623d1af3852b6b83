// The runner with steps of the test's own, on a real server over loopback: order, waiting,
// failures, and the end of an exchange.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { loadContract } from "../src/contract.js";
import type { LogLine } from "../src/options.js";
import { createHandler } from "../src/runner.js";
import type { SandboxState } from "../src/state.js";
import { NEXT, PENDING, problem, reply, type Step } from "../src/step.js";
import { bundlePath } from "./helpers.js";

const contract = loadContract(bundlePath);
const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    await new Promise((resolve) => server.close(resolve));
  }
});

async function serve(steps: Step[], logger?: (line: LogLine) => void): Promise<string> {
  const handler = createHandler(contract, logger ? { logger } : {}, steps);
  const server = createServer(handler.handle);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const step = (name: string, run: Step["run"]): Step => ({ name, check: name, answer: name, run });
const answerOk = step("ok", () => reply(200, "ok", ["Content-Type", "text/plain"]));
const mustNotRun = step("never", () => {
  throw new Error("ran after the answer");
});

describe("runner", () => {
  it("runs the steps in order until one answers, and adds X-Request-Id and CORS", async () => {
    const seen: string[] = [];
    const first = step("first", (exchange) => {
      seen.push("first");
      exchange.log.code = "from-first";
      return NEXT;
    });
    const lines: LogLine[] = [];
    const url = await serve([first, answerOk, mustNotRun], (line) => lines.push(line));
    const response = await fetch(`${url}/anything?x=1`);
    expect([response.status, await response.text()]).toEqual([200, "ok"]);
    expect(response.headers.get("x-request-id")).toMatch(/^req_/);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(seen).toEqual(["first"]);
    expect(lines).toEqual([
      expect.objectContaining({ msg: "request", path: "/anything", status: 200, code: "from-first" }),
    ]);
  });

  it("goes on from the step after one that said PENDING, when it resumes", async () => {
    const waits = step("waits", (exchange, sandbox) => {
      setTimeout(() => sandbox.resume(exchange, NEXT), 20);
      return PENDING;
    });
    const url = await serve([waits, answerOk, mustNotRun]);
    expect((await fetch(url)).status).toBe(200);
  });

  it("answers 500 internal_error when a step throws (or none answers), and logs the error", async () => {
    const lines: LogLine[] = [];
    const broken = step("broken", () => {
      throw new Error("boom");
    });
    for (const steps of [[broken], [step("silent", () => NEXT)]]) {
      const url = await serve(steps, (line) => lines.push(line));
      const response = await fetch(url);
      expect(response.status).toBe(500);
      expect(await response.json()).toMatchObject({
        code: "internal_error",
        request_id: response.headers.get("x-request-id"),
      });
    }
    expect(lines.filter((line) => line.msg === "error").map((line) => line.error)).toEqual([
      "boom",
      "no step answered",
    ]);
  });

  it("releases an idempotency reservation the exchange did not use", async () => {
    let state: SandboxState | undefined;
    const reserves = step("reserves", (exchange, sandbox) => {
      state = sandbox;
      sandbox.idempotency.begin("account:k", "body");
      exchange.reserved = "account:k";
      return problem(503, "service_unavailable", "not now");
    });
    const url = await serve([reserves]);
    expect((await fetch(url)).status).toBe(503);
    expect(state?.idempotency.begin("account:k", "another body")).toEqual({ kind: "reserved" });
  });
});
