#!/usr/bin/env node
// The `calldesk-docs` command. A committed file, so that installing a fresh clone can link it
// before anything is built; it runs the built CLI, or says how to build it.
import { existsSync } from "node:fs";

const cli = new URL("../dist/lib/cli.js", import.meta.url);
if (!existsSync(cli)) {
  process.stderr.write("calldesk-docs: dist/lib/cli.js is missing; run pnpm build first\n");
  process.exit(1);
}
await import(cli.href);
