import { createServer, type Server } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { type Fault, type FaultProxy, messageEnd, startFaultProxy } from "../src/proxy.js";

let upstream: Server | undefined;
let proxy: FaultProxy | undefined;
let received = 0;

async function start(fault: Fault | null): Promise<string> {
  received = 0;
  const server = createServer((request, response) => {
    request.resume();
    request.on("end", () => {
      received += 1;
      response.setHeader("content-type", "application/json");
      response.end(JSON.stringify({ ok: true, padding: "x".repeat(200) }));
    });
  });
  upstream = server;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  proxy = await startFaultProxy({
    upstream: { host: "127.0.0.1", port },
    rates: fault ? { [fault]: 1 } : {},
    random: () => 0.5,
    delayMs: 300,
  });
  return `http://127.0.0.1:${proxy.port}/`;
}

afterEach(async () => {
  await proxy?.close();
  if (upstream) {
    const server = upstream;
    await new Promise((resolve) => server.close(resolve));
  }
  proxy = undefined;
  upstream = undefined;
});

const post = (url: string, signal?: AbortSignal) =>
  fetch(url, {
    method: "POST",
    body: "{}",
    headers: { "content-type": "application/json" },
    signal: signal ?? null,
  });

describe("messageEnd", () => {
  it("waits for the whole body announced by content-length", () => {
    const head = "POST / HTTP/1.1\r\ncontent-length: 4\r\n\r\n";
    expect(messageEnd(Buffer.from(`${head}ab`))).toBe(-1);
    expect(messageEnd(Buffer.from(`${head}abcd`))).toBe(head.length + 4);
  });

  it("waits for the last chunk of a chunked body", () => {
    const head = "HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n";
    expect(messageEnd(Buffer.from(`${head}2\r\nab\r\n`))).toBe(-1);
    expect(messageEnd(Buffer.from(`${head}2\r\nab\r\n0\r\n\r\n`))).toBe(head.length + 12);
  });
});

describe("startFaultProxy", () => {
  it("passes requests through untouched without a fault", async () => {
    const response = await post(await start(null));
    expect(await response.json()).toMatchObject({ ok: true });
    expect(received).toBe(1);
    expect(proxy?.counts.pass).toBe(1);
  });

  it("reset-before: the connection dies and the upstream never sees the request", async () => {
    await expect(post(await start("reset-before"))).rejects.toThrow(TypeError);
    expect(received).toBe(0);
  });

  it("reset-after: the upstream processed the request but the answer is lost", async () => {
    await expect(post(await start("reset-after"))).rejects.toThrow(TypeError);
    expect(received).toBe(1);
  });

  it("status-503: answers by itself with Retry-After, without forwarding", async () => {
    const response = await post(await start("status-503"));
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("0");
    expect(received).toBe(0);
  });

  it.each([
    ["gateway-502", 502],
    ["gateway-504", 504],
  ] as const)("%s: forwards, then answers an HTML error page of its own", async (fault, status) => {
    const response = await post(await start(fault));
    expect(response.status).toBe(status);
    expect(response.headers.get("content-type")).toBe("text/html");
    expect(await response.text()).toContain(`<h1>${status} `);
    expect(received).toBe(1);
  });

  it("forwarded-500: forwards, then answers a 500 problem shaped like the contract's", async () => {
    const response = await post(await start("forwarded-500"));
    expect(response.status).toBe(500);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(await response.json()).toMatchObject({ status: 500, code: "internal_error" });
    expect(received).toBe(1);
  });

  it("truncate: the headers arrive, the body breaks off", async () => {
    const response = await post(await start("truncate"));
    expect(response.status).toBe(200);
    await expect(response.text()).rejects.toThrow();
    expect(received).toBe(1);
  });

  it("delay: holds the processed answer past a short client timeout", async () => {
    // The proxy holds the answer 300 ms; the client gives up at 200 ms, long after the request
    // reached the upstream even on a loaded machine (50 ms could fire before it was forwarded).
    await expect(post(await start("delay"), AbortSignal.timeout(200))).rejects.toThrow(/abort|timeout/i);
    expect(received).toBe(1);
  });
});
