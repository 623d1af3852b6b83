import { createCalldeskClient } from "@calldesk/client";

const client = createCalldeskClient({
  apiKey: "calldesk_abc123",
  baseUrl: "https://api.247calldesk.com",
});

// Send the same key on every retry: the call is placed once.
const call = await client.calls.create(
  {
    caller_id: "+14155550123",
    destination: "+14155559876",
    record: true,
    metadata: { patient_id: "P-12345" },
  },
  { idempotencyKey: "550e8400-e29b-41d4-a716-446655440000" },
);

console.log(call.call_id, call.status); // call_... queued
