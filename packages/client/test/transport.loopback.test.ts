// The transport over real loopback HTTP (Node's own fetch and a node:http server), for the
// failures a stub can only imitate: refused connections, sockets reset before and after the
// answer, bodies that break off, slow answers.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { ConnectionError, createCalldeskClient, OutcomeUnknownError, TimeoutError } from "../src/index.js";
import { createRawClient } from "../src/raw.js";
import { API_KEY, instant, seedCall, seedRequest } from "./helpers.js";

interface Seen {
  key: string | undefined;
  authorization: string | undefined;
  body: string;
}
type Handler = (req: IncomingMessage, res: ServerResponse, attempt: number) => void;

const servers: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((close) => close()));
});

async function serve(handler: Handler) {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => {
      body += chunk;
    });
    req.on("end", () => {
      seen.push({
        key: req.headers["idempotency-key"] as string | undefined,
        authorization: req.headers.authorization,
        body,
      });
      handler(req, res, seen.length);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  servers.push(close);
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen, close };
}

const answer201 = (res: ServerResponse) => {
  res.writeHead(201, { "content-type": "application/json", "x-request-id": "req_loop" });
  res.end(JSON.stringify(seedCall()));
};

describe("over loopback", () => {
  it("creates a call", async () => {
    const { url, seen } = await serve((_, res) => answer201(res));
    const client = createCalldeskClient({ apiKey: API_KEY, baseUrl: url });
    const call = await client.calls.create(seedRequest());
    expect(call).toEqual(seedCall());
    expect(call.lastResponse.requestId).toBe("req_loop");
    expect(seen[0]?.authorization).toBe(`Bearer ${API_KEY}`);
    expect(JSON.parse(seen[0]?.body as string)).toEqual(seedRequest());
  });

  it("creates a call through the raw client (the Request body is unwrapped and re-sent)", async () => {
    const { url, seen } = await serve((_, res, attempt) => {
      if (attempt === 1) {
        res.writeHead(503, { "retry-after": "0" }).end();
      } else {
        answer201(res);
      }
    });
    const client = createRawClient({ apiKey: API_KEY, baseUrl: url });
    const { data } = await client.POST("/api/v1/voice/calls", { body: seedRequest() });
    expect(data).toEqual(seedCall());
    expect(seen).toHaveLength(2);
    expect(seen[1]?.body).toBe(seen[0]?.body);
    expect(seen[1]?.key).toBe(seen[0]?.key);
  });

  it.each(["127.0.0.1", "localhost"])(
    "a refused connection to %s is a ConnectionError: nothing was sent",
    async (host) => {
      const { url, close } = await serve(() => {});
      await close();
      const client = createCalldeskClient({
        apiKey: API_KEY,
        baseUrl: url.replace("127.0.0.1", host),
        ...instant(),
      });
      const error = await client.calls.create(seedRequest()).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConnectionError);
      expect(error).toMatchObject({ attempts: 3, outcomeUnknown: false });
      expect((error as Error).message).toContain("ECONNREFUSED");
    },
  );

  it("a socket reset after the request was read is retried with the same key", async () => {
    const { url, seen } = await serve((req, res, attempt) => {
      if (attempt === 1) {
        req.socket.destroy();
      } else {
        answer201(res);
      }
    });
    const client = createCalldeskClient({ apiKey: API_KEY, baseUrl: url, ...instant() });
    const call = await client.calls.create(seedRequest());
    expect(call.lastResponse.attempts).toBe(2);
    expect(seen.map((s) => s.key)).toEqual([
      call.lastResponse.idempotencyKey,
      call.lastResponse.idempotencyKey,
    ]);
  });

  it("a socket reset on every attempt ends in OutcomeUnknownError carrying the key", async () => {
    const { url, seen } = await serve((req) => req.socket.destroy());
    const client = createCalldeskClient({ apiKey: API_KEY, baseUrl: url, ...instant() });
    const error = await client.calls.create(seedRequest()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OutcomeUnknownError);
    expect(error).toMatchObject({ attempts: 3, outcomeUnknown: true, idempotencyKey: seen[0]?.key });
  });

  it("a body that breaks off after the headers is a lost answer", async () => {
    const { url } = await serve((_, res, attempt) => {
      if (attempt === 1) {
        res.writeHead(201, { "content-type": "application/json", "content-length": "500" });
        res.write('{"call_id":');
        setTimeout(() => res.socket?.destroy(), 5);
      } else {
        answer201(res);
      }
    });
    const client = createCalldeskClient({ apiKey: API_KEY, baseUrl: url, ...instant() });
    const call = await client.calls.create(seedRequest());
    expect(call.lastResponse.attempts).toBe(2);
  });

  it("an answer slower than the deadline is a TimeoutError with the outcome unknown", async () => {
    const { url } = await serve(() => {
      // Never answers; the client's deadline ends the request.
    });
    const client = createCalldeskClient({ apiKey: API_KEY, baseUrl: url, timeoutMs: 500 });
    const error = await client.calls.create(seedRequest()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ outcomeUnknown: true, attempts: 1 });
    expect((error as TimeoutError).idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
  });
});
