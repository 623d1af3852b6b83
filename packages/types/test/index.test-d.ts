import { describe, expectTypeOf, it } from "vitest";
import type {
  Call,
  CallStatus,
  CreateCallRequest,
  ErrorCode,
  Problem,
  paths,
  Schema,
  VoiceChanger,
} from "../src/index.js";

describe("CreateCallRequest", () => {
  it("accepts the seed's request", () => {
    const body: CreateCallRequest = {
      caller_id: "+14155550123",
      destination: "+14155559876",
      record: true,
      metadata: { patient_id: "P-12345" },
    };
    expectTypeOf(body).toEqualTypeOf<CreateCallRequest>();
  });

  it("requires destination", () => {
    // @ts-expect-error destination is required
    const body: CreateCallRequest = { caller_id: "+14155550123" };
    expectTypeOf(body).not.toBeAny();
  });

  it("accepts null as voice_changer_uid", () => {
    const body: CreateCallRequest = { caller_id: "+1", destination: "+2", voice_changer_uid: null };
    expectTypeOf(body.voice_changer_uid).toEqualTypeOf<VoiceChanger | undefined>();
  });

  it('rejects voice_changer_uid "robot"', () => {
    const body: CreateCallRequest = {
      caller_id: "+14155550123",
      destination: "+14155559876",
      // @ts-expect-error "robot" is not a voice changer
      voice_changer_uid: "robot",
    };
    expectTypeOf(body).not.toBeAny();
  });

  it("rejects an unknown property", () => {
    const body: CreateCallRequest = {
      caller_id: "+14155550123",
      destination: "+14155559876",
      // @ts-expect-error callerId is not a property (snake_case only)
      callerId: "+14155550123",
    };
    expectTypeOf(body).not.toBeAny();
  });

  it("only takes string metadata values", () => {
    // @ts-expect-error metadata values are strings
    const metadata: CreateCallRequest["metadata"] = { patient_id: 12345 };
    expectTypeOf(metadata).not.toBeAny();
  });
});

describe("Call", () => {
  it("has the CallStatus union as its status, and the CallStatus alias is open", () => {
    expectTypeOf<Call["status"]>().toEqualTypeOf<
      "queued" | "ringing" | "in-progress" | "completed" | "busy" | "failed" | "no-answer" | "canceled"
    >();
    // The contract says new statuses may appear (x-extensible-enum): the alias takes them.
    expectTypeOf<CallStatus>().toEqualTypeOf<Call["status"] | (string & {})>();
    expectTypeOf<Call["status"]>().toExtend<CallStatus>();
    expectTypeOf<"voicemail">().toExtend<CallStatus>();
    // @ts-expect-error still a string: a number is no status
    const wrong: CallStatus = 3;
    expectTypeOf(wrong).not.toBeAny();
  });

  it("always carries its links and recording", () => {
    expectTypeOf<Call["links"]>().toEqualTypeOf<{ self: string; status: string; recordings: string }>();
    expectTypeOf<Call["recording"]>().toEqualTypeOf<{ enabled: boolean }>();
  });

  it("is the 201 body of createCall", () => {
    type Created = paths["/api/v1/voice/calls"]["post"]["responses"][201]["content"]["application/json"];
    expectTypeOf<Created>().toEqualTypeOf<Call>();
  });
});

describe("VoiceChanger", () => {
  it("is male, female or null", () => {
    expectTypeOf<VoiceChanger>().toEqualTypeOf<"male" | "female" | null>();
  });
});

describe("Problem", () => {
  it("carries a typed, open code and field errors", () => {
    expectTypeOf<Problem["code"]>().toExtend<ErrorCode>();
    expectTypeOf<"not_found">().toExtend<ErrorCode>();
    expectTypeOf<"a_code_of_a_later_release">().toExtend<ErrorCode>();
    expectTypeOf<NonNullable<Problem["errors"]>[number]["pointer"]>().toBeString();
    expectTypeOf<Schema<"Problem">>().toEqualTypeOf<Problem>();
  });

  it("is the body of every documented error", () => {
    type Responses = paths["/api/v1/voice/calls"]["post"]["responses"];
    expectTypeOf<Responses[422]["content"]["application/problem+json"]>().toEqualTypeOf<Problem>();
    expectTypeOf<Responses[429]["content"]["application/problem+json"]>().toEqualTypeOf<Problem>();
  });
});
