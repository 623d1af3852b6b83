// The call: created, kept for the inspection endpoint, stored for replays under its
// Idempotency-Key, then answered 201 (or, with `reset-after`, its answer lost on the way).
import type { Call, CreateCallRequest } from "@calldesk/api-types";
import { newCallId, timestamp } from "../ids.js";
import { reply, reset, type Step } from "../step.js";

export const create: Step = {
  name: "create",
  check: "none left: the call is created",
  answer: "201 + `Location`, the one answer stored for replays; `reset-after` drops it on the way",
  run(exchange, { contract, calls, idempotency, rateLimiter }) {
    const request = exchange.body as unknown as CreateCallRequest;
    const callId = newCallId();
    const links = contract.linksFor(callId);
    const call: Call = {
      call_id: callId,
      status: contract.createdStatus,
      caller_id: request.caller_id,
      destination: request.destination,
      created_at: timestamp(),
      ...(request.voice_changer_uid == null ? {} : { voice_changer_uid: request.voice_changer_uid }),
      recording: { enabled: request.record === true },
      metadata: request.metadata ?? {},
      links,
    };
    const body = JSON.stringify(call);
    calls.add(body);
    if (exchange.reserved !== undefined) {
      // What a replay answers (it adds its own Idempotent-Replayed and quota headers).
      const headers = ["Content-Type", "application/json", "Location", links.self];
      idempotency.complete(exchange.reserved, { status: 201, body, headers });
      exchange.reserved = undefined;
    }
    if (exchange.faults.resetAfter) {
      return reset({ call_id: callId });
    }
    // A list of its own (the runner completes it in place); written out, not spread, since it is
    // built for every creation.
    const answerHeaders = [
      "Content-Type",
      "application/json",
      "Location",
      links.self,
      "Idempotent-Replayed",
      "false",
      "RateLimit-Policy",
      rateLimiter.policy,
      "RateLimit",
      rateLimiter.header(exchange.quota),
    ];
    return reply(201, body, answerHeaders, { call_id: callId });
  },
};
