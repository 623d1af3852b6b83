import type { Call, CreateCallRequest } from "@calldesk/api-types";
import { describe, expectTypeOf, it } from "vitest";
import {
  type ClientOptions,
  type CreatedCall,
  createCalldeskClient,
  type LastResponse,
  type Logger,
  type RequestOptions,
} from "../src/index.js";

const client = createCalldeskClient({ apiKey: "calldesk_abc123" });
const body: CreateCallRequest = { caller_id: "+14155550123", destination: "+14155559876" };

describe("calls.create", () => {
  it("takes a CreateCallRequest and resolves to a Call", () => {
    expectTypeOf(client.calls.create).parameter(0).toEqualTypeOf<CreateCallRequest>();
    expectTypeOf(client.calls.create(body)).resolves.toEqualTypeOf<CreatedCall>();
    expectTypeOf<CreatedCall>().toExtend<Call>();
    expectTypeOf<Omit<CreatedCall, "lastResponse">>().toEqualTypeOf<Omit<Call, never>>();
    expectTypeOf<CreatedCall["lastResponse"]>().toEqualTypeOf<LastResponse>();
    expectTypeOf<CreatedCall["status"]>().toEqualTypeOf<Call["status"]>();
  });

  it("rejects a body without destination", () => {
    // @ts-expect-error destination is required
    void client.calls.create({ caller_id: "+14155550123" });
  });

  it("rejects an unknown voice changer", () => {
    void client.calls.create({
      ...body,
      // @ts-expect-error "robot" is not a voice changer
      voice_changer_uid: "robot",
    });
  });

  it("rejects camelCase fields", () => {
    void client.calls.create({
      ...body,
      // @ts-expect-error callerId is not a property (snake_case only)
      callerId: "+14155550123",
    });
  });

  it("types the options as RequestOptions, the one exported name", () => {
    expectTypeOf(client.calls.create).parameter(1).toEqualTypeOf<RequestOptions | undefined>();
    void client.calls.create(body, { idempotencyKey: "k", timeoutMs: 1, signal: AbortSignal.timeout(1) });
    // @ts-expect-error retries are set on the client, not per request
    void client.calls.create(body, { maxRetries: 1 });
  });
});

describe("client options", () => {
  it("take a log level from the list and any logger with the four methods", () => {
    expectTypeOf<NonNullable<ClientOptions["logLevel"]>>().toEqualTypeOf<
      "off" | "error" | "warn" | "info" | "debug"
    >();
    const pinoLike = { debug() {}, info() {}, warn() {}, error() {}, fatal() {}, child() {} };
    expectTypeOf(pinoLike).toExtend<Logger>();
    createCalldeskClient({
      apiKey: "calldesk_x",
      logLevel: "debug",
      logger: console,
      attemptTimeoutMs: 5000,
    });
    // @ts-expect-error "verbose" is not a level
    createCalldeskClient({ apiKey: "calldesk_x", logLevel: "verbose" });
    // @ts-expect-error a logger needs debug, info, warn and error
    createCalldeskClient({ apiKey: "calldesk_x", logger: { warn() {} } });
    createCalldeskClient({ apiKey: "calldesk_x", baseUrl: "http://sandbox:4010", allowInsecureHttp: true });
  });
});

describe("raw", () => {
  it("is no longer on the client: it is createRawClient from @calldesk/client/raw", () => {
    // @ts-expect-error raw moved to its own entry point
    void client.raw;
  });
});
