// A consumer project outside the workspace that installs the released packages with plain npm
// from the local registry, compiles strict TypeScript as ESM and as CJS, and uses them for real.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { scopedNpmrc } from "./registry.mjs";

// Versions of the consumer's own tools: pinned so a consumer run is reproducible.
const TYPESCRIPT = "typescript@5.9.3";
const NODE_TYPES = "@types/node@20.19.43";

const ESM_SOURCE = `import type { Call } from "@calldesk/api-types";
import { createCalldeskClient, UnprocessableEntityError } from "@calldesk/client";
import { startSandbox } from "@calldesk/sandbox";

const sandbox = await startSandbox({ port: 0 });
try {
  const client = createCalldeskClient({ apiKey: "calldesk_abc123", baseUrl: sandbox.url });
  const call: Call = await client.calls.create({
    caller_id: "+14155550123",
    destination: "+14155559876",
    record: true,
    metadata: { patient_id: "P-12345" },
  });
  let rejected = "";
  try {
    await client.calls.create({ caller_id: "+14155550123", destination: "not-a-number" });
  } catch (error) {
    if (error instanceof UnprocessableEntityError) {
      rejected = error.code ?? "";
    }
  }
  console.log(JSON.stringify({ module: "esm", status: call.status, call_id: call.call_id, rejected }));
} finally {
  await sandbox.close();
}
`;

const CJS_SOURCE = `import type { Call } from "@calldesk/api-types";
import { createCalldeskClient } from "@calldesk/client";
import { startSandbox } from "@calldesk/sandbox";

async function main(): Promise<void> {
  const sandbox = await startSandbox({ port: 0 });
  try {
    const client = createCalldeskClient({ apiKey: "calldesk_abc123", baseUrl: sandbox.url });
    const call: Call = await client.calls.create({ caller_id: "+14155550123", destination: "+14155559876" });
    console.log(JSON.stringify({ module: "cjs", status: call.status, call_id: call.call_id }));
  } finally {
    await sandbox.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
`;

const TSCONFIG = {
  compilerOptions: {
    target: "ES2022",
    module: "NodeNext",
    moduleResolution: "NodeNext",
    strict: true,
    noUncheckedIndexedAccess: true,
    exactOptionalPropertyTypes: true,
    skipLibCheck: false,
    types: ["node"],
    outDir: "out",
  },
  files: ["esm.mts", "cjs.cts"],
};

/**
 * @param {{ dir: string, registry: { url: string, token: string }, version: string }} options
 * @returns {{ dir: string, install: (version: string) => void, compile: () => void, run: () => Array<Record<string, string>>, docsPage: (version: string) => string }}
 */
export function createConsumer({ dir, registry, version }) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, "package.json"),
    JSON.stringify({ name: "calldesk-consumer", private: true }, null, 2),
  );
  writeFileSync(join(dir, ".npmrc"), scopedNpmrc(registry));
  writeFileSync(join(dir, "esm.mts"), ESM_SOURCE);
  writeFileSync(join(dir, "cjs.cts"), CJS_SOURCE);
  writeFileSync(join(dir, "tsconfig.json"), JSON.stringify(TSCONFIG, null, 2));

  /** @param {string[]} args */
  const npm = (args) =>
    execFileSync("npm", args, { cwd: dir, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });

  const consumer = {
    dir,
    /** Installs one released version of every package, exactly (what a pinned consumer does). */
    install(/** @type {string} */ wanted) {
      const packages = ["api-types", "client", "sandbox", "docs"].map(
        (name) => `@calldesk/${name}@${wanted}`,
      );
      npm(["install", "--no-audit", "--no-fund", "--save-exact", ...packages, TYPESCRIPT, NODE_TYPES]);
    },
    compile() {
      execFileSync(join(dir, "node_modules/.bin/tsc"), ["-p", "tsconfig.json"], {
        cwd: dir,
        encoding: "utf8",
        stdio: ["ignore", "pipe", "pipe"],
      });
    },
    run() {
      return ["out/esm.mjs", "out/cjs.cjs"].map((file) =>
        JSON.parse(execFileSync(process.execPath, [file], { cwd: dir, encoding: "utf8" }).trim()),
      );
    },
    /** Path of the docs page of `wanted` inside the installed docs package. */
    docsPage(/** @type {string} */ wanted) {
      const page = join(dir, "node_modules/@calldesk/docs/dist", wanted, "index.html");
      if (!existsSync(page)) {
        throw new Error(`@calldesk/docs has no page for ${wanted} (looked for ${page})`);
      }
      return page;
    },
  };
  consumer.install(version);
  return consumer;
}
