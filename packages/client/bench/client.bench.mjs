// calls.create against its peers, in one run: bare openapi-fetch (the reference, and what
// @calldesk/client/raw is built on), raw fetch, and axios. Two transports: a stubbed fetch (client
// overhead only) and loopback HTTP to a node:http server in a child process; 1 and 64 requests in
// flight. Ratios are against bare openapi-fetch; absolute numbers drift between machines and runs.
//   node bench/client.bench.mjs    (BENCH_MS=<ms per sample>, BENCH_ROUNDS=<samples>)
import { fork } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import axios from "axios";
import createClient from "openapi-fetch";
import { createCalldeskClient } from "../dist/index.js";

const SAMPLE_MS = Number(process.env.BENCH_MS ?? 1000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const TARGETS = { stubbed: 0.95, loopback: 1.1 };
const API_KEY = "calldesk_bench123";
const PATH = "/api/v1/voice/calls";

// Request and answer bodies: the contract's seed examples.
const spec = JSON.parse(
  readFileSync(fileURLToPath(import.meta.resolve("@calldesk/api-types/openapi.json")), "utf8"),
);
const operation = spec.paths[PATH].post;
const BODY = operation.requestBody.content["application/json"].examples.seed.value;
const CALL = JSON.stringify(operation.responses["201"].content["application/json"].examples.seed.value);
const ANSWER_HEADERS = { "content-type": "application/json", "x-request-id": "req_bench" };

const stubFetch = async () => new Response(CALL, { status: 201, headers: ANSWER_HEADERS });
const stubAdapter = async (config) => ({
  data: CALL,
  status: 201,
  statusText: "Created",
  headers: ANSWER_HEADERS,
  config,
  request: {},
});

function variants(baseUrl, stubbed) {
  const fetchImpl = stubbed ? stubFetch : globalThis.fetch;
  const calldesk = createCalldeskClient({
    apiKey: API_KEY,
    baseUrl,
    ...(stubbed ? { fetch: stubFetch } : {}),
  });
  // Bare openapi-fetch with what a user would add by hand: the key and an idempotency key.
  const bare = createClient({ baseUrl, ...(stubbed ? { fetch: stubFetch } : {}) });
  const axiosClient = axios.create({
    baseURL: baseUrl,
    headers: { authorization: `Bearer ${API_KEY}` },
    ...(stubbed ? { adapter: stubAdapter } : { adapter: "http" }),
  });
  return {
    "calls.create": () => calldesk.calls.create(BODY),
    "openapi-fetch": async () => {
      const { data } = await bare.POST(PATH, {
        body: BODY,
        headers: { authorization: `Bearer ${API_KEY}`, "idempotency-key": crypto.randomUUID() },
      });
      return data;
    },
    "raw fetch": async () => {
      const answer = await fetchImpl(baseUrl + PATH, {
        method: "POST",
        headers: {
          authorization: `Bearer ${API_KEY}`,
          "content-type": "application/json",
          "idempotency-key": crypto.randomUUID(),
        },
        body: JSON.stringify(BODY),
      });
      return answer.json();
    },
    axios: async () =>
      (await axiosClient.post(PATH, BODY, { headers: { "idempotency-key": crypto.randomUUID() } })).data,
  };
}

/** Requests per second with `inFlight` workers looping for SAMPLE_MS. */
async function sample(op, inFlight) {
  let done = 0;
  const end = performance.now() + SAMPLE_MS;
  const worker = async () => {
    while (performance.now() < end) {
      const call = await op();
      if (call.call_id === undefined) {
        throw new Error("no call in the answer");
      }
      done++;
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: inFlight }, worker));
  return (done * 1000) / (performance.now() - start);
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function measure(transport, baseUrl, inFlight) {
  const ops = variants(baseUrl, transport === "stubbed");
  const samples = Object.fromEntries(Object.keys(ops).map((name) => [name, []]));
  for (const op of Object.values(ops)) {
    await sample(op, inFlight); // warm-up (JIT, keep-alive sockets)
  }
  // Interleaved rounds, so drift on a shared machine hits every variant alike.
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, op] of Object.entries(ops)) {
      samples[name].push(await sample(op, inFlight));
    }
  }
  const opsPerSecond = Object.fromEntries(
    Object.entries(samples).map(([n, s]) => [n, Math.round(median(s))]),
  );
  const peer = opsPerSecond["openapi-fetch"];
  const ratios = Object.fromEntries(
    Object.entries(opsPerSecond).map(([n, v]) => [n, +(v / peer).toFixed(2)]),
  );
  return { transport, inFlight, opsPerSecond, ratiosVsOpenapiFetch: ratios };
}

const server = fork(fileURLToPath(new URL("./server.mjs", import.meta.url)), [CALL], { stdio: "inherit" });
const port = await new Promise((resolve) => server.once("message", resolve));
const results = [];
try {
  for (const [transport, baseUrl] of [
    ["stubbed", "http://127.0.0.1:9"],
    ["loopback", `http://127.0.0.1:${port}`],
  ]) {
    for (const inFlight of [1, 64]) {
      const result = await measure(transport, baseUrl, inFlight);
      const ratio = result.ratiosVsOpenapiFetch["calls.create"];
      result.target = TARGETS[transport];
      result.meetsTarget = ratio >= TARGETS[transport];
      results.push(result);
      console.log(
        `${transport.padEnd(8)} ${String(inFlight).padStart(2)} in flight: ` +
          Object.entries(result.opsPerSecond)
            .map(([n, v]) => `${n} ${v}/s (${result.ratiosVsOpenapiFetch[n]}x)`)
            .join(", ") +
          ` | calls.create ${ratio}x vs openapi-fetch, target >= ${result.target}x: ${result.meetsTarget ? "met" : "MISSED"}`,
      );
    }
  }
} finally {
  server.kill();
}

const out = fileURLToPath(new URL("../../../bench-results/", import.meta.url));
mkdirSync(out, { recursive: true });
writeFileSync(
  `${out}client.json`,
  `${JSON.stringify(
    {
      benchmark: "@calldesk/client calls.create vs openapi-fetch, raw fetch, axios",
      date: new Date().toISOString(),
      node: process.version,
      cpu: `${cpus().length} x ${cpus()[0]?.model}`,
      // Other work on the machine skews absolute numbers; the ratios are what to compare.
      loadAverage1m: +loadavg()[0].toFixed(2),
      sampleMs: SAMPLE_MS,
      rounds: ROUNDS,
      statistic: "median requests/s over interleaved rounds",
      versions: {
        "openapi-fetch": JSON.parse(
          readFileSync(new URL("../node_modules/openapi-fetch/package.json", import.meta.url)),
        ).version,
        axios: axios.VERSION,
      },
      results,
    },
    null,
    2,
  )}\n`,
);
console.log(`wrote ${out}client.json`);
