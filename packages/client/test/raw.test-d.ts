import type { Call, CreateCallRequest, Problem, paths } from "@calldesk/api-types";
import type { Client } from "openapi-fetch";
import { describe, expectTypeOf, it } from "vitest";
import type { ClientOptions } from "../src/index.js";
import { createRawClient, type RawClient } from "../src/raw.js";

const client = createRawClient({ apiKey: "calldesk_abc123" });
const body: CreateCallRequest = { caller_id: "+14155550123", destination: "+14155559876" };

describe("createRawClient", () => {
  it("takes createCalldeskClient's options and returns openapi-fetch's client of the contract", () => {
    expectTypeOf(createRawClient).parameter(0).toEqualTypeOf<ClientOptions | undefined>();
    expectTypeOf(client).toEqualTypeOf<RawClient>();
    expectTypeOf<RawClient>().toEqualTypeOf<Client<paths>>();
  });

  it("autocompletes the path and types the body and the data", async () => {
    const { data, error } = await client.POST("/api/v1/voice/calls", { body });
    expectTypeOf(data).toEqualTypeOf<Call | undefined>();
    expectTypeOf(error).toEqualTypeOf<Problem | undefined>();
  });

  it("rejects an unknown path", () => {
    // @ts-expect-error there is no such path in the contract
    void client.POST("/api/v1/voice/call", { body });
  });

  it("rejects a wrong body", () => {
    void client.POST("/api/v1/voice/calls", {
      // @ts-expect-error record is a boolean
      body: { ...body, record: "yes" },
    });
  });
});
