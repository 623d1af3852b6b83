#!/usr/bin/env node
// Benchmark: this sandbox against Prism (the mock a user would otherwise pick) on the same
// bundle, with the same load generator, in the same run. Writes bench-results/sandbox.json at
// the repository root and prints ratios against the targets. Not part of `test`.
//
// Per server and round: spawn -> first successful POST (start-up), idle RSS, a warm-up, then
// autocannon with 32 connections posting the seed body (peak RSS sampled during the run).
// Throughput requests carry a valid Authorization and NO Idempotency-Key: every request goes
// through validation and creates a call, which is the expensive path (a fixed key would turn
// every request after the first into a cheap replay). Prism runs with --errors (it validates
// requests too) and -v silent; the sandbox with --quiet (no log lines) and a quota high enough
// not to answer 429.
import { execFileSync, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { availableParallelism } from "node:os";
import { dirname, join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));

// Pin the load generator (this process, every thread) to CPU 1 and each server to CPU 0 when
// the machine has two cores and util-linux's taskset; otherwise run unpinned, as before.
const pinned = (() => {
  if (availableParallelism() < 2) {
    return false;
  }
  try {
    execFileSync("taskset", ["--all-tasks", "--cpu-list", "--pid", "1", String(process.pid)], {
      stdio: "ignore",
    });
    return true;
  } catch {
    return false;
  }
})();
const repoRoot = join(here, "..", "..", "..");
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const DURATION_S = Number(process.env.BENCH_DURATION ?? 5);
const WARMUP_S = 1;
const CONNECTIONS = 32;
const TARGETS = { requestsPerSecond: 8, startup: 1 / 3, rss: 1 / 2 };

const bundlePath = require.resolve("@calldesk/api-types/openapi.json");
const bundle = JSON.parse(readFileSync(bundlePath, "utf8"));
const [path, item] = Object.entries(bundle.paths).find(
  ([, value]) => value.post?.operationId === "createCall",
);
const seedBody = JSON.stringify(item.post.requestBody.content["application/json"].examples.seed.value);
const curl = (item.post["x-codeSamples"] ?? []).find((sample) => sample.lang === "Shell")?.source ?? "";
const authorization = /-H "Authorization: ([^"]+)"/.exec(curl)?.[1] ?? "Bearer calldesk_abc123";
const headers = { authorization, "content-type": "application/json" };

const prismPackage = require.resolve("@stoplight/prism-cli/package.json");
const prismBin = join(dirname(prismPackage), require(prismPackage).bin.prism);
const prismVersion = require(prismPackage).version;
const sandboxCli = join(here, "..", "bin", "calldesk-sandbox.js");

async function freePort() {
  const server = createServer();
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address();
  server.close();
  await once(server, "close");
  return port;
}

const servers = {
  sandbox: (port) => [sandboxCli, "--port", String(port), "--quiet", "--rate-limit", "1000000000/1"],
  prism: (port) => [
    prismBin,
    "mock",
    "-p",
    String(port),
    "-h",
    "127.0.0.1",
    "--errors",
    "-v",
    "silent",
    bundlePath,
  ],
};

function rssMb(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? Number.NaN) / 1024;
  } catch {
    return Number.NaN;
  }
}

async function postOnce(url) {
  try {
    const response = await fetch(url, { method: "POST", headers, body: seedBody });
    await response.arrayBuffer();
    return response.status;
  } catch {
    return 0;
  }
}

function load(url, duration) {
  return new Promise((resolve, reject) => {
    autocannon(
      { url, method: "POST", headers, body: seedBody, connections: CONNECTIONS, duration },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
  });
}

async function measure(name) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}${path}`;
  const started = performance.now();
  // Each server starts through its own bin file, as a user's shell starts it (shebang included),
  // pinned to CPU 0 while this process (the load generator) is pinned to CPU 1: on a 2-core
  // machine the two would otherwise steal each other's core. Both servers get the same treatment.
  const [bin, ...args] = servers[name](port);
  const child = pinned
    ? spawn("taskset", ["--cpu-list", "0", bin, ...args], { stdio: ["ignore", "ignore", "inherit"] })
    : spawn(bin, args, { stdio: ["ignore", "ignore", "inherit"] });
  let status = 0;
  while (status !== 201) {
    if (child.exitCode !== null) {
      throw new Error(`${name} exited with ${child.exitCode} before answering`);
    }
    status = await postOnce(url);
    if (status !== 201) {
      await sleep(5);
    }
  }
  const startupMs = performance.now() - started;
  await sleep(200);
  const idleRssMb = rssMb(child.pid);

  await load(url, WARMUP_S);
  let peakRssMb = idleRssMb;
  const sampler = setInterval(() => {
    peakRssMb = Math.max(peakRssMb, rssMb(child.pid));
  }, 100);
  const result = await load(url, DURATION_S);
  clearInterval(sampler);
  peakRssMb = Math.max(peakRssMb, rssMb(child.pid));

  child.kill("SIGTERM");
  await once(child, "exit");
  return {
    startupMs: Math.round(startupMs),
    requestsPerSecond: Math.round(result.requests.average),
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    idleRssMb: Math.round(idleRssMb),
    peakRssMb: Math.round(peakRssMb),
  };
}

const mean = (values) => values.reduce((sum, value) => sum + value, 0) / values.length;

const rounds = [];
for (let round = 1; round <= ROUNDS; round += 1) {
  // Alternate the order so that neither server always runs on a warmer machine.
  const order = round % 2 === 1 ? ["sandbox", "prism"] : ["prism", "sandbox"];
  const results = {};
  for (const name of order) {
    results[name] = await measure(name);
    console.log(`round ${round} ${name.padEnd(7)} ${JSON.stringify(results[name])}`);
  }
  rounds.push(results);
}

const summary = {};
for (const name of Object.keys(servers)) {
  const values = (key) => rounds.map((round) => round[name][key]);
  summary[name] = Object.fromEntries(
    ["startupMs", "requestsPerSecond", "p99Ms", "idleRssMb", "peakRssMb"].map((key) => [
      key,
      Math.round(mean(values(key)) * 10) / 10,
    ]),
  );
}
const ratios = {
  requestsPerSecond: summary.sandbox.requestsPerSecond / summary.prism.requestsPerSecond,
  startup: summary.sandbox.startupMs / summary.prism.startupMs,
  peakRss: summary.sandbox.peakRssMb / summary.prism.peakRssMb,
  idleRss: summary.sandbox.idleRssMb / summary.prism.idleRssMb,
  p99: summary.sandbox.p99Ms / summary.prism.p99Ms,
};
const verdict = {
  requestsPerSecond: ratios.requestsPerSecond >= TARGETS.requestsPerSecond,
  startup: ratios.startup <= TARGETS.startup,
  peakRss: ratios.peakRss <= TARGETS.rss,
};

const report = {
  date: new Date().toISOString(),
  node: process.version,
  cpus: (await import("node:os")).cpus().length,
  loadGenerator: `autocannon ${require("autocannon/package.json").version} (in the bench process)`,
  cpuPinning: pinned ? "load generator on CPU 1, server on CPU 0 (taskset)" : "none",
  prism: `@stoplight/prism-cli ${prismVersion} mock --errors -v silent`,
  sandbox: "calldesk-sandbox --quiet --rate-limit 1000000000/1",
  workload: {
    method: "POST",
    path,
    body: "the seed request (bundle example `seed`)",
    idempotencyKey: "none (every request validates and creates a call)",
    connections: CONNECTIONS,
    durationSeconds: DURATION_S,
    warmupSeconds: WARMUP_S,
    rounds: ROUNDS,
  },
  rounds,
  mean: summary,
  ratios: Object.fromEntries(
    Object.entries(ratios).map(([key, value]) => [key, Math.round(value * 1000) / 1000]),
  ),
  targets: { requestsPerSecond: ">= 8", startup: "<= 0.333", peakRss: "<= 0.5" },
  met: verdict,
};
const out = join(repoRoot, "bench-results", "sandbox.json");
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);

console.log(`\n                 sandbox    prism   ratio   target`);
const row = (label, a, b, ratio, target, ok) =>
  console.log(
    `${label.padEnd(16)}${String(a).padStart(8)} ${String(b).padStart(8)} ${ratio.toFixed(2).padStart(7)}   ${target} ${ok ? "met" : "MISSED"}`,
  );
row(
  "req/s",
  summary.sandbox.requestsPerSecond,
  summary.prism.requestsPerSecond,
  ratios.requestsPerSecond,
  ">= 8",
  verdict.requestsPerSecond,
);
row(
  "start-up ms",
  summary.sandbox.startupMs,
  summary.prism.startupMs,
  ratios.startup,
  "<= 0.33",
  verdict.startup,
);
row(
  "peak RSS MB",
  summary.sandbox.peakRssMb,
  summary.prism.peakRssMb,
  ratios.peakRss,
  "<= 0.5",
  verdict.peakRss,
);
console.log(
  `p99 ms: sandbox ${summary.sandbox.p99Ms}, prism ${summary.prism.p99Ms}; idle RSS MB: sandbox ${summary.sandbox.idleRssMb}, prism ${summary.prism.idleRssMb}`,
);
console.log(`\nwrote ${out}`);
