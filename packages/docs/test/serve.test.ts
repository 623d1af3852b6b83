// The static server behind `pnpm start`: serves dist/ and nothing outside it.
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DocsServer, serveDocs } from "../src/serve.js";

let root: string;
let server: DocsServer;

beforeAll(async () => {
  const parent = await mkdtemp(join(tmpdir(), "calldesk-docs-serve-"));
  root = join(parent, "dist");
  await mkdir(join(root, "latest"), { recursive: true });
  await writeFile(join(root, "index.html"), "<p>versions</p>");
  await writeFile(join(root, "latest", "index.html"), "<p>latest</p>");
  await writeFile(
    join(root, "errors.json"),
    JSON.stringify({ "rate-limited": "latest/index.html#description/rate-limited" }),
  );
  await writeFile(join(parent, "secret.txt"), "outside");
  server = await serveDocs({ port: 0, root });
});

afterAll(async () => {
  await server.close();
  await rm(join(root, ".."), { recursive: true, force: true });
});

/** A raw request, so that `..` segments reach the server unnormalised. */
function get(
  path: string,
  method = "GET",
): Promise<{ status: number; type: string; body: string; location?: string | undefined }> {
  return new Promise((resolve, reject) => {
    const req = request(`${server.url}${path}`, { method, path }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk) => {
        body += chunk;
      });
      res.on("end", () =>
        resolve({
          status: res.statusCode ?? 0,
          type: String(res.headers["content-type"]),
          body,
          location: res.headers.location,
        }),
      );
    });
    req.on("error", reject);
    req.end();
  });
}

describe("serveDocs", () => {
  it("listens on 127.0.0.1 and reports its URL without a trailing slash", () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it("serves the index and each folder's index.html", async () => {
    expect(await get("/")).toEqual({
      status: 200,
      type: "text/html; charset=utf-8",
      body: "<p>versions</p>",
    });
    expect((await get("/latest/")).body).toBe("<p>latest</p>");
    expect((await get("/latest/index.html")).body).toBe("<p>latest</p>");
  });

  it("never serves a file outside its root", async () => {
    expect((await get("/../secret.txt")).status).toBe(404);
    expect((await get("/%2e%2e/secret.txt")).status).toBe(404);
    expect((await get("/latest/%2e%2e/%2e%2e/secret.txt")).status).toBe(404);
  });

  it("redirects a problem type's /errors/<slug> to its entry, and 404s an unknown one", async () => {
    const found = await get("/errors/rate-limited");
    expect(found.status).toBe(302);
    expect(found.location).toBe("/latest/index.html#description/rate-limited");
    expect((await get("/errors/no-such-type")).status).toBe(404);
    expect((await get("/errors/constructor")).status).toBe(404);
  });

  it("adds the slash to a folder, so that the pages' relative links resolve", async () => {
    const folder = await get("/latest");
    expect(folder.status).toBe(301);
    expect(folder.location).toBe("/latest/");
  });

  it("answers 404 for a missing file and 405 for a write", async () => {
    expect((await get("/nope.html")).status).toBe(404);
    expect((await get("/", "POST")).status).toBe(405);
  });
});
