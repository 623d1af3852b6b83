// A static file server for dist/, for `pnpm start` and local reading. node:http is enough: the
// pages are self-contained, so only a handful of files are ever served.
import { readFile, stat } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize, sep } from "node:path";
import { packageRoot } from "./paths.js";

/** Written by the build next to the pages: problem-type slug -> its entry in the latest page. */
export const ERRORS_FILE = "errors.json";
const ERROR_PATH = /^\/errors\/([a-z0-9][a-z0-9-]*)\/?$/;

export interface ServeOptions {
  /** Default 4011 (the sandbox has 4010); 0 picks a free port. */
  port?: number;
  /** Default 127.0.0.1: the docs are for the local reader only. */
  host?: string;
  /** The folder to serve. Default: this package's `dist/`. */
  root?: string;
}

export interface DocsServer {
  /** e.g. `http://127.0.0.1:4011` (no trailing slash). */
  url: string;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".json": "application/json",
  ".css": "text/css",
  ".js": "text/javascript; charset=utf-8",
};

export async function serveDocs(options: ServeOptions = {}): Promise<DocsServer> {
  const root = normalize(options.root ?? join(packageRoot(), "dist"));
  const host = options.host ?? "127.0.0.1";
  const server = createServer(async (request, response) => {
    const send = (status: number, body: string) => {
      response.writeHead(status, { "content-type": "text/plain; charset=utf-8" }).end(body);
    };
    if (request.method !== "GET" && request.method !== "HEAD") {
      response.setHeader("allow", "GET, HEAD");
      return send(405, "Method not allowed\n");
    }
    let path: string;
    try {
      path = decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname);
    } catch {
      return send(400, "Bad path\n");
    }
    // A problem's `type` URI (https://docs.247calldesk.com/errors/<slug>) lands on its entry.
    const problem = ERROR_PATH.exec(path);
    if (problem) {
      const anchors = await readFile(join(root, ERRORS_FILE), "utf8")
        .then((text) => JSON.parse(text) as Record<string, string>)
        .catch(() => ({}) as Record<string, string>);
      const target = Object.hasOwn(anchors, problem[1] ?? "") ? anchors[problem[1] ?? ""] : undefined;
      if (target === undefined) {
        return send(404, "Unknown problem type\n");
      }
      response.writeHead(302, { location: `/${target}`, "content-type": "text/plain; charset=utf-8" });
      return response.end(`See /${target}\n`);
    }
    let file = normalize(join(root, path));
    // Never serve outside root (`..` segments, encoded or not).
    if (file !== root && !file.startsWith(root.endsWith(sep) ? root : root + sep)) {
      return send(404, "Not found\n");
    }
    try {
      if ((await stat(file)).isDirectory()) {
        // The pages link to their neighbours relatively (../versions.js), which needs the slash.
        if (!path.endsWith("/")) {
          const url = new URL(request.url ?? "/", "http://localhost");
          response.writeHead(301, { location: `${url.pathname}/${url.search}` });
          return response.end();
        }
        file = join(file, "index.html");
      }
      const body = await readFile(file);
      response.writeHead(200, {
        "content-type": TYPES[extname(file)] ?? "application/octet-stream",
        "content-length": body.length,
      });
      response.end(request.method === "HEAD" ? undefined : body);
    } catch {
      send(404, "Not found\n");
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 4011, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host.includes(":") ? `[${host}]` : host}:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
