// Named aliases over the generated contract types. Everything here is derived from
// `./generated/openapi.ts`; nothing restates the contract.

import type { OpenEnum } from "./generated/open-enums.js";
import type { components, operations, paths } from "./generated/openapi.js";

export type { components, operations, paths };

type Schemas = components["schemas"];

/**
 * Any schema of the contract, by name: `Schema<"Call">`. An enum the contract declares open
 * (`x-extensible-enum`: new values may appear in minor releases) also takes any other string:
 * its known values still autocomplete, and a `switch` on it needs a `default`.
 */
export type Schema<Name extends keyof Schemas> = Name extends OpenEnum
  ? Schemas[Name] | (string & {})
  : Schemas[Name];

export type CreateCallRequest = Schemas["CreateCallRequest"];
export type Call = Schemas["Call"];
export type CallStatus = Schema<"CallStatus">;
export type CallLinks = Schemas["CallLinks"];
export type Recording = Schemas["Recording"];
export type VoiceChanger = Schemas["VoiceChanger"];
export type Metadata = Schemas["Metadata"];
export type E164 = Schemas["E164"];
export type Problem = Schemas["Problem"];
export type FieldError = Schemas["FieldError"];
export type ErrorCode = Schema<"ErrorCode">;

export type CreateCallOperation = operations["createCall"];
/** Headers the createCall operation accepts (`Idempotency-Key`). */
export type CreateCallHeaders = NonNullable<CreateCallOperation["parameters"]["header"]>;
/** Every HTTP status the createCall operation documents. */
export type CreateCallStatus = keyof CreateCallOperation["responses"];
