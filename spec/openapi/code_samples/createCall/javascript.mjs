// Plain fetch (Node 18+, Deno, browsers), no SDK.
const response = await fetch("https://api.247calldesk.com/api/v1/voice/calls", {
  method: "POST",
  headers: {
    Authorization: "Bearer calldesk_abc123",
    "Content-Type": "application/json",
    // Send the same key on every retry: the call is placed once.
    "Idempotency-Key": "550e8400-e29b-41d4-a716-446655440000",
  },
  body: JSON.stringify({
    caller_id: "+14155550123",
    destination: "+14155559876",
    record: true,
    metadata: { patient_id: "P-12345" },
  }),
});

const body = await response.json();
if (!response.ok) {
  // A problem (RFC 9457): code is stable, errors[] lists every invalid field.
  throw new Error(`${body.status} ${body.code}: ${body.detail}`);
}
console.log(body.call_id, body.status); // call_... queued
