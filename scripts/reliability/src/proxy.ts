// A fault-injecting TCP proxy on loopback. It speaks just enough HTTP/1.1 to know where a
// request and a response end, so each fault hits one exchange at a precise moment: before the
// request reaches the upstream, after the upstream answered, or in the middle of the answer.
import { connect, createServer, type Server, type Socket } from "node:net";

export const FAULTS = [
  "reset-before",
  "reset-after",
  "delay",
  "status-502",
  "status-503",
  "truncate",
  "gateway-502",
  "gateway-504",
  "forwarded-500",
] as const;
export type Fault = (typeof FAULTS)[number];
export type Outcome = Fault | "pass";

export interface FaultProxyOptions {
  upstream: { host: string; port: number };
  /** Chance of each fault per request; the rest pass through untouched. */
  rates: Partial<Record<Fault, number>>;
  /** Deterministic randomness, so a failing run can be replayed from its seed. */
  random: () => number;
  /** How long a `delay` fault holds the answer (longer than the client's timeout). */
  delayMs: number;
}

export interface FaultProxy {
  port: number;
  /** How many requests met each outcome. */
  counts: Record<Outcome, number>;
  close(): Promise<void>;
}

/** Where one HTTP/1.1 message ends in `buffer`, or -1 while it is incomplete. */
export function messageEnd(buffer: Buffer): number {
  const headerEnd = buffer.indexOf("\r\n\r\n");
  if (headerEnd === -1) {
    return -1;
  }
  const head = buffer.subarray(0, headerEnd).toString("latin1");
  if (/\r\ntransfer-encoding:\s*chunked/i.test(head)) {
    const last = buffer.indexOf("\r\n0\r\n\r\n", headerEnd);
    return last === -1 ? -1 : last + 7;
  }
  const length = /\r\ncontent-length:\s*(\d+)/i.exec(head);
  const end = headerEnd + 4 + (length ? Number(length[1]) : 0);
  return buffer.length >= end ? end : -1;
}

function pick(options: FaultProxyOptions): Outcome {
  let roll = options.random();
  for (const fault of FAULTS) {
    roll -= options.rates[fault] ?? 0;
    if (roll < 0) {
      return fault;
    }
  }
  return "pass";
}

const REASONS: Record<number, string> = {
  500: "Internal Server Error",
  502: "Bad Gateway",
  503: "Service Unavailable",
  504: "Gateway Timeout",
};

function answer(status: number, contentType: string, body: string, retryAfter = true): Buffer {
  return Buffer.from(
    `HTTP/1.1 ${status} ${REASONS[status]}\r\n` +
      `content-type: ${contentType}\r\n` +
      (retryAfter ? "retry-after: 0\r\n" : "") +
      `content-length: ${Buffer.byteLength(body)}\r\n` +
      "connection: close\r\n\r\n" +
      body,
  );
}

/** The proxy's own answer, before forwarding: a problem, shaped like the contract's. */
function cannedAnswer(status: 502 | 503): Buffer {
  const body = JSON.stringify({
    type: "about:blank",
    title: REASONS[status],
    status,
    code: "service_unavailable",
    request_id: "req_proxy",
  });
  return answer(status, "application/problem+json", body);
}

/**
 * What a gateway says after it forwarded the request and lost the upstream's answer: a load
 * balancer's HTML error page (502/504), or a 500 problem from the API's own edge. The call exists.
 */
function afterForwarding(outcome: "gateway-502" | "gateway-504" | "forwarded-500"): Buffer {
  if (outcome === "forwarded-500") {
    const body = JSON.stringify({
      type: "https://docs.247calldesk.com/errors/internal-error",
      title: "Internal server error",
      status: 500,
      detail: "An unexpected error occurred; retry with the same Idempotency-Key.",
      code: "internal_error",
      request_id: "req_forwarded",
    });
    return answer(500, "application/problem+json", body, false);
  }
  const status = outcome === "gateway-502" ? 502 : 504;
  const page = `<html><head><title>${status} ${REASONS[status]}</title></head><body><center><h1>${status} ${REASONS[status]}</h1></center><hr><center>nginx</center></body></html>\n`;
  return answer(status, "text/html", page, false);
}

/**
 * Marks an answer `connection: close`: the proxy serves one exchange per connection, and a
 * client that tried to reuse the socket would meet a closed connection no fault asked for.
 */
function closing(answer: Buffer): Buffer {
  const headerEnd = answer.indexOf("\r\n\r\n");
  const head = answer
    .subarray(0, headerEnd)
    .toString("latin1")
    .split("\r\n")
    .filter((line) => !/^connection:/i.test(line))
    .concat("connection: close")
    .join("\r\n");
  return Buffer.concat([Buffer.from(head, "latin1"), answer.subarray(headerEnd)]);
}

export async function startFaultProxy(options: FaultProxyOptions): Promise<FaultProxy> {
  const counts = Object.fromEntries([...FAULTS, "pass"].map((outcome) => [outcome, 0])) as Record<
    Outcome,
    number
  >;
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();

  // One exchange per connection keeps every fault attributable to exactly one request.
  const handle = (client: Socket) => {
    sockets.add(client);
    client.on("close", () => sockets.delete(client));
    client.on("error", () => {});
    let request = Buffer.alloc(0);
    const onData = (chunk: Buffer) => {
      request = Buffer.concat([request, chunk]);
      const end = messageEnd(request);
      if (end === -1) {
        return;
      }
      client.off("data", onData);
      exchange(client, request.subarray(0, end));
    };
    client.on("data", onData);
  };

  const exchange = (client: Socket, request: Buffer) => {
    const outcome = pick(options);
    counts[outcome] += 1;
    if (outcome === "reset-before") {
      client.resetAndDestroy();
      return;
    }
    if (outcome === "status-502" || outcome === "status-503") {
      client.end(cannedAnswer(outcome === "status-502" ? 502 : 503));
      return;
    }
    const upstream = connect(options.upstream.port, options.upstream.host);
    sockets.add(upstream);
    upstream.on("close", () => sockets.delete(upstream));
    upstream.on("error", () => client.destroy());
    // The upstream sees a normal request; keep-alive is irrelevant since we close after one answer.
    upstream.write(request);
    let response = Buffer.alloc(0);
    upstream.on("data", (chunk: Buffer) => {
      response = Buffer.concat([response, chunk]);
      const end = messageEnd(response);
      if (end === -1) {
        return;
      }
      upstream.destroy();
      const answer = closing(response.subarray(0, end));
      if (outcome === "reset-after") {
        client.resetAndDestroy();
      } else if (outcome === "gateway-502" || outcome === "gateway-504" || outcome === "forwarded-500") {
        client.end(afterForwarding(outcome));
      } else if (outcome === "truncate") {
        // Headers and half the body, then the connection dies.
        const headerEnd = answer.indexOf("\r\n\r\n") + 4;
        client.write(answer.subarray(0, headerEnd + Math.floor((answer.length - headerEnd) / 2)));
        client.resetAndDestroy();
      } else if (outcome === "delay") {
        const timer = setTimeout(() => {
          timers.delete(timer);
          client.end(answer);
        }, options.delayMs);
        timers.add(timer);
      } else {
        client.end(answer);
      }
    });
  };

  const server: Server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;

  return {
    port,
    counts,
    close: async () => {
      for (const timer of timers) {
        clearTimeout(timer);
      }
      for (const socket of sockets) {
        socket.destroy();
      }
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
