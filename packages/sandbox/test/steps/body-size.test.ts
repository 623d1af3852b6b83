import { request } from "node:http";
import { describe, expect, it } from "vitest";
import { bodySize } from "../../src/steps/body-size.js";
import {
  bundle,
  callsPath,
  callsPathItem,
  post,
  problemOf,
  seedBody,
  seedHeaders,
  useSandbox,
} from "../helpers.js";
import { exchangeFor, stateFor } from "./support.js";

const maxBodyBytes: number = callsPathItem.post.requestBody["x-max-body-bytes"];

/** Streams `size` bytes as a chunked body and resolves with the status and Connection header. */
function streamed(url: string, size: number): Promise<{ status: number; connection: string | undefined }> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}${callsPath}`, {
      method: "POST",
      headers: { Authorization: seedHeaders.Authorization, "Content-Type": "application/json" },
    });
    req.on("response", (response) => {
      response.resume();
      resolve({ status: response.statusCode ?? 0, connection: response.headers.connection });
    });
    // The server stops reading and closes after answering: writes after that may fail.
    req.on("error", (error) => (req.writableEnded ? undefined : reject(error)));
    const chunk = Buffer.alloc(1024, 0x20);
    for (let sent = 0; sent < size; sent += chunk.length) {
      req.write(chunk);
    }
    req.end();
  });
}

describe("body-size", () => {
  it("answers a declared Content-Length over the limit at once, closing the connection", () => {
    const exchange = exchangeFor({ "Content-Length": String(maxBodyBytes + 1) });
    expect(bodySize.run(exchange, stateFor())).toMatchObject({
      status: 413,
      code: "payload_too_large",
      detail: `The request body must be at most ${maxBodyBytes} bytes.`,
      headers: ["Connection", "close"],
    });
    expect(exchange.res.shouldKeepAlive).toBe(false);
  });

  it("stops reading a streamed body once it passes the limit", async () => {
    const { url } = await useSandbox();
    expect(await streamed(url, maxBodyBytes + 4096)).toEqual({ status: 413, connection: "close" });
  });

  it("reads a body of exactly the limit", async () => {
    const { url } = await useSandbox();
    const text = JSON.stringify(seedBody);
    const answer = await post(url, `${text.slice(0, -1)}${" ".repeat(maxBodyBytes - text.length)}}`);
    expect(answer.status).toBe(201);
    const tooLarge = await post(url, `${text.slice(0, -1)}${" ".repeat(maxBodyBytes + 1 - text.length)}}`);
    expect(problemOf(tooLarge).code).toBe("payload_too_large");
    expect(bundle.paths[callsPath]).toBe(callsPathItem);
  });
});
