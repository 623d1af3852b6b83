// CORS as a browser enforces it: Debian's Chromium opens a page served from another origin (a
// node:http server on another port), and the page calls the sandbox with fetch, the way the
// reference's "Try it" console does. Without the CORS headers every fetch here fails.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox } from "../src/index.js";
import { callsPath, newKey, seedBody, seedHeaders } from "./helpers.js";

// Debian's package (`apt-get install chromium`), never a downloaded browser.
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
// A browser start on a loaded machine can be slow: a hang guard, not a time limit on the checks.
const HANG_GUARD_MS = 120_000;

let browser: Browser;
let pageServer: Server;
let pageOrigin: string;

beforeAll(async () => {
  pageServer = createServer((_req, res) => {
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
    res.end(
      '<!doctype html><html lang="en"><meta charset="utf-8"><title>Try it</title><h1>Try it</h1></html>',
    );
  });
  await new Promise<void>((resolve) => pageServer.listen(0, "127.0.0.1", resolve));
  pageOrigin = `http://127.0.0.1:${(pageServer.address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}, HANG_GUARD_MS);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => pageServer?.close(resolve));
});

interface Seen {
  status: number;
  requestId: string | null;
  replayed: string | null;
  body: Record<string, unknown>;
}

/** Opens the page on its own origin and has it fetch the sandbox; a CORS refusal is an error. */
async function fromPage(
  sandboxUrl: string,
  requests: { body: unknown; headers: Record<string, string> }[],
): Promise<Seen[]> {
  const page: Page = await browser.newPage();
  try {
    await page.goto(`${pageOrigin}/`);
    return await page.evaluate(
      async ({ url, requests }) => {
        const seen = [];
        for (const { body, headers } of requests) {
          const response = await fetch(url, { method: "POST", headers, body: JSON.stringify(body) });
          seen.push({
            status: response.status,
            requestId: response.headers.get("X-Request-Id"),
            replayed: response.headers.get("Idempotent-Replayed"),
            body: await response.json(),
          });
        }
        return seen;
      },
      { url: `${sandboxUrl}${callsPath}`, requests },
    );
  } finally {
    await page.close();
  }
}

const headers = (more: Record<string, string> = {}) => ({
  Authorization: seedHeaders.Authorization as string,
  "Content-Type": "application/json",
  ...more,
});

describe("a page on another origin", () => {
  it(
    "reads X-Request-Id and Idempotent-Replayed from a 201 and the problem body of a 422",
    async () => {
      const sandbox = await startSandbox({ port: 0 });
      try {
        const key = newKey();
        const [created, replayed, invalid] = await fromPage(sandbox.url, [
          { body: seedBody, headers: headers({ "Idempotency-Key": key }) },
          { body: seedBody, headers: headers({ "Idempotency-Key": key, "Sandbox-Fault": "latency=1" }) },
          { body: { ...seedBody, caller_id: "4155550123" }, headers: headers() },
        ]);
        expect(created).toMatchObject({
          status: 201,
          requestId: expect.stringMatching(/^req_/),
          replayed: "false",
        });
        expect(replayed).toMatchObject({ status: 201, replayed: "true", body: created?.body });
        expect(invalid).toMatchObject({
          status: 422,
          requestId: expect.stringMatching(/^req_/),
          body: {
            code: "validation_failed",
            errors: [expect.objectContaining({ pointer: "/caller_id", code: "invalid_e164" })],
          },
        });
        expect(invalid?.body.request_id).toBe(invalid?.requestId);
      } finally {
        await sandbox.close();
      }
    },
    HANG_GUARD_MS,
  );

  it(
    "is refused when the sandbox allows only other origins",
    async () => {
      const sandbox = await startSandbox({ port: 0, corsOrigins: ["http://elsewhere.test"] });
      try {
        await expect(fromPage(sandbox.url, [{ body: seedBody, headers: headers() }])).rejects.toThrow(
          /Failed to fetch/,
        );
        const allowed = await startSandbox({ port: 0, corsOrigins: [pageOrigin] });
        try {
          const [created] = await fromPage(allowed.url, [{ body: seedBody, headers: headers() }]);
          expect(created?.status).toBe(201);
        } finally {
          await allowed.close();
        }
      } finally {
        await sandbox.close();
      }
    },
    HANG_GUARD_MS,
  );
});
