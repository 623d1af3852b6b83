#!/usr/bin/env node
// calldesk-docs serve [--port 4011] [--host 127.0.0.1]: serves the API reference this package ships.
import { parseArgs } from "node:util";
import { serveDocs } from "./serve.js";

const usage = "usage: calldesk-docs serve [--port 4011] [--host 127.0.0.1]";

async function main(argv: string[]): Promise<void> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { port: { type: "string" }, host: { type: "string" } },
  });
  const command = positionals[0];
  if (command === "serve") {
    const port = values.port === undefined ? 4011 : Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      throw new Error(`--port must be an integer from 0 to 65535, got ${values.port}`);
    }
    const server = await serveDocs({ port, ...(values.host === undefined ? {} : { host: values.host }) });
    console.log(`API reference: ${server.url}/latest/ (all versions: ${server.url}/)`);
  } else {
    throw new Error(usage);
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
