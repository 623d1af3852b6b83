// Reads the body, up to the contract's `x-max-body-bytes`. The one step that waits for the
// network: it resumes the exchange from the request's own 'end' event, so that the answer is
// written from there too (node:http then sends headers and body in one write).
import type { Exchange } from "../exchange.js";
import type { SandboxState } from "../state.js";
import { NEXT, PENDING, type ProblemAnswer, problem, type Step } from "../step.js";

export const bodySize: Step = {
  name: "body-size",
  check: "body over `x-max-body-bytes` (64 KiB)",
  answer: "413 `payload_too_large`",
  run(exchange, sandbox) {
    const { req } = exchange;
    const max = sandbox.contract.maxBodyBytes;
    if (Number(req.headers["content-length"]) > max) {
      return tooLarge(exchange, sandbox);
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let finished = false;
    req.on("data", (chunk: Buffer) => {
      if (finished) {
        return;
      }
      size += chunk.length;
      if (size > max) {
        finished = true;
        req.pause();
        sandbox.resume(exchange, tooLarge(exchange, sandbox));
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => {
      if (!finished) {
        finished = true;
        exchange.raw = chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks);
        sandbox.resume(exchange, NEXT);
      }
    });
    req.on("error", () => {
      // The client went away mid-body: there is nobody to answer.
      finished = true;
    });
    return PENDING;
  },
};

function tooLarge(exchange: Exchange, { contract }: SandboxState): ProblemAnswer {
  // The rest of the body is not read: close the connection after answering.
  exchange.res.shouldKeepAlive = false;
  return problem(
    413,
    "payload_too_large",
    `The request body must be at most ${contract.maxBodyBytes} bytes.`,
    {
      headers: ["Connection", "close"],
    },
  );
}
