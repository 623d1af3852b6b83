// Rewrites of our contract that accept exactly the same values: each must come out not breaking
// (README "How it works" 4 compares values, not keywords).
import type { Doc } from "../../fixtures/cases.js";
import { type Add, at, OP, SCHEMAS } from "./mutate.js";

const pick = (properties: Doc, keep: (name: string) => boolean): Doc =>
  Object.fromEntries(Object.entries(properties).filter(([name]) => keep(name)));

export function refactorMutations(add: Add): void {
  const info = { where: "refactor", note: "an equivalent schema: the same accepted values" };
  const refactors: [string, string, (d: Doc) => void][] = [
    [
      "CreateCallRequest-unevaluatedProperties",
      "CreateCallRequest: additionalProperties: false -> unevaluatedProperties: false",
      (d) => {
        const s = d.components.schemas.CreateCallRequest;
        delete s.additionalProperties;
        s.unevaluatedProperties = false;
      },
    ],
    [
      "CreateCallRequest-allOf-base",
      "CreateCallRequest split into allOf [CallParties, own props] with unevaluatedProperties: false",
      (d) => {
        const s = d.components.schemas.CreateCallRequest;
        const parties = (name: string): boolean => name === "caller_id" || name === "destination";
        d.components.schemas.CallParties = {
          type: "object",
          required: ["caller_id", "destination"],
          properties: pick(s.properties, parties),
        };
        d.components.schemas.CreateCallRequest = {
          allOf: [{ $ref: `${SCHEMAS}/CallParties` }],
          type: "object",
          properties: pick(s.properties, (name) => !parties(name)),
          unevaluatedProperties: false,
        };
      },
    ],
    [
      "Problem-allOf",
      "Problem split into allOf [ProblemCore, extras]",
      (d) => {
        const s = d.components.schemas.Problem;
        const required = (name: string): boolean => s.required.includes(name);
        d.components.schemas.ProblemCore = {
          type: "object",
          required: s.required,
          properties: pick(s.properties, required),
        };
        d.components.schemas.Problem = {
          allOf: [
            { $ref: `${SCHEMAS}/ProblemCore` },
            { type: "object", properties: pick(s.properties, (name) => !required(name)) },
          ],
        };
      },
    ],
    [
      "VoiceChanger-anyOf-null",
      "VoiceChanger: [string, null] + enum with null -> anyOf [string enum, null]",
      (d) => {
        d.components.schemas.VoiceChanger = {
          anyOf: [{ type: "string", enum: ["male", "female"] }, { type: "null" }],
          default: null,
          description: d.components.schemas.VoiceChanger.description,
        };
      },
    ],
    [
      "VoiceChanger-oneOf-ref-null",
      "VoiceChanger: -> oneOf [$ref VoiceName, null]",
      (d) => {
        d.components.schemas.VoiceName = { type: "string", enum: ["male", "female"] };
        d.components.schemas.VoiceChanger = {
          oneOf: [{ $ref: `${SCHEMAS}/VoiceName` }, { type: "null" }],
          default: null,
          description: d.components.schemas.VoiceChanger.description,
        };
      },
    ],
    [
      "E164-inlined-in-request",
      "CreateCallRequest.caller_id: $ref E164 -> inline copy",
      (d) => {
        const properties = d.components.schemas.CreateCallRequest.properties;
        properties.caller_id = {
          ...structuredClone(d.components.schemas.E164),
          examples: properties.caller_id.examples,
        };
      },
    ],
    [
      "Problem-status-exclusive",
      "Problem.status minimum 400/maximum 599 -> exclusiveMinimum 399/exclusiveMaximum 600 (integer)",
      (d) => {
        const s = d.components.schemas.Problem.properties.status;
        delete s.minimum;
        delete s.maximum;
        s.exclusiveMinimum = 399;
        s.exclusiveMaximum = 600;
      },
    ],
    [
      "CallStatus-enum-reordered",
      "CallStatus enum reordered",
      (d) => d.components.schemas.CallStatus.enum.reverse(),
    ],
    [
      "CallStatus-oneOf-consts",
      "CallStatus enum -> oneOf of const branches",
      (d) => {
        const s = d.components.schemas.CallStatus;
        d.components.schemas.CallStatus = {
          type: "string",
          minLength: 1,
          oneOf: s.enum.map((value: string) => ({ const: value })),
          description: s.description,
        };
      },
    ],
    [
      "Metadata-additionalProperties-ref",
      "Metadata value schema moved to a component MetadataValue",
      (d) => {
        const s = d.components.schemas.Metadata;
        d.components.schemas.MetadataValue = s.additionalProperties;
        s.additionalProperties = { $ref: `${SCHEMAS}/MetadataValue` };
      },
    ],
    [
      "Call-required-reordered",
      "Call.required reordered",
      (d) => d.components.schemas.Call.required.reverse(),
    ],
    [
      "header-inline",
      "429's RateLimit-Policy header $ref inlined",
      (d) => {
        d.components.responses.TooManyRequests.headers["RateLimit-Policy"] = structuredClone(
          d.components.headers.RateLimitPolicy,
        );
      },
    ],
    [
      "response-inline",
      "400 response $ref inlined",
      (d) => {
        at(d, `${OP}/responses`)[400] = structuredClone(d.components.responses.BadRequest);
      },
    ],
    [
      "type-array-single",
      "Problem.status type integer -> [integer]",
      (d) => {
        d.components.schemas.Problem.properties.status.type = ["integer"];
      },
    ],
    [
      "retry-after-exclusive",
      "Retry-After minimum 0 -> exclusiveMinimum -1 (integer)",
      (d) => {
        const s = d.components.headers.RetryAfter.schema;
        delete s.minimum;
        s.exclusiveMinimum = -1;
      },
    ],
  ];
  for (const [id, change, edit] of refactors) {
    add(`refactor:${id}`, change, edit, false, info);
  }
  add(
    "refactor:ErrorCode-x-extensible-enum-true",
    "ErrorCode marked x-extensible-enum: true (documentation of the open enum)",
    (d) => {
      d.components.schemas.ErrorCode["x-extensible-enum"] = true;
    },
    false,
    { where: "refactor", note: "the repo policy already lists ErrorCode as open" },
  );
}
