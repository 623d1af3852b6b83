// Golden raw answers: for every status the sandbox answers, the exact bytes on the wire (status
// line, header names, values and order, body) and the log line, compared with a committed file.
// Only what must vary is normalised: request and call ids (numbered by first appearance, so a
// replay still shows the same id), dates and durations. Changing an answer on purpose means
// running `vitest run -u` and reading the diff of test/golden/.
import { connect } from "node:net";
import { describe, expect, it } from "vitest";
import type { LogLine, SandboxOptions } from "../src/index.js";
import { callsPath, seedBody, useSandbox } from "./helpers.js";

const KEY = "550e8400-e29b-41d4-a716-446655440000";
const AUTH = { Authorization: "Bearer calldesk_abc123" };
const JSON_AUTH = { ...AUTH, "Content-Type": "application/json" };
const seed = JSON.stringify(seedBody);
const CONSOLE = "http://console.test:8080";
const PREFLIGHT = {
  Origin: CONSOLE,
  "Access-Control-Request-Method": "POST",
  "Access-Control-Request-Headers": "authorization,content-type,idempotency-key",
};

interface Exchange {
  request: string;
  /** Send this exchange without waiting for the previous one's answer. */
  concurrent?: boolean;
}

function request(method: string, path: string, headers: Record<string, string>, body?: string): string {
  const lines = [`${method} ${path} HTTP/1.1`, "Host: sandbox.test"];
  for (const [name, value] of Object.entries(headers)) {
    lines.push(`${name}: ${value}`);
  }
  if (body !== undefined && !("Transfer-Encoding" in headers) && !("Content-Length" in headers)) {
    lines.push(`Content-Length: ${Buffer.byteLength(body)}`);
  }
  return `${lines.join("\r\n")}\r\n\r\n${body ?? ""}`;
}

const create = (headers: Record<string, string> = {}, body = seed) =>
  request("POST", callsPath, { ...JSON_AUTH, ...headers }, body);

const withSeed = (changes: Record<string, unknown>) => JSON.stringify({ ...seedBody, ...changes });

function chunked(size: number): string {
  const chunk = "x".repeat(size);
  return `${size.toString(16)}\r\n${chunk}\r\n0\r\n\r\n`;
}

/** Sends one raw request on its own connection and resolves with the raw answer's bytes. */
function exchange(port: number, raw: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1");
    let received = Buffer.alloc(0);
    const complete = () => {
      const text = received.toString("latin1");
      const end = text.indexOf("\r\n\r\n");
      if (end === -1) {
        return false;
      }
      const length = Number(/\r\ncontent-length: (\d+)/i.exec(text.slice(0, end))?.[1] ?? 0);
      return received.length >= end + 4 + length;
    };
    socket.on("data", (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      if (complete()) {
        socket.destroy();
        resolve(received.toString("utf8"));
      }
    });
    socket.on("error", reject);
    socket.on("close", () => (complete() ? undefined : reject(new Error(`no complete answer: ${received}`))));
    socket.write(raw);
  });
}

/** The request as `> ` lines, a long body cut short. */
function requestLines(raw: string): string {
  const end = raw.indexOf("\r\n\r\n");
  const body = raw.slice(end + 4);
  const shownBody = body.length > 200 ? `${body.slice(0, 120)}... (${body.length} bytes)` : body;
  return `${raw.slice(0, end)}\r\n\r\n${shownBody}`
    .split("\r\n")
    .map((line) => `> ${line}`.trimEnd())
    .join("\n");
}

/** The answer as text: CRLF must end every header line, then shown as a plain line break. */
function shown(raw: string): string {
  const end = raw.indexOf("\r\n\r\n");
  const head = raw.slice(0, end);
  const body = raw.slice(end + 4);
  expect(head.replaceAll("\r\n", "")).not.toMatch(/[\r\n]/);
  expect(body).not.toMatch(/\r/);
  return `${head.replaceAll("\r\n", "\n")}\n\n${body}`;
}

function normaliser(): (text: string) => string {
  const ids = new Map<string, string>();
  const placeholder = (id: string, prefix: string) => {
    let name = ids.get(id);
    if (name === undefined) {
      name = `${prefix}<${[...ids.keys()].filter((key) => key.startsWith(prefix)).length + 1}>`;
      ids.set(id, name);
    }
    return name;
  };
  return (text) =>
    text
      .replace(/req_[0-9a-z]{20}/g, (id) => placeholder(id, "req_"))
      .replace(/call_[0-9a-z]{14}/g, (id) => placeholder(id, "call_"))
      .replace(/^Date: .*$/gm, "Date: <date>")
      .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/g, "<timestamp>")
      .replace(/"duration_ms":[\d.]+/g, '"duration_ms":<ms>');
}

async function record(exchanges: Exchange[], options: SandboxOptions = {}): Promise<string> {
  const lines: LogLine[] = [];
  const sandbox = await useSandbox({
    ...options,
    logger: (line) => {
      if (line.msg === "request") {
        lines.push(line);
      }
    },
  });
  const port = Number(new URL(sandbox.url).port);
  const answers: Promise<string>[] = [];
  for (const [index, { request: raw }] of exchanges.entries()) {
    const next = exchanges[index + 1];
    const answer = exchange(port, raw);
    answers.push(answer);
    if (next?.concurrent) {
      // Give the server time to take the first request in before the concurrent one arrives.
      await new Promise((resolve) => setTimeout(resolve, 500));
    } else {
      await answer;
    }
  }
  const texts = await Promise.all(answers);
  const normalise = normaliser();
  const parts = exchanges.map(
    ({ request: raw }, index) => `${requestLines(raw)}\n\n${shown(texts[index] as string)}\n`,
  );
  const log = lines.map((line) => JSON.stringify(line)).join("\n");
  return normalise(`${parts.join("\n")}\n--- log\n${log}\n`);
}

const cases: [string, Exchange[], SandboxOptions?][] = [
  ["201-created", [{ request: create({ "Idempotency-Key": KEY }) }]],
  ["201-no-key", [{ request: create() }]],
  [
    "201-replayed",
    [{ request: create({ "Idempotency-Key": KEY }) }, { request: create({ "Idempotency-Key": KEY }) }],
  ],
  [
    "201-replayed-defaults",
    [
      {
        request: create(
          { "Idempotency-Key": KEY },
          '{"caller_id":"+14155550123","destination":"+14155559876"}',
        ),
      },
      {
        request: create(
          { "Idempotency-Key": KEY },
          '{\n  "destination": "+14155559876",\n  "voice_changer_uid": null,\n  "record": false,\n  "caller_id": "+14155550123"\n}',
        ),
      },
    ],
  ],
  ["400-fault-header", [{ request: create({ "Sandbox-Fault": "explode" }) }]],
  ["400-idempotency-key", [{ request: create({ "Idempotency-Key": "not-a-uuid" }) }]],
  ["400-malformed-json", [{ request: create({}, "{caller_id:") }]],
  ["400-not-an-object", [{ request: create({}, "[]") }]],
  ["401-no-key", [{ request: request("POST", callsPath, { "Content-Type": "application/json" }, seed) }]],
  ["401-bad-key", [{ request: create({ Authorization: "Bearer sk_live_secret" }) }]],
  ["404-no-route", [{ request: request("GET", "/api/v1/voice/nothing?x=1", {}) }]],
  ["405-wrong-method", [{ request: request("GET", callsPath, AUTH) }]],
  [
    "409-in-flight",
    [
      { request: create({ "Idempotency-Key": KEY, "Sandbox-Fault": "latency=2000" }) },
      { request: create({ "Idempotency-Key": KEY }), concurrent: true },
    ],
  ],
  ["413-content-length", [{ request: create({ "Content-Length": "70000" }, "") }]],
  ["413-streamed", [{ request: create({ "Transfer-Encoding": "chunked" }, chunked(70_000)) }]],
  ["415-media-type", [{ request: create({ "Content-Type": "text/plain" }) }]],
  [
    "422-validation",
    [{ request: create({}, JSON.stringify({ destination: "+0123", record: "yes", colour: "red" })) }],
  ],
  ["422-caller-id-not-verified", [{ request: create({}, withSeed({ caller_id: "+14155550100" })) }]],
  [
    "422-same-reason-two-fields",
    [{ request: create({}, withSeed({ caller_id: "4155550123", destination: "+0155559876" })) }],
  ],
  [
    "422-idempotency-key-reused",
    [
      { request: create({ "Idempotency-Key": KEY }) },
      {
        request: create({ "Idempotency-Key": KEY }, withSeed({ destination: "+14155559877" })),
      },
    ],
  ],
  [
    "429-quota",
    [{ request: create() }, { request: create() }],
    { rateLimit: { limit: 1, windowSeconds: 1 } },
  ],
  ["429-test-number", [{ request: create({}, withSeed({ destination: "+14155550129" })) }]],
  ["500-test-number", [{ request: create({}, withSeed({ destination: "+14155550150" })) }]],
  ["500-fault", [{ request: create({ "Sandbox-Fault": "status=500" }) }]],
  ["502-fault", [{ request: create({ "Sandbox-Fault": "status=502" }) }]],
  ["503-fault", [{ request: create({ "Sandbox-Fault": "status=503" }) }]],
  ["503-test-number", [{ request: create({}, withSeed({ destination: "+14155550153" })) }]],
  ["200-inspection-calls", [{ request: create() }, { request: request("GET", "/_sandbox/calls", {}) }]],
  ["204-inspection-reset", [{ request: request("POST", "/_sandbox/reset", {}) }]],
  ["204-preflight", [{ request: request("OPTIONS", callsPath, PREFLIGHT) }]],
  ["204-preflight-any-path", [{ request: request("OPTIONS", "/api/v1/voice/nothing", PREFLIGHT) }]],
  ["405-options-not-a-preflight", [{ request: request("OPTIONS", callsPath, { Origin: CONSOLE }) }]],
  [
    "201-cors-origin-allowed",
    [{ request: request("OPTIONS", callsPath, PREFLIGHT) }, { request: create({ Origin: CONSOLE }) }],
    { corsOrigins: ["http://localhost:3000", CONSOLE] },
  ],
  [
    "401-cors-origin-refused",
    [
      { request: create({ Origin: "http://elsewhere.test", Authorization: "Bearer" }) },
      { request: create() },
    ],
    { corsOrigins: [CONSOLE] },
  ],
];

describe("golden raw answers", () => {
  it.each(cases)("%s", async (name, exchanges, options) => {
    await expect(await record(exchanges, options)).toMatchFileSnapshot(`golden/${name}.http`);
  });
});
