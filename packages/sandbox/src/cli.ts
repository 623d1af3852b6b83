// The CLI behind bin/calldesk-sandbox.js, which carries node's memory flags.
// calldesk-sandbox [--port 4010] [--host 127.0.0.1] [--spec FILE] [...]: prints its URL, then one
// JSON log line per request on stdout; SIGINT/SIGTERM close it gracefully.
import { parseArgs } from "node:util";
import { DEFAULT_HOST, DEFAULT_PORT, type SandboxOptions, startSandbox } from "./server.js";

const USAGE = `Usage: calldesk-sandbox [options]

  --port N                  port to listen on (default ${DEFAULT_PORT}; 0 picks a free one)
  --host HOST               address to listen on (default ${DEFAULT_HOST})
  --spec FILE               bundled OpenAPI JSON (default @calldesk/api-types/openapi.json)
  --api-key KEY             accept only these keys (repeatable; default any calldesk_ key)
  --verified-caller-id NUM  verified caller IDs (repeatable; default the contract's examples)
  --rate-limit N/SECONDS    quota per API key (default 1000/1)
  --latency MS              add latency to every call creation
  --cors-origin ORIGIN      let only this browser origin call (repeatable; default any origin)
  --quiet                   no per-request log lines
  --help                    this text`;

function fail(message: string): never {
  process.stderr.write(`calldesk-sandbox: ${message}\n\n${USAGE}\n`);
  process.exit(2);
}

function integer(name: string, value: string, min: number, max: number): number {
  const parsed = Number(value);
  if (!/^\d+$/.test(value) || parsed < min || parsed > max) {
    fail(`--${name} must be an integer from ${min} to ${max}, got "${value}"`);
  }
  return parsed;
}

export function parseCli(argv: string[]): SandboxOptions & { quiet: boolean } {
  let values: ReturnType<typeof parse>["values"];
  function parse(args: string[]) {
    return parseArgs({
      args,
      strict: true,
      options: {
        port: { type: "string" },
        host: { type: "string" },
        spec: { type: "string" },
        "api-key": { type: "string", multiple: true },
        "verified-caller-id": { type: "string", multiple: true },
        "rate-limit": { type: "string" },
        latency: { type: "string" },
        "cors-origin": { type: "string", multiple: true },
        quiet: { type: "boolean", default: false },
        help: { type: "boolean", default: false },
      },
    });
  }
  try {
    values = parse(argv).values;
  } catch (error) {
    fail((error as Error).message);
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  const options: SandboxOptions & { quiet: boolean } = { quiet: values.quiet === true };
  if (values.port !== undefined) {
    options.port = integer("port", values.port, 0, 65535);
  }
  if (values.host !== undefined) {
    options.host = values.host;
  }
  if (values.spec !== undefined) {
    options.spec = values.spec;
  }
  if (values["api-key"]) {
    options.apiKeys = values["api-key"];
  }
  if (values["verified-caller-id"]) {
    options.verifiedCallerIds = values["verified-caller-id"];
  }
  if (values["rate-limit"] !== undefined) {
    const [limit = "", windowSeconds = ""] = values["rate-limit"].split("/");
    options.rateLimit = {
      limit: integer("rate-limit", limit, 1, Number.MAX_SAFE_INTEGER),
      windowSeconds: integer("rate-limit", windowSeconds, 1, 86_400),
    };
  }
  if (values["cors-origin"]) {
    options.corsOrigins = values["cors-origin"];
  }
  if (values.latency !== undefined) {
    options.faults = { latencyMs: integer("latency", values.latency, 0, 600_000) };
  }
  return options;
}

async function main(): Promise<void> {
  const { quiet, ...options } = parseCli(process.argv.slice(2));
  const sandbox = await startSandbox({
    ...options,
    logger: (line) => {
      if (!quiet || line.msg !== "request") {
        process.stdout.write(`${JSON.stringify(line)}\n`);
      }
    },
  }).catch((error: Error) => fail(error.message));
  process.stdout.write(`calldesk-sandbox listening on ${sandbox.url}\n`);

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      // A second signal means "now".
      process.exit(1);
    }
    stopping = true;
    process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), msg: "stopping", signal })}\n`);
    sandbox.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

await main();
