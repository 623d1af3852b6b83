// The API key: a bearer token on the allow-list, or of the contract's key format. The key itself
// goes no further: the log line says only that one was sent, and the rest uses its hash.
import { keyId } from "../ids.js";
import { NEXT, problem, type Step } from "../step.js";

const BEARER = /^Bearer[ ]+(\S+)\s*$/i;

export const auth: Step = {
  name: "auth",
  check: "no `Authorization: Bearer <key>`, or a key not accepted",
  answer: "401 `unauthorized` + `WWW-Authenticate`",
  run(exchange, sandbox) {
    const authorization = exchange.req.headers.authorization ?? "";
    const bearer = BEARER.exec(authorization)?.[1];
    if (authorization) {
      exchange.log.api_key = bearer?.startsWith("calldesk_") ? "calldesk_[redacted]" : "[redacted]";
    }
    const accepted =
      bearer !== undefined &&
      (sandbox.apiKeys ? sandbox.apiKeys.has(bearer) : sandbox.contract.apiKeyPattern?.test(bearer) === true);
    if (!accepted) {
      return problem(
        401,
        "unauthorized",
        bearer
          ? "The API key is not valid for this sandbox. Send Authorization: Bearer calldesk_..."
          : "Send a valid API key as Authorization: Bearer calldesk_...",
        { headers: ["WWW-Authenticate", sandbox.contract.wwwAuthenticate] },
      );
    }
    exchange.account = keyId(bearer);
    return NEXT;
  },
};
