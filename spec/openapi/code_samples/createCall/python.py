import requests

response = requests.post(
    "https://api.247calldesk.com/api/v1/voice/calls",
    headers={
        "Authorization": "Bearer calldesk_abc123",
        # Send the same key on every retry: the call is placed once.
        "Idempotency-Key": "550e8400-e29b-41d4-a716-446655440000",
    },
    json={
        "caller_id": "+14155550123",
        "destination": "+14155559876",
        "record": True,
        "metadata": {"patient_id": "P-12345"},
    },
    timeout=30,
)
if not response.ok:
    # A problem (RFC 9457): code is stable, errors[] lists every invalid field.
    problem = response.json()
    raise SystemExit(f"{problem['status']} {problem['code']}: {problem.get('detail')}")

call = response.json()
print(call["call_id"], call["status"])  # call_... queued
