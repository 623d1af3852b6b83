// Steps run on real node:http objects (an IncomingMessage on an unconnected socket) and the real
// state of a sandbox built from the bundle; only the two ways back into the pipeline, which the
// synchronous steps never take, refuse to be called.
import { IncomingMessage, ServerResponse } from "node:http";
import { Socket } from "node:net";
import { loadContract } from "../../src/contract.js";
import { Exchange } from "../../src/exchange.js";
import type { SandboxOptions } from "../../src/options.js";
import { createState, type SandboxState } from "../../src/state.js";
import { bundlePath, callsPath } from "../helpers.js";

const contract = loadContract(bundlePath);

export function stateFor(options: SandboxOptions = {}): SandboxState {
  const refuse = () => {
    throw new Error("a synchronous step resumed or delayed the exchange");
  };
  return createState(contract, options, { resume: refuse, delay: refuse });
}

export function exchangeFor(
  headers: Record<string, string> = {},
  { method = "POST", path = callsPath }: { method?: string; path?: string } = {},
): Exchange {
  const req = new IncomingMessage(new Socket());
  req.method = method;
  req.url = path;
  req.headers = Object.fromEntries(
    Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]),
  );
  return new Exchange(req, new ServerResponse(req), "req_test", 0);
}
