// `@calldesk/client/raw`: openapi-fetch's typed client for the whole contract, with the client's
// key checks, idempotency keys, retries, deadline and typed transport errors. An entry point of
// its own, so that an app that only creates calls does not carry openapi-fetch.
import type { paths } from "@calldesk/api-types";
import * as openapiFetch from "openapi-fetch";
import { type ClientOptions, configure, redacted } from "./config.js";
import { send } from "./transport.js";

export type { ClientOptions } from "./config.js";

/** openapi-fetch's client for every path of the contract. */
export type RawClient = openapiFetch.Client<paths>;

// openapi-fetch's CommonJS build is `exports.default = createClient` (with __esModule); our CommonJS
// build imports it the Node way, where the default import is that whole `exports` object.
const createClient =
  (openapiFetch.default as unknown as { default?: typeof openapiFetch.default }).default ??
  openapiFetch.default;

/**
 * The typed openapi-fetch client, with the same options, auth, idempotency keys, retries and
 * deadline as `createCalldeskClient`: its `fetch` is the client's retrying transport.
 */
export function createRawClient(options: ClientOptions = {}): RawClient {
  const { baseUrl, t } = configure(options);
  return Object.assign(
    createClient<paths>({
      baseUrl,
      // openapi-fetch hands over a Request whose body is a stream; it is read once here and sent as
      // a string on every attempt (also faster than letting fetch consume the stream).
      fetch: async (request: Request): Promise<Response> => {
        const headers: Record<string, string> = Object.fromEntries(request.headers);
        const sent = await send(
          t,
          request.method,
          request.url,
          headers,
          request.body ? await request.text() : undefined,
          { idempotencyKey: headers["idempotency-key"], signal: request.signal },
        );
        return new Response(sent.text || null, sent.response);
      },
    }),
    redacted("CalldeskRawClient", baseUrl),
  );
}
