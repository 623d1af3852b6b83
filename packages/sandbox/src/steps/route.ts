// Which request this is: a CORS preflight, an inspection endpoint, the contract's operation (the
// other steps go on with it), or something the sandbox has no route for.
import { NEXT, problem, reply, type Step } from "../step.js";

const INSPECTION_PREFIX = "/_sandbox/";

export const route: Step = {
  name: "route",
  check: "not `POST` on the contract's path",
  answer:
    "a CORS preflight: 204; the inspection endpoints; else 404 `not_found` or 405 `method_not_allowed` + `Allow`",
  run(exchange, sandbox) {
    const { req, path } = exchange;
    const { contract } = sandbox;
    // A browser's preflight gets an answer on any path, so that the request it announces gets
    // a readable answer (404, 405) instead of failing as an opaque CORS error.
    if (req.method === "OPTIONS" && req.headers["access-control-request-method"] !== undefined) {
      return reply(204, undefined, sandbox.cors.preflight());
    }
    if (path === contract.path) {
      if (req.method === "POST") {
        return NEXT;
      }
      return problem(405, "method_not_allowed", `Use POST on ${contract.path}.`, {
        headers: ["Allow", "POST"],
      });
    }
    if (path === `${INSPECTION_PREFIX}calls` && req.method === "GET") {
      return reply(200, sandbox.calls.toJson(), ["Content-Type", "application/json"]);
    }
    if (path === `${INSPECTION_PREFIX}reset` && req.method === "POST") {
      sandbox.calls.clear();
      sandbox.idempotency.clear();
      sandbox.rateLimiter.clear();
      return reply(204, undefined, []);
    }
    return problem(404, "not_found", `No route for ${req.method} ${path.slice(0, 200)}.`);
  },
};
