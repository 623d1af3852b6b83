// A real npm registry (Verdaccio) on 127.0.0.1, with its own storage, for publishing and
// installing releases without touching the public registry.
import { spawn } from "node:child_process";
import { mkdir, writeFile } from "node:fs/promises";
import { request } from "node:http";
import { createServer } from "node:net";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const VERDACCIO = fileURLToPath(new URL("../node_modules/.bin/verdaccio", import.meta.url));

/**
 * One HTTP exchange on a fresh connection. Verdaccio closes idle keep-alive sockets, and fetch's
 * pool would then reuse a dead one ("other side closed").
 * @param {string} method @param {string} url @param {unknown} [body]
 * @returns {Promise<{ status: number, json: any }>}
 */
export function registryRequest(method, url, body) {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const headers = payload
      ? { "content-type": "application/json", "content-length": Buffer.byteLength(payload) }
      : {};
    const req = request(url, { method, headers, agent: false }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk) => {
        text += chunk;
      });
      res.on("end", () => {
        try {
          resolve({ status: res.statusCode ?? 0, json: text ? JSON.parse(text) : undefined });
        } catch (error) {
          reject(error);
        }
      });
    });
    req.on("error", reject);
    req.end(payload);
  });
}

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
      const { status } = await registryRequest("GET", `${url}/-/ping`);
      if (status === 200) {
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
  const { status, json } = await registryRequest("PUT", `${url}/-/user/org.couchdb.user:${name}`, {
    name,
    password: "local-registry-only",
    type: "user",
    roles: [],
  });
  if (status !== 201 || !json?.token) {
    throw new Error(`could not create the publishing user (HTTP ${status})`);
  }
  return /** @type {string} */ (json.token);
}

/**
 * An npmrc that sends `@calldesk/*` to the local registry with its token.
 * @param {{ url: string, token: string }} registry
 */
export function scopedNpmrc({ url, token }) {
  const host = url.replace(/^https?:/, "");
  return `@calldesk:registry=${url}/\n${host}/:_authToken=${token}\n`;
}
