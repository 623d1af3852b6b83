// Named aliases over the generated contract types. Everything here is derived from
// `./generated/openapi.ts`; nothing restates the contract.
import type { components, operations, paths } from "./generated/openapi.js";

export type { components, operations, paths };

type Schemas = components["schemas"];

/** Any schema of the contract, by name: `Schema<"Call">`. */
export type Schema<Name extends keyof Schemas> = Schemas[Name];

export type CreateCallRequest = Schemas["CreateCallRequest"];
export type Call = Schemas["Call"];
export type CallStatus = Schemas["CallStatus"];
export type CallLinks = Schemas["CallLinks"];
export type Recording = Schemas["Recording"];
export type VoiceChanger = Schemas["VoiceChanger"];
export type Metadata = Schemas["Metadata"];
export type E164 = Schemas["E164"];
export type Problem = Schemas["Problem"];
export type FieldError = Schemas["FieldError"];
export type ErrorCode = Schemas["ErrorCode"];

export type CreateCallOperation = operations["createCall"];
/** Headers the createCall operation accepts (`Idempotency-Key`). */
export type CreateCallHeaders = NonNullable<CreateCallOperation["parameters"]["header"]>;
/** Every HTTP status the createCall operation documents. */
export type CreateCallStatus = keyof CreateCallOperation["responses"];
