import type { Call } from "@calldesk/api-types";
import { describe, expect, it } from "vitest";
import {
  bundle,
  callOf,
  callsPath,
  callsPathItem,
  exampleProblems,
  listCalls,
  newKey,
  post,
  problemOf,
  seed,
  seedBody,
  seedHeaders,
  useSandbox,
} from "./helpers.js";

const maxBodyBytes: number = callsPathItem.post.requestBody["x-max-body-bytes"];

describe("the seed request", () => {
  it("verbatim gives a 201 shaped exactly like the seed's answer", async () => {
    const { url } = await useSandbox();
    // The seed's curl: its headers and its body text, byte for byte.
    const response = await fetch(`${url}${seed.path}`, {
      method: "POST",
      headers: seedHeaders,
      body: (/-d '([\s\S]*?)'/.exec(seed.curl) as RegExpExecArray)[1] as string,
    });
    const call = callOf({ status: response.status, headers: response.headers, body: await response.json() });

    expect(response.status).toBe(201);
    const expected = seed.responseBody as Call;
    expect(Object.keys(call)).toEqual(Object.keys(expected));
    expect(call.call_id).toMatch(/^call_[a-z0-9]{14}$/);
    expect(call.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    const sameShape = (value: Call) =>
      JSON.parse(JSON.stringify(value).replaceAll(value.call_id, "ID").replace(value.created_at, "TIME"));
    expect(sameShape(call)).toEqual(sameShape(expected));

    expect(response.headers.get("location")).toBe(call.links.self);
    expect(response.headers.get("x-request-id")).toMatch(/^req_/);
    expect(response.headers.get("idempotent-replayed")).toBe("false");
    expect(response.headers.get("ratelimit-policy")).toMatch(/^"default";q=\d+;w=\d+$/);
    expect(response.headers.get("ratelimit")).toMatch(/^"default";r=\d+;t=\d+$/);
    expect(response.headers.get("content-type")).toBe("application/json");
  });

  it.each(Object.entries(callsPathItem.post.requestBody.content["application/json"].examples as object))(
    "named request example %s gives a valid Call echoing it",
    async (_name, example) => {
      const { url } = await useSandbox();
      const body = (example as { value: Record<string, unknown> }).value;
      const answer = await post(url, body);
      const call = callOf(answer);
      expect(answer.status).toBe(201);
      expect(call.metadata).toEqual(body.metadata ?? {});
      expect(call.recording.enabled).toBe(body.record === true);
      expect("voice_changer_uid" in call).toBe(body.voice_changer_uid != null);
      expect(call.voice_changer_uid).toBe(body.voice_changer_uid ?? undefined);
    },
  );

  it("omits voice_changer_uid when it is null and records only when asked", async () => {
    const { url } = await useSandbox();
    const call = callOf(await post(url, { ...seedBody, record: false, voice_changer_uid: null }));
    expect(call).not.toHaveProperty("voice_changer_uid");
    expect(call.recording).toEqual({ enabled: false });
  });
});

const metadata = (count: number) =>
  Object.fromEntries(Array.from({ length: count }, (_, i) => [`key_${i}`, "v"]));
const { caller_id: _omitted, ...withoutCallerId } = seedBody;

// The invalid cases of spec/test/schemas.test.ts, as mutations of the seed body, and each field's
// reason. Whichever fields and however many, the problem is the one kind: validation_failed.
const invalidCases: [string, unknown, [pointer: string, code: string][]][] = [
  ["caller_id not E.164", { ...seedBody, caller_id: "4155550123" }, [["/caller_id", "invalid_e164"]]],
  ["destination not E.164", { ...seedBody, destination: "+0155559876" }, [["/destination", "invalid_e164"]]],
  [
    "both numbers not E.164: the same reason in two fields",
    { ...seedBody, caller_id: "4155550123", destination: "+0155559876" },
    [
      ["/caller_id", "invalid_e164"],
      ["/destination", "invalid_e164"],
    ],
  ],
  ["11 metadata keys", { ...seedBody, metadata: metadata(11) }, [["/metadata", "metadata_too_many_keys"]]],
  ["unknown property", { ...seedBody, callerId: "+14155550123" }, [["/callerId", "unknown_field"]]],
  [
    'voice_changer_uid "robot"',
    { ...seedBody, voice_changer_uid: "robot" },
    [["/voice_changer_uid", "invalid_value"]],
  ],
  ["missing caller_id", withoutCallerId, [["/caller_id", "missing_field"]]],
  ['record: "yes"', { ...seedBody, record: "yes" }, [["/record", "invalid_type"]]],
  [
    "non-string metadata value",
    { ...seedBody, metadata: { patient_id: 12345 } },
    [["/metadata/patient_id", "invalid_metadata_value"]],
  ],
  [
    "metadata key with a space",
    { ...seedBody, metadata: { "patient id": "P" } },
    [["/metadata/patient id", "invalid_metadata_key"]],
  ],
  ["numeric caller_id", { ...seedBody, caller_id: 14155550123 }, [["/caller_id", "invalid_e164"]]],
  [
    "every invalid field, not just the first",
    { destination: "+0123", record: "yes", colour: "red" },
    [
      ["/caller_id", "missing_field"],
      ["/destination", "invalid_e164"],
      ["/record", "invalid_type"],
      ["/colour", "unknown_field"],
    ],
  ],
  ["unknown field with / and ~ in its name", { ...seedBody, "a/b~c": 1 }, [["/a~1b~0c", "unknown_field"]]],
  ["unknown field with an empty name", { ...seedBody, "": 1 }, [["/", "unknown_field"]]],
  [
    "unverified caller ID alone",
    { ...seedBody, caller_id: "+14155550111" },
    [["/caller_id", "caller_id_not_verified"]],
  ],
  [
    "unverified caller ID with another invalid field",
    { ...seedBody, caller_id: "+14155550111", record: 1 },
    [
      ["/caller_id", "caller_id_not_verified"],
      ["/record", "invalid_type"],
    ],
  ],
  [
    "unverified caller ID and a destination with the same code as another field's",
    { ...seedBody, caller_id: "+14155550111", destination: "1", metadata: { a: 1, b: 2 } },
    [
      ["/caller_id", "caller_id_not_verified"],
      ["/destination", "invalid_e164"],
      ["/metadata/a", "invalid_metadata_value"],
      ["/metadata/b", "invalid_metadata_value"],
    ],
  ],
];

describe("validation", () => {
  const validationFailed = exampleProblems.get("validation_failed");

  it.each(invalidCases)(
    "%s: 422 validation_failed, each field's reason in errors[]",
    async (_name, body, fields) => {
      const { url } = await useSandbox();
      const answer = await post(url, body, { "Idempotency-Key": newKey() });
      const problem = problemOf(answer);
      expect(answer.status).toBe(422);
      expect(validationFailed).toBeDefined();
      expect({ code: problem.code, type: problem.type, title: problem.title }).toEqual({
        code: "validation_failed",
        ...validationFailed,
      });
      expect(problem.detail).toBe(
        `The request body has ${fields.length} invalid field${fields.length === 1 ? "" : "s"}.`,
      );
      expect(problem.errors?.map((error) => [error.pointer, error.code])).toEqual(fields);
      expect(problem.instance).toBe(callsPath);
      expect(await listCalls(url)).toEqual([]);
    },
  );

  it("accepts 10 metadata keys and keys named __proto__ and constructor, without pollution", async () => {
    const { url } = await useSandbox();
    const body = `{"caller_id":"+14155550123","destination":"+14155559876","metadata":{"__proto__":"a","constructor":"b"}}`;
    const call = callOf(await post(url, body));
    expect(Object.keys(call.metadata)).toEqual(["__proto__", "constructor"]);
    expect(({} as Record<string, unknown>).constructor).toBe(Object);
    expect(callOf(await post(url, { ...seedBody, metadata: metadata(10) })).metadata).toEqual(metadata(10));
  });

  it("reports a top-level __proto__ as an unknown field", async () => {
    const { url } = await useSandbox();
    const problem = problemOf(
      await post(url, `{"caller_id":"+14155550123","destination":"+14155559876","__proto__":{"x":1}}`),
    );
    expect(problem.errors).toEqual([
      expect.objectContaining({ pointer: "/__proto__", code: "unknown_field" }),
    ]);
  });

  it("names the expected format in the detail of an E.164 error", async () => {
    const { url } = await useSandbox();
    const problem = problemOf(await post(url, { ...seedBody, destination: "12" }));
    expect(problem.errors?.[0]?.detail).toContain(bundle.components.schemas.E164.examples[0]);
  });
});

describe("request checks", () => {
  it("401 without a key, with WWW-Authenticate, never echoing the key", async () => {
    const { url } = await useSandbox();
    for (const authorization of [
      "",
      "Bearer",
      "Basic abc",
      "Bearer sk_live_secret",
      "Bearer calldesk_bad-key!",
    ]) {
      const answer = await post(url, seedBody, { Authorization: authorization });
      expect(answer.status).toBe(401);
      expect(problemOf(answer).code).toBe("unauthorized");
      expect(answer.headers.get("www-authenticate")).toMatch(/^Bearer/);
      expect(JSON.stringify(answer.body)).not.toContain("secret");
    }
  });

  it("401 for a key outside a configured allow-list", async () => {
    const { url } = await useSandbox({ apiKeys: ["calldesk_allowed1"] });
    expect((await post(url, seedBody)).status).toBe(401);
    expect((await post(url, seedBody, { Authorization: "Bearer calldesk_allowed1" })).status).toBe(201);
  });

  it("415 for a body that is not sent as JSON", async () => {
    const { url } = await useSandbox();
    for (const type of [
      "text/plain",
      "application/x-www-form-urlencoded",
      "application/json; charset=latin1",
    ]) {
      const answer = await post(url, seedBody, { "Content-Type": type });
      expect(answer.status).toBe(415);
      expect(problemOf(answer).code).toBe("unsupported_media_type");
    }
    expect((await post(url, seedBody, { "Content-Type": "application/json; charset=UTF-8" })).status).toBe(
      201,
    );
  });

  it("413 for a body over x-max-body-bytes, 201 at exactly the limit", async () => {
    const { url } = await useSandbox();
    const padded = (size: number) => {
      const text = JSON.stringify(seedBody);
      return `${text.slice(0, -1)}${" ".repeat(size - text.length)}}`;
    };
    const tooLarge = await post(url, padded(maxBodyBytes + 1));
    expect(tooLarge.status).toBe(413);
    expect(problemOf(tooLarge).code).toBe("payload_too_large");
    expect((await post(url, padded(maxBodyBytes))).status).toBe(201);
  });

  it.each([
    ["not JSON", "{caller_id:"],
    ["empty", ""],
    ["an array", "[]"],
    ["a string", '"call"'],
    ["null", "null"],
  ])("400 malformed_json for a body that is %s", async (_name, body) => {
    const { url } = await useSandbox();
    const answer = await post(url, body);
    expect(answer.status).toBe(400);
    expect(problemOf(answer).code).toBe("malformed_json");
  });

  it.each(["not-a-uuid", "550e8400e29b41d4a716446655440000", "550e8400-e29b-41d4-a716-44665544000g"])(
    "400 invalid_idempotency_key for %s",
    async (key) => {
      const { url } = await useSandbox();
      const answer = await post(url, seedBody, { "Idempotency-Key": key });
      expect(answer.status).toBe(400);
      expect(problemOf(answer).code).toBe("invalid_idempotency_key");
    },
  );

  it("429 with Retry-After when the key's quota is used up", async () => {
    const { url } = await useSandbox({ rateLimit: { limit: 2, windowSeconds: 60 } });
    expect((await post(url, seedBody)).headers.get("ratelimit")).toMatch(/r=1;/);
    expect((await post(url, seedBody)).status).toBe(201);
    const limited = await post(url, seedBody);
    expect(limited.status).toBe(429);
    expect(problemOf(limited).code).toBe("rate_limited");
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await post(url, seedBody, { Authorization: "Bearer calldesk_other" })).status).toBe(201);
  });

  it("answers unknown routes and methods with problems that carry X-Request-Id", async () => {
    const { url } = await useSandbox();
    const missing = await fetch(`${url}/api/v1/voice/nothing`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get("x-request-id")).toMatch(/^req_/);
    const wrongMethod = await fetch(`${url}${callsPath}`);
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get("allow")).toBe("POST");
  });
});

describe("inspection endpoints", () => {
  it("list every created call in order, exactly as answered, and reset forgets them", async () => {
    const { url } = await useSandbox();
    const first = await post(url, seedBody);
    const second = await post(
      url,
      { ...seedBody, destination: "+14155559877" },
      { "Idempotency-Key": newKey() },
    );
    expect(await listCalls(url)).toEqual([first.body, second.body]);

    const reset = await fetch(`${url}/_sandbox/reset`, { method: "POST" });
    expect(reset.status).toBe(204);
    expect(reset.headers.get("x-request-id")).toMatch(/^req_/);
    expect(await listCalls(url)).toEqual([]);
  });

  it("keep only the most recent maxCalls", async () => {
    const { url } = await useSandbox({ maxCalls: 2 });
    const answers = [];
    for (let i = 0; i < 3; i += 1) {
      answers.push((await post(url, seedBody)).body);
    }
    expect(await listCalls(url)).toEqual(answers.slice(1));
  });
});

describe("logging", () => {
  it("writes one line per request without the API key", async () => {
    const lines: Record<string, unknown>[] = [];
    const { url } = await useSandbox({ logger: (line) => lines.push(line) });
    const secret = "calldesk_TopSecret123";
    await post(url, seedBody, { Authorization: `Bearer ${secret}` });
    await post(url, "{", { Authorization: `Bearer ${secret}` });
    const requests = lines.filter((line) => line.msg === "request");
    expect(requests.map((line) => line.status)).toEqual([201, 400]);
    expect(requests[0]).toMatchObject({ method: "POST", path: callsPath, api_key: "calldesk_[redacted]" });
    expect(JSON.stringify(lines)).not.toContain("TopSecret");
  });
});
