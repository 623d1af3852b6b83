// The page shell and Scalar's options: everything from the contract, nothing reaching outside.
import { describe, expect, it } from "vitest";
import { inlineScript, pageHtml, pageSettings } from "../src/page.js";
import { exampleApiKey, loadBundle, objectAt } from "./helpers.js";

const doc = loadBundle();
const settings = pageSettings(doc, "http://127.0.0.1:4010");

describe("pageSettings", () => {
  it("pre-fills the console from the contract: example key, Idempotency-Key example, local sandbox", () => {
    expect(settings.scalar.authentication).toEqual({
      preferredSecurityScheme: "bearerAuth",
      securitySchemes: { bearerAuth: { token: exampleApiKey(doc) } },
    });
    expect(settings.idempotency).toEqual({
      header: "Idempotency-Key",
      example: objectAt(doc, objectAt(doc, objectAt(doc, doc.components).parameters).IdempotencyKey).example,
    });
    expect((settings.scalar.servers as { url: string }[])[0]?.url).toBe("http://127.0.0.1:4010");
    expect(settings.title).toBe(
      `${String(objectAt(doc, doc.info).title)} ${String(objectAt(doc, doc.info).version)}`,
    );
  });

  it("switches off everything of Scalar's that would leave the machine", () => {
    expect(settings.scalar).toMatchObject({
      withDefaultFonts: false,
      telemetry: false,
      agent: { disabled: true },
      mcp: { disabled: true },
      persistAuth: false,
    });
    expect(settings.scalar).not.toHaveProperty("proxyUrl");
  });

  it("fails when the contract gives the console no example key", () => {
    const copy = structuredClone(doc);
    delete objectAt(copy, objectAt(copy, objectAt(copy, copy.components).securitySchemes).bearerAuth)[
      "x-api-key-example"
    ];
    expect(() => pageSettings(copy, "http://127.0.0.1:4010")).toThrow(/x-api-key-example/);
  });
});

describe("inlineScript and pageHtml", () => {
  it("keeps an inlined script from ending its element or entering the double-escaped state", () => {
    expect(inlineScript('a = "</script>"; b = /<script(?=\\s)/; c = `<SCRIPT>`')).toBe(
      'a = "\\x3C/script>"; b = /\\x3Cscript(?=\\s)/; c = `\\x3CSCRIPT>`',
    );
  });

  it("embeds the settings so that no '<' can close their script", () => {
    const html = pageHtml({ ...settings, title: "A </script> title" }, "window.Scalar = {};");
    expect(html).toContain("<title>A &lt;/script&gt; title</title>");
    const json =
      /<script id="calldesk-settings" type="application\/json">(.*?)<\/script>/s.exec(html)?.[1] ?? "";
    expect(json).not.toContain("<");
    expect(JSON.parse(json).title).toBe("A </script> title");
  });
});
