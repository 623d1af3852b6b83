// Special numbers that make the sandbox take each error path on demand. They sit in the
// fictional +1 (415) 555-01xx range, so they can never ring a real phone; each one is valid
// E.164, so it passes schema validation and reaches the behaviour it names. A behaviour is the
// code the number makes appear: the problem's own, or its field's in `errors[]` for the caller ID
// (a problem about the body is always `validation_failed`).

export type TestNumberBehaviour =
  | "caller_id_not_verified"
  | "rate_limited"
  | "internal_error"
  | "service_unavailable"
  | "slow";

export interface TestNumber {
  /** The E.164 number. */
  number: string;
  /** Which request field it must be sent in. */
  field: "caller_id" | "destination";
  behaviour: TestNumberBehaviour;
  /** HTTP status of the answer. */
  status: number;
  /** What the integrator sees. */
  description: string;
}

/** Seconds advertised in `Retry-After` by the 429 and 503 test numbers. */
export const TEST_RETRY_AFTER_SECONDS = 1;
/** How long the slow test number holds the answer (ms); its Idempotency-Key stays in flight meanwhile. */
export const SLOW_ANSWER_MS = 2000;

export const testNumbers: readonly TestNumber[] = Object.freeze([
  {
    number: "+14155550100",
    field: "caller_id",
    behaviour: "caller_id_not_verified",
    status: 422,
    description:
      "Never verified: 422 validation_failed, whose errors[] has /caller_id with the code caller_id_not_verified.",
  },
  {
    number: "+14155550129",
    field: "destination",
    behaviour: "rate_limited",
    status: 429,
    description: `429 rate_limited with Retry-After: ${TEST_RETRY_AFTER_SECONDS} and RateLimit headers; no call, and the Idempotency-Key is not even read.`,
  },
  {
    number: "+14155550150",
    field: "destination",
    behaviour: "internal_error",
    status: 500,
    description:
      "500 internal_error; no call is created and the Idempotency-Key stays free, so a retry is processed again.",
  },
  {
    number: "+14155550153",
    field: "destination",
    behaviour: "service_unavailable",
    status: 503,
    description: `503 service_unavailable with Retry-After: ${TEST_RETRY_AFTER_SECONDS}; no call is created and the Idempotency-Key stays free.`,
  },
  {
    number: "+14155550170",
    field: "destination",
    behaviour: "slow",
    status: 201,
    description: `201, answered after ${SLOW_ANSWER_MS} ms; the Idempotency-Key is in flight (409 with Retry-After) meanwhile.`,
  },
] satisfies TestNumber[]);

const byDestination = new Map(
  testNumbers.filter((entry) => entry.field === "destination").map((entry) => [entry.number, entry]),
);

export function destinationBehaviour(destination: string): TestNumberBehaviour | undefined {
  return byDestination.get(destination)?.behaviour;
}
