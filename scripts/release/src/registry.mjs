// A real npm registry (Verdaccio) on 127.0.0.1, with its own storage, for publishing and
// installing releases without touching the public registry.
import { spawn } from "node:child_process";
import { mkdir, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const VERDACCIO = fileURLToPath(new URL("../node_modules/.bin/verdaccio", import.meta.url));

/** @returns {Promise<number>} a port that was free a moment ago */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

/**
 * Starts Verdaccio in `dir`. Only `@calldesk/*` lives there; consumers get everything else from
 * their usual registry through a scoped `.npmrc` line, so the registry needs no uplink.
 * @param {{ dir: string }} options
 * @returns {Promise<{ url: string, token: string, close: () => Promise<void> }>}
 */
export async function startRegistry({ dir }) {
  await mkdir(join(dir, "storage"), { recursive: true });
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const configPath = join(dir, "config.yaml");
  await writeFile(
    configPath,
    [
      `storage: ${join(dir, "storage")}`,
      "auth:",
      "  htpasswd:",
      `    file: ${join(dir, "htpasswd")}`,
      "    max_users: 1",
      "uplinks: {}",
      "packages:",
      '  "@calldesk/*":',
      "    access: $all",
      "    publish: $authenticated",
      "    unpublish: $authenticated",
      '  "**":',
      "    access: $all",
      "log: { type: stdout, format: json, level: warn }",
      `listen: 127.0.0.1:${port}`,
      "",
    ].join("\n"),
  );

  const child = spawn(VERDACCIO, ["--config", configPath], { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (chunk) => {
    output += chunk;
  });
  child.stderr.on("data", (chunk) => {
    output += chunk;
  });
  const exited = new Promise((resolve) => child.once("exit", resolve));

  const close = async () => {
    if (child.exitCode === null) {
      child.kill("SIGTERM");
      await exited;
    }
  };

  try {
    await waitForPing(url, () => child.exitCode !== null);
    const token = await createUser(url);
    return { url, token, close };
  } catch (error) {
    await close();
    throw new Error(`Verdaccio did not start: ${error instanceof Error ? error.message : error}\n${output}`);
  }
}

/** @param {string} url @param {() => boolean} hasExited */
async function waitForPing(url, hasExited) {
  for (let attempt = 0; attempt < 300; attempt += 1) {
    if (hasExited()) {
      throw new Error("the process exited");
    }
    try {
      const response = await fetch(`${url}/-/ping`);
      if (response.ok) {
        return;
      }
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("no answer to /-/ping after 30 s");
}

/** Registers the publishing user the way `npm adduser` does, and returns its token. */
async function createUser(/** @type {string} */ url) {
  const name = "release-bot";
  const response = await fetch(`${url}/-/user/org.couchdb.user:${name}`, {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ name, password: "local-registry-only", type: "user", roles: [] }),
  });
  const body = /** @type {{ token?: string }} */ (await response.json());
  if (!response.ok || !body.token) {
    throw new Error(`could not create the publishing user (HTTP ${response.status})`);
  }
  return body.token;
}

/**
 * An npmrc that sends `@calldesk/*` to the local registry with its token.
 * @param {{ url: string, token: string }} registry
 */
export function scopedNpmrc({ url, token }) {
  const host = url.replace(/^https?:/, "");
  return `@calldesk:registry=${url}/\n${host}/:_authToken=${token}\n`;
}
