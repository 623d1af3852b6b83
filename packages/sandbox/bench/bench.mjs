#!/usr/bin/env node
// Benchmark: this sandbox against Prism (the mock a user would otherwise pick) and against a
// ceiling (bench/ceiling.mjs: bare node:http + the same ajv validator, nothing else) on the same
// bundle, with the same load generator, in the same run. Writes bench-results/sandbox.json at
// the repository root and prints ratios against the targets. Not part of `test`.
//
// Start-up (spawn -> first 201) is measured three times per server; the last servers stay up,
// get their idle RSS read and a warm-up, then take turns: per round, one short slice of
// autocannon load each (32 connections posting the seed body; peak RSS sampled meanwhile), in
// alternating order. Figures are medians over rounds, and a ratio is the median of each round's
// own ratio: slices seconds apart see much the same background load, which on a shared machine
// moves far more than the servers differ. BENCH_ROUNDS, BENCH_DURATION (s per slice),
// BENCH_SERVERS (e.g. "sandbox,ceiling"), BENCH_PIN=0 (never pin) and BENCH_BASELINE (the bin of
// another build of the sandbox, run as one more server) change the run.
//
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
  if (process.env.BENCH_PIN === "0" || availableParallelism() < 2) {
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
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 10);
const DURATION_S = Number(process.env.BENCH_DURATION ?? 3);
const STARTS = 3;
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
const ceiling = join(here, "ceiling.mjs");

async function freePort() {
  const server = createServer();
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address();
  server.close();
  await once(server, "close");
  return port;
}

// Each server's command line. The sandbox and Prism start through their bin files, as a user's
// shell starts them (shebang included).
const sandboxArgs = (port) => ["--port", String(port), "--quiet", "--rate-limit", "1000000000/1"];
const allServers = {
  sandbox: (port) => [sandboxCli, ...sandboxArgs(port)],
  // Another build of the sandbox (e.g. main's), to compare two versions of the code in one run.
  baseline: (port) => [process.env.BENCH_BASELINE, ...sandboxArgs(port)],
  ceiling: (port) => [process.execPath, ceiling, String(port)],
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
const names = (
  process.env.BENCH_SERVERS ?? `sandbox,${process.env.BENCH_BASELINE ? "baseline," : ""}ceiling,prism`
).split(",");
const servers = Object.fromEntries(names.map((name) => [name, allServers[name]]));
if (
  !servers.sandbox ||
  names.some((name) => !servers[name]) ||
  (servers.baseline && !process.env.BENCH_BASELINE)
) {
  throw new Error(
    `BENCH_SERVERS: a comma-separated list of ${Object.keys(allServers).join(", ")}, with sandbox`,
  );
}

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

/** Spawns a server through its command line and waits for its first 201 (the start-up time). */
async function start(name) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}${path}`;
  const started = performance.now();
  // Each server is pinned to CPU 0 while this process (the load generator) is pinned to CPU 1: on
  // a 2-core machine the two would otherwise steal each other's core. Every server gets the same
  // treatment.
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
  return { child, url, startupMs: Math.round(performance.now() - started), idleRssMb: 0, peakRssMb: 0 };
}

async function stop({ child }) {
  child.kill("SIGTERM");
  await once(child, "exit");
}

// Clock ticks per second of /proc/<pid>/stat's CPU times.
const CLOCK_TICKS = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;

/** CPU time (user + system, ms) the process has used so far. */
function cpuMs(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
}

/**
 * One slice of load on a running server; its peak RSS is sampled meanwhile. Besides requests/s
 * it reports the server's CPU time per request, which other processes on a shared machine
 * disturb far less than they disturb requests/s.
 */
async function slice(server) {
  const sampler = setInterval(() => {
    server.peakRssMb = Math.max(server.peakRssMb, rssMb(server.child.pid));
  }, 100);
  const cpuBefore = cpuMs(server.child.pid);
  const result = await load(server.url, DURATION_S);
  const cpuUsed = cpuMs(server.child.pid) - cpuBefore;
  clearInterval(sampler);
  server.peakRssMb = Math.max(server.peakRssMb, rssMb(server.child.pid));
  return {
    requestsPerSecond: Math.round(result.requests.average),
    cpuUsPerRequest: Math.round((cpuUsed * 1000 * 10) / result.requests.total) / 10,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
// Forward in odd rounds, backward in even ones, so that no server always runs on a warmer (or
// busier) machine.
const orderOf = (round) => (round % 2 === 1 ? names : [...names].reverse());

// Start-up: each server is spawned STARTS times, in alternating order; the last ones stay up.
const startups = [];
const running = {};
for (let round = 1; round <= STARTS; round += 1) {
  const times = {};
  for (const name of orderOf(round)) {
    const server = await start(name);
    times[name] = server.startupMs;
    if (round < STARTS) {
      await stop(server);
    } else {
      running[name] = server;
    }
  }
  startups.push(times);
  console.log(`start-up ${round} ${JSON.stringify(times)}`);
}
await sleep(200);
for (const name of names) {
  running[name].idleRssMb = rssMb(running[name].child.pid);
  running[name].peakRssMb = running[name].idleRssMb;
  await load(running[name].url, WARMUP_S);
}

// Throughput: short slices of load on the running servers, in alternating order, so that the
// slices a ratio compares are seconds apart and see much the same background load.
const rounds = [];
for (let round = 1; round <= ROUNDS; round += 1) {
  const results = {};
  for (const name of orderOf(round)) {
    results[name] = await slice(running[name]);
  }
  rounds.push(results);
  console.log(
    `round ${round} ${names.map((name) => `${name} ${results[name].requestsPerSecond} req/s ${results[name].cpuUsPerRequest} µs`).join(", ")}`,
  );
}
for (const name of names) {
  await stop(running[name]);
}

const round1 = (value) => Math.round(value * 10) / 10;
const summary = {};
for (const name of names) {
  summary[name] = {
    startupMs: median(startups.map((times) => times[name])),
    requestsPerSecond: median(rounds.map((round) => round[name].requestsPerSecond)),
    p99Ms: median(rounds.map((round) => round[name].p99Ms)),
    cpuUsPerRequest: round1(median(rounds.map((round) => round[name].cpuUsPerRequest))),
    idleRssMb: round1(running[name].idleRssMb),
    peakRssMb: round1(running[name].peakRssMb),
  };
}
// A ratio is the median of each round's own ratio (the sandbox's figure over the peer's in the
// same round), not a ratio of medians.
const pairedRatio = (list, peer, key) =>
  servers[peer] ? median(list.map((entry) => entry.sandbox[key] / entry[peer][key])) : Number.NaN;
const rssRatio = (peer, key) => (servers[peer] ? running.sandbox[key] / running[peer][key] : Number.NaN);
const ratios = {
  requestsPerSecond: pairedRatio(rounds, "prism", "requestsPerSecond"),
  ceilingRequestsPerSecond: pairedRatio(rounds, "ceiling", "requestsPerSecond"),
  baselineRequestsPerSecond: pairedRatio(rounds, "baseline", "requestsPerSecond"),
  // Requests per CPU second: the peer's CPU time per request over the sandbox's.
  ceilingCpu: servers.ceiling ? 1 / pairedRatio(rounds, "ceiling", "cpuUsPerRequest") : Number.NaN,
  prismCpu: servers.prism ? 1 / pairedRatio(rounds, "prism", "cpuUsPerRequest") : Number.NaN,
  baselineCpu: servers.baseline ? 1 / pairedRatio(rounds, "baseline", "cpuUsPerRequest") : Number.NaN,
  startup: servers.prism ? median(startups.map((times) => times.sandbox / times.prism)) : Number.NaN,
  peakRss: rssRatio("prism", "peakRssMb"),
  idleRss: rssRatio("prism", "idleRssMb"),
  p99: pairedRatio(rounds, "prism", "p99Ms"),
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
  ceiling: "bench/ceiling.mjs: node:http, the contract's ajv validator, a 201 with flat headers",
  workload: {
    method: "POST",
    path,
    body: "the seed request (bundle example `seed`)",
    idempotencyKey: "none (every request validates and creates a call)",
    connections: CONNECTIONS,
    durationSeconds: DURATION_S,
    warmupSeconds: WARMUP_S,
    rounds: ROUNDS,
    starts: STARTS,
    order: "alternating (forward, then backward); servers stay up between slices",
  },
  startups,
  rounds,
  median: summary,
  ratios: Object.fromEntries(
    Object.entries(ratios).map(([key, value]) => [key, Math.round(value * 1000) / 1000]),
  ),
  targets: { requestsPerSecond: ">= 8", startup: "<= 0.333", peakRss: "<= 0.5" },
  met: verdict,
};
const out = join(repoRoot, "bench-results", "sandbox.json");
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);

const cell = (name, key) => String(summary[name]?.[key] ?? "-").padStart(8);
if (servers.baseline) {
  console.log(
    `\nbaseline ${process.env.BENCH_BASELINE}: ${summary.baseline.requestsPerSecond} req/s, ${summary.baseline.cpuUsPerRequest} µs/request; sandbox/baseline ${ratios.baselineRequestsPerSecond.toFixed(3)} (req/s), ${ratios.baselineCpu.toFixed(3)} (per CPU s)`,
  );
}
console.log(
  `\nmedians of ${ROUNDS} rounds of ${DURATION_S} s (${STARTS} start-ups), ${pinned ? "pinned" : "unpinned"}`,
);
console.log(`                 sandbox  ceiling    prism   ratio   target`);
const row = (label, key, ratio, target, ok) =>
  console.log(
    `${label.padEnd(16)}${cell("sandbox", key)} ${cell("ceiling", key)} ${cell("prism", key)} ${ratio.toFixed(2).padStart(7)}   ${target}${ok === undefined ? "" : ok ? " met" : " MISSED"}`,
  );
row("req/s vs prism", "requestsPerSecond", ratios.requestsPerSecond, ">= 8", verdict.requestsPerSecond);
row("req/s vs ceiling", "requestsPerSecond", ratios.ceilingRequestsPerSecond, "(aim 0.8)");
row("CPU µs/request", "cpuUsPerRequest", ratios.prismCpu, "(requests per CPU s vs prism)");
row("  vs ceiling", "cpuUsPerRequest", ratios.ceilingCpu, "(requests per CPU s vs ceiling)");
row("start-up ms", "startupMs", ratios.startup, "<= 0.33", verdict.startup);
row("peak RSS MB", "peakRssMb", ratios.peakRss, "<= 0.5", verdict.peakRss);
console.log(
  `p99 ms: sandbox ${summary.sandbox.p99Ms}, ceiling ${summary.ceiling?.p99Ms ?? "-"}, prism ${summary.prism?.p99Ms ?? "-"}; idle RSS MB: sandbox ${summary.sandbox.idleRssMb}, prism ${summary.prism?.idleRssMb ?? "-"}`,
);
console.log(`\nwrote ${out}`);
