import { describe, expect, it } from "vitest";
import { loadContract } from "../src/contract.js";
import { createCors } from "../src/cors.js";
import { bundlePath, callsPath, post, problemOf, seedBody, useSandbox } from "./helpers.js";

const facts = loadContract(bundlePath).cors;
const exposed = facts.responseHeaders.join(", ");

describe("createCors", () => {
  it("lets any origin in by default, exposing every documented response header", () => {
    const cors = createCors(facts);
    expect(cors.headers(undefined)).toEqual([
      "Access-Control-Allow-Origin",
      "*",
      "Access-Control-Expose-Headers",
      exposed,
    ]);
    expect(cors.headers("http://anywhere.test")).toEqual(cors.headers(undefined));
  });

  it("echoes an allowed origin with Vary: Origin, and only Vary for any other", () => {
    const cors = createCors(facts, ["http://localhost:3000", "https://console.test"]);
    expect(cors.headers("https://console.test")).toEqual([
      "Access-Control-Allow-Origin",
      "https://console.test",
      "Access-Control-Expose-Headers",
      exposed,
      "Vary",
      "Origin",
    ]);
    for (const origin of [undefined, "https://console.test.evil", "null", "http://localhost:3001"]) {
      expect(cors.headers(origin)).toEqual(["Vary", "Origin"]);
    }
  });

  it("allows the contract's methods and request headers plus Sandbox-Fault in a preflight", () => {
    const preflight = createCors(facts).preflight();
    expect(preflight).toEqual([
      "Access-Control-Allow-Methods",
      facts.methods.join(", "),
      "Access-Control-Allow-Headers",
      [...facts.requestHeaders, "Sandbox-Fault"].join(", "),
      "Access-Control-Max-Age",
      expect.stringMatching(/^\d+$/),
    ]);
  });

  it.each(["localhost:3000", "http://localhost:3000/", "http://localhost:3000/app", "null", ""])(
    "refuses %j as an origin, naming it",
    (origin) => {
      expect(() => createCors(facts, [origin])).toThrow(`"${origin}" is not an origin`);
    },
  );
});

describe("CORS over HTTP", () => {
  const preflightHeaders = {
    Origin: "http://console.test",
    "Access-Control-Request-Method": "POST",
    "Access-Control-Request-Headers": "authorization,content-type,idempotency-key,sandbox-fault",
  };

  it("answers a preflight with 204, the allowed methods and headers, and a max age", async () => {
    const { url } = await useSandbox();
    const response = await fetch(`${url}${callsPath}`, { method: "OPTIONS", headers: preflightHeaders });
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(response.headers.get("access-control-allow-methods")).toBe("POST");
    const allowed = response.headers.get("access-control-allow-headers")?.toLowerCase().split(", ");
    expect(allowed).toEqual(
      expect.arrayContaining(preflightHeaders["Access-Control-Request-Headers"].split(",")),
    );
    expect(Number(response.headers.get("access-control-max-age"))).toBeGreaterThan(0);
  });

  it("puts the CORS headers on errors too", async () => {
    const { url } = await useSandbox();
    const answer = await post(url, { ...seedBody, caller_id: "12" }, { Origin: "http://console.test" });
    expect(problemOf(answer).code).toBe("validation_failed");
    expect(answer.headers.get("access-control-allow-origin")).toBe("*");
    expect(answer.headers.get("access-control-expose-headers")).toBe(exposed);
  });

  it("restricted to some origins, lets only those read the answers", async () => {
    const { url } = await useSandbox({ corsOrigins: ["http://console.test"] });
    const allowed = await post(url, seedBody, { Origin: "http://console.test" });
    expect(allowed.headers.get("access-control-allow-origin")).toBe("http://console.test");
    expect(allowed.headers.get("vary")).toBe("Origin");
    const refused = await post(url, seedBody, { Origin: "http://elsewhere.test" });
    expect(refused.status).toBe(201);
    expect(refused.headers.get("access-control-allow-origin")).toBeNull();
    expect(refused.headers.get("vary")).toBe("Origin");
  });

  it("refuses to start with an origin that is not one", async () => {
    await expect(useSandbox({ corsOrigins: ["localhost:3000"] })).rejects.toThrow(/corsOrigins/);
  });
});
