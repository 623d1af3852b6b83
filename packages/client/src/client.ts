import type { Call, CreateCallRequest, paths } from "@calldesk/api-types";
import { type ClientOptions, configure, redacted } from "./config.js";
import { errorFromResponse } from "./errors.js";
import { type RequestOptions, send } from "./transport.js";

export type { ClientOptions } from "./config.js";
export type { Logger, LogLevel } from "./log.js";
export type { Fetch, RequestOptions } from "./transport.js";

/** What the answer said besides the call itself. */
export interface LastResponse {
  /** The final HTTP answer; its body has already been read. */
  response: Response;
  /** `X-Request-Id`: quote it when contacting support. */
  requestId: string | undefined;
  /** The Idempotency-Key sent on every attempt. */
  idempotencyKey: string;
  /** True when the server replayed the stored answer of an earlier request with this key: no new call was placed. */
  replayed: boolean;
  /** How many HTTP attempts it took. */
  attempts: number;
}

/** A created call. `lastResponse` is not enumerable: JSON.stringify(call) is exactly the API's Call. */
export type CreatedCall = Call & { readonly lastResponse: LastResponse };

export interface CalldeskClient {
  calls: {
    /** Places a call. Retries are safe: every attempt carries the same Idempotency-Key. */
    create(body: CreateCallRequest, options?: RequestOptions): Promise<CreatedCall>;
  };
}

const CALLS = "/api/v1/voice/calls" satisfies keyof paths;

export function createCalldeskClient(options: ClientOptions = {}): CalldeskClient {
  const { baseUrl, t } = configure(options);
  const client: CalldeskClient = {
    calls: {
      async create(body, requestOptions = {}) {
        const sent = await send(
          t,
          "POST",
          baseUrl + CALLS,
          { "content-type": "application/json" },
          JSON.stringify(body),
          requestOptions,
        );
        const { response, text, data, ...details } = sent;
        if (!response.ok) {
          throw errorFromResponse(response, text, details);
        }
        const lastResponse: LastResponse = {
          response,
          requestId: response.headers.get("x-request-id") ?? undefined,
          // A POST always carries a key (given or generated) and makes at least one attempt.
          idempotencyKey: details.idempotencyKey as string,
          replayed: response.headers.get("idempotent-replayed") === "true",
          attempts: details.attempts as number,
        };
        return Object.defineProperty(data as Call, "lastResponse", { value: lastResponse }) as CreatedCall;
      },
    },
    ...redacted("CalldeskClient", baseUrl),
  };
  return client;
}
