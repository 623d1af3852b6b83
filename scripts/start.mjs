#!/usr/bin/env node
// The main job, run after `turbo run build`: serves the sandbox (the contract, implemented)
// and the API reference, prints their URLs, and stops cleanly on Ctrl-C or SIGTERM.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const root = new URL("..", import.meta.url).pathname;
const load = (path) => import(pathToFileURL(join(root, path)).href);

const { startSandbox } = await load("packages/sandbox/dist/index.js");
const { serveDocs } = await load("packages/docs/dist/lib/index.js");
const contract = JSON.parse(readFileSync(join(root, "spec/dist/openapi.json"), "utf8"));

const sandbox = await startSandbox({
  port: 4010,
  logger: (line) => console.log(JSON.stringify(line)),
});
const docs = await serveDocs({ port: 4011 });

console.log(`
Calldesk API ${contract.info.version}
  sandbox        ${sandbox.url}   (POST ${sandbox.url}/api/v1/voice/calls, any calldesk_... key)
  API reference  ${docs.url}/latest/   (all versions: ${docs.url}/)
Try it in the reference: ${docs.url}/latest/#tag/calls/POST/api/v1/voice/calls ("Test Request"), or:
  curl -X POST ${sandbox.url}/api/v1/voice/calls -H "Authorization: Bearer calldesk_abc123" \\
    -H "Content-Type: application/json" -d '{"caller_id":"+14155550123","destination":"+14155559876"}'
Ctrl-C stops both.`);

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, async () => {
    if (stopping) {
      return;
    }
    stopping = true;
    await Promise.all([sandbox.close(), docs.close()]);
    console.log("Stopped.");
    process.exit(0);
  });
}
