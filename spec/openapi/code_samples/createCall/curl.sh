curl -X POST https://api.247calldesk.com/api/v1/voice/calls \
  -H "Authorization: Bearer calldesk_abc123" \
  -H "Content-Type: application/json" \
  -H "Idempotency-Key: 550e8400-e29b-41d4-a716-446655440000" \
  -d '{
    "caller_id": "+14155550123",
    "destination": "+14155559876",
    "record": true,
    "metadata": { "patient_id": "P-12345" }
  }'
