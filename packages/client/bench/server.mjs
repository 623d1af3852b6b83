// The loopback peer of the benchmark, in its own process so it does not share the client's CPU
// time slice: answers every POST with the contract's seed 201 body.
import { createServer } from "node:http";

const body = process.argv[2] ?? "{}";
const server = createServer((req, res) => {
  req.resume();
  req.on("end", () => {
    res.writeHead(201, {
      "content-type": "application/json",
      "content-length": Buffer.byteLength(body),
      "x-request-id": "req_bench",
    });
    res.end(body);
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, "127.0.0.1", () => process.send?.(server.address().port));
process.on("SIGTERM", () => process.exit(0));
