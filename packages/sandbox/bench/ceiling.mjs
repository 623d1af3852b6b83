// The benchmark's ceiling: the least a node:http server must do to answer the benchmark's request
// as the sandbox does. It reads and parses the body, validates it with the contract's compiled
// validator (the sandbox's own, built once at start-up), and answers a 201 built from it with a
// flat header list of the same names as the sandbox's 201. No authentication, quota,
// idempotency, faults, request log or error answers: the distance between this server and the
// sandbox is what those cost. Usage: node ceiling.mjs PORT
import { createServer } from "node:http";
import { loadContract } from "../dist/contract.js";

const port = Number(process.argv[2]);
const contract = loadContract();
const expose = contract.cors.responseHeaders.join(", ");
let counter = 0;

createServer((req, res) => {
  const chunks = [];
  req.on("data", (chunk) => chunks.push(chunk));
  req.on("end", () => {
    const request = JSON.parse(Buffer.concat(chunks).toString("utf8"));
    if (!contract.validateRequest(request)) {
      res.writeHead(422).end();
      return;
    }
    contract.applyDefaults(request);
    counter += 1;
    const id = `call_${counter.toString(36).padStart(14, "0")}`;
    const links = contract.linksFor(id);
    const body = JSON.stringify({
      call_id: id,
      status: contract.createdStatus,
      caller_id: request.caller_id,
      destination: request.destination,
      created_at: `${new Date().toISOString().slice(0, 19)}Z`,
      recording: { enabled: request.record === true },
      metadata: request.metadata ?? {},
      links,
    });
    res.writeHead(201, [
      "Content-Type",
      "application/json",
      "Location",
      links.self,
      "Idempotent-Replayed",
      "false",
      "RateLimit-Policy",
      '"default";q=1000000000;w=1',
      "RateLimit",
      '"default";r=999999999;t=1',
      "X-Request-Id",
      `req_${counter.toString(36).padStart(20, "0")}`,
      "Access-Control-Allow-Origin",
      "*",
      "Access-Control-Expose-Headers",
      expose,
      "Content-Length",
      String(Buffer.byteLength(body)),
    ]);
    res.end(body);
  });
}).listen(port, "127.0.0.1");
