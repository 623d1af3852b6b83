// The sandbox: a plain node:http server for `POST /api/v1/voice/calls` plus two inspection
// routes under `/_sandbox/`. Plain node:http because the contract has one operation and the
// benchmark target (8x Prism) leaves no room for a framework's routing and hooks; what happens
// to a request is runner.ts and its steps.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { loadContract } from "./contract.js";
import { timestamp } from "./ids.js";
import { DEFAULT_HOST, DEFAULT_PORT, type Sandbox, type SandboxOptions } from "./options.js";
import { createHandler, type Handler } from "./runner.js";

export type { LogLine, Sandbox, SandboxOptions } from "./options.js";
export { DEFAULT_HOST, DEFAULT_PORT } from "./options.js";

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const contract = loadContract(options.spec);
  const handler = createHandler(contract, options);
  const server = createServer({ keepAliveTimeout: 5000 }, handler.handle);
  const port = options.port ?? DEFAULT_PORT;
  const host = options.host ?? DEFAULT_HOST;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const urlHost = address.family === "IPv6" ? `[${address.address}]` : address.address;
  const url = `http://${urlHost}:${address.port}`;
  handler.logger?.({ time: timestamp(), msg: "listening", url });
  let closing: Promise<void> | undefined;
  return {
    url,
    close: () => {
      closing ??= closeServer(server, handler);
      return closing;
    },
  };
}

function closeServer(server: Server, handler: Handler): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    server.close((error) => {
      handler.logger?.({ time: timestamp(), msg: "closed" });
      return error ? reject(error) : resolve();
    });
    // Pending latency (injected or the slow test number) ends now; keep-alive sockets go.
    handler.shutdown();
    server.closeIdleConnections();
  });
}
