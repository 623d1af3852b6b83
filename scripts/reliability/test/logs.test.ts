// The client's logs through the fault proxy, at every level: what a gateway's answer after a
// forwarded create looks like in them, and that no level prints the key or a whole phone number.
import { type CalldeskError, createCalldeskClient, type LogLevel } from "@calldesk/client";
import { type Sandbox, startSandbox } from "@calldesk/sandbox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FAULTS, type Fault, type FaultProxy, startFaultProxy } from "../src/proxy.js";

const API_KEY = "calldesk_L0gsThr0ughTheProxy";
const BODY = { caller_id: "+14155550123", destination: "+14155559876", metadata: { patient: "P-98765" } };

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
});
afterAll(async () => {
  await sandbox.close();
});

/** One create through a proxy that injects `fault` into every attempt; what each logger method got. */
async function logsOf(fault: Fault, logLevel: LogLevel) {
  const upstream = new URL(sandbox.url);
  const proxy: FaultProxy = await startFaultProxy({
    upstream: { host: upstream.hostname, port: Number(upstream.port) },
    rates: { [fault]: 1 },
    random: () => 0,
    delayMs: 200,
  });
  const lines: { level: string; line: string }[] = [];
  const at = (level: string) => (line: string) => void lines.push({ level, line });
  try {
    const client = createCalldeskClient({
      apiKey: API_KEY,
      baseUrl: `http://127.0.0.1:${proxy.port}`,
      maxRetries: 1,
      // Long enough that a loaded machine still gets the gateway's answer before the attempt is
      // cut: the asserted lines are about the fault, not about a timeout.
      attemptTimeoutMs: 2_000,
      logLevel,
      logger: { debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") },
      sleep: async () => {},
    });
    // Every attempt meets the fault, so the create fails.
    const error = (await client.calls.create(BODY).catch((e: unknown) => e)) as CalldeskError;
    return { lines, error };
  } finally {
    await proxy.close();
  }
}

describe("logs through the fault proxy", () => {
  it("a gateway's 502 after a forwarded create: warn names the key to retry with", async () => {
    const { lines, error } = await logsOf("gateway-502", "warn");
    expect(lines).toEqual([
      {
        level: "warn",
        line: `calldesk: POST /api/v1/voice/calls attempt 2: 502; outcome unknown, the call may exist: retry with idempotencyKey ${error.idempotencyKey}`,
      },
    ]);
  });

  it("info adds the retry and its cause; debug adds each attempt, the HTML page masked", async () => {
    const info = await logsOf("gateway-504", "info");
    expect(info.lines.map((l) => l.level)).toEqual(["info", "warn"]);
    expect(info.lines[0]?.line).toMatch(/attempt 1: 504; retry in \d+ ms \(backoff\)$/);
    const debug = await logsOf("forwarded-500", "debug");
    expect(debug.lines.map((l) => l.level)).toEqual(["debug", "info", "debug", "warn"]);
    expect(debug.lines[0]?.line).toContain(
      'got {"type":"https://docs.247calldesk.com/errors/internal-error"',
    );
  });

  it.each(["off", "error"] as const)("%s prints nothing, whatever the fault", async (logLevel) => {
    for (const fault of FAULTS) {
      expect((await logsOf(fault, logLevel)).lines).toEqual([]);
    }
  });

  it("no level prints the key, a whole phone number or a metadata value, whatever the fault", async () => {
    let count = 0;
    for (const fault of FAULTS) {
      for (const logLevel of ["warn", "info", "debug"] as const) {
        const { lines } = await logsOf(fault, logLevel);
        count += lines.length;
        for (const { line } of lines) {
          for (const secret of [API_KEY.slice("calldesk_".length), "14155550123", "4155559876", "P-98765"]) {
            expect(line, `${fault} ${logLevel}`).not.toContain(secret);
          }
        }
      }
    }
    expect(count).toBeGreaterThan(FAULTS.length * 3);
  });
});
