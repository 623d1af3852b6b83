// The built pages in Debian's Chromium, opened from disk with every request outside the page's
// own files blocked and counted: they must work offline, show the whole contract, switch
// versions, lead each problem type to its entry and pass axe's critical checks.
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { problemTypes } from "../src/content.js";
import { problemAnchor } from "../src/page.js";
import {
  artifactsDir,
  axeCounts,
  builtFile,
  createCall,
  type JsonObject,
  launchChromium,
  loadBundle,
  objectAt,
} from "./helpers.js";

const doc = loadBundle();
const { operation, samples } = createCall(doc);
const version = String(objectAt(doc, doc.info).version);
const pageUrl = pathToFileURL(builtFile("latest/index.html")).href;
const indexUrl = pathToFileURL(builtFile("index.html")).href;
const operationUrl = `${pageUrl}#tag/${String((operation.tags as string[])[0]).toLowerCase()}/POST/api/v1/voice/calls`;
// The page's own files: the pages, the index and the versions list next to them.
const allowed = new Set(
  ["latest/index.html", `${version}/index.html`, "index.html", "versions.js"].map(
    (file) => pathToFileURL(builtFile(file)).href,
  ),
);

let browser: { context: BrowserContext; close(): Promise<void> };
const outside: string[] = [];
const consoleErrors: string[] = [];

async function open(url: string): Promise<Page> {
  const page = await browser.context.newPage();
  page.on("console", (message) => {
    if (message.type() === "error") {
      consoleErrors.push(`${url}: ${message.text()}`);
    }
  });
  page.on("pageerror", (error) => consoleErrors.push(`${url}: ${error.message}`));
  await page.goto(url, { waitUntil: "load" });
  return page;
}

beforeAll(async () => {
  browser = await launchChromium();
  await browser.context.route("**/*", async (route) => {
    const url = route.request().url().split("#")[0] ?? "";
    if (allowed.has(url)) {
      await route.continue();
    } else {
      outside.push(url);
      await route.abort();
    }
  });
});

afterAll(async () => {
  await browser?.close();
});

/** The limits of a schema as Scalar prints them (its wording), derived from the schema. */
function renderedLimits(schema: JsonObject): string[] {
  const limits: string[] = [];
  if (typeof schema.minLength === "number") {
    limits.push(`min length: ${schema.minLength}`);
  }
  if (typeof schema.maxLength === "number") {
    limits.push(`max length: ${schema.maxLength}`);
  }
  if (typeof schema.pattern === "string") {
    limits.push(schema.pattern);
  }
  for (const value of Array.isArray(schema.enum) ? schema.enum : []) {
    limits.push(String(value));
  }
  return limits;
}

const words = (text: string) => text.replaceAll("`", "").replaceAll(/\s+/g, " ").trim();

describe("the reference page, offline in Chromium", () => {
  it("renders the contract version in the title and the page", async () => {
    const page = await open(pageUrl);
    const info = objectAt(doc, doc.info);
    expect(await page.title()).toBe(`${String(info.title)} ${version}`);
    await expect.poll(() => page.getByText(`v${version}`).first().isVisible()).toBe(true);
    await expect
      .poll(() =>
        page
          .getByRole("heading", { name: String(info.title) })
          .first()
          .isVisible(),
      )
      .toBe(true);
    await page.screenshot({ path: join(artifactsDir(), "overview.png") });
    expect((await axeCounts(page, "overview")).critical).toBe(0);
    await page.close();
  });

  it("shows the operation, every request field with its description and limits, and every response", async () => {
    const page = await open(operationUrl);
    const section = page.locator(`[id$="tag/calls/POST/api/v1/voice/calls"]`).first();
    await expect
      .poll(() => section.getByRole("heading", { name: String(operation.summary) }).isVisible())
      .toBe(true);
    const body = objectAt(doc, operation.requestBody);
    const schema = objectAt(doc, objectAt(doc, objectAt(doc, body.content)["application/json"]).schema);
    const properties = objectAt(doc, schema.properties);
    expect(Object.keys(properties).length).toBeGreaterThan(0);
    for (const [name, node] of Object.entries(properties)) {
      const field = objectAt(doc, node);
      const description = String((node as JsonObject).description ?? field.description);
      // The row of the field (its anchor's list item); textContent includes the limits Scalar
      // shows on hover (the pattern).
      const row = page.locator("li.property").filter({ has: page.locator(`[id$=".body.${name}"]`) });
      const text = words((await row.first().textContent()) ?? "");
      expect(text, name).toContain(words(description));
      for (const limit of renderedLimits(field)) {
        expect(text, `${name} shows ${limit}`).toContain(limit);
      }
    }
    const text = words(await section.innerText());
    for (const [status, ref] of Object.entries(objectAt(doc, operation.responses))) {
      expect(text, `response ${status}`).toContain(
        `${status} ${words(String(objectAt(doc, ref).description))}`,
      );
    }
    // The answers the product documentation does not state carry the mark, rendered.
    expect(text).toContain(words("Assumed (not in the product documentation):"));
    await page.screenshot({ path: join(artifactsDir(), "operation.png") });
    expect((await axeCounts(page, "operation")).critical).toBe(0);
    await page.close();
  });

  it("shows the four code samples, verbatim", async () => {
    const page = await open(operationUrl);
    expect(samples.map((entry) => entry.label)).toEqual(["curl", "@calldesk/client", "fetch", "requests"]);
    const panel = page.locator(".request-card, [class*=request-card]").first();
    for (const entry of samples) {
      await panel
        .getByRole("combobox")
        .or(panel.getByRole("button", { name: /curl|client|fetch|requests/ }))
        .first()
        .click();
      await page.getByRole("option", { name: entry.label, exact: true }).click();
      const code = panel.locator("pre code").first();
      // textContent: Scalar masks the configured API key on screen (CSS), the text and the copy
      // button keep it.
      await expect
        .poll(async () => (await code.textContent())?.trim(), { message: entry.label })
        .toBe(entry.source.trim());
      await page.screenshot({
        path: join(artifactsDir(), `sample-${entry.label.replaceAll(/\W+/g, "-")}.png`),
      });
    }
    await page.close();
  });

  it("finds voice_changer_uid with the search", async () => {
    const page = await open(pageUrl);
    await page
      .getByRole("button", { name: /Search/ })
      .first()
      .click();
    await page.keyboard.type("voice_changer_uid");
    const hit = page.getByRole("option").filter({ hasText: String(operation.summary) });
    await expect.poll(() => hit.first().isVisible()).toBe(true);
    await page.screenshot({ path: join(artifactsDir(), "search.png") });
    expect((await axeCounts(page, "search")).critical).toBe(0);
    await hit.first().click();
    await expect.poll(() => page.url()).toContain("POST/api/v1/voice/calls");
    await page.close();
  });

  it("has an entry for every problem type of the contract, reachable by its anchor", async () => {
    const types = problemTypes(doc);
    expect(types.length).toBeGreaterThan(0);
    const page = await open(pageUrl);
    for (const type of types) {
      const heading = page.locator(`[id$="${problemAnchor(type.slug)}"]`).locator("xpath=self::h3");
      await expect.poll(() => heading.count(), { message: type.slug }).toBe(1);
      await expect.poll(() => page.getByText(type.uri).first().isVisible(), { message: type.uri }).toBe(true);
    }
    const last = types.at(-1)?.slug ?? "";
    await page.goto(`${pageUrl}#${problemAnchor(last)}`);
    const target = page.locator(`h3[id$="${problemAnchor(last)}"]`);
    await expect.poll(async () => Math.round((await target.boundingBox())?.y ?? -1)).toBeLessThan(200);
    await page.close();
  });

  it("switches versions inside the page: every version, newest first, latest marked, links that open offline", async () => {
    const page = await open(pageUrl);
    const nav = page.getByRole("navigation", { name: "API versions" });
    await nav.getByText(`Version ${version} (latest)`).click();
    const links = nav.getByRole("link");
    await expect.poll(() => links.allInnerTexts()).toEqual([version]);
    expect(await nav.getByRole("listitem").first().innerText()).toBe(`${version} (latest)`);
    expect((await axeCounts(page, "version switcher")).critical).toBe(0);
    await links.first().click();
    await expect.poll(() => page.url()).toBe(pathToFileURL(builtFile(`${version}/index.html`)).href);
    await expect.poll(() => page.title()).toContain(version);
    await page.close();
  });

  it("lists the versions on the index page", async () => {
    const page = await open(indexUrl);
    await expect.poll(() => page.getByRole("link", { name: version, exact: true }).isVisible()).toBe(true);
    const counts = await axeCounts(page, "versions index");
    expect(counts.critical + counts.serious).toBe(0);
    await page.close();
  });

  // Last: every page above has been opened, navigated and searched by now.
  it("made no request outside the page and logged no console error", () => {
    console.log(`requests outside the page: ${outside.length}; console errors: ${consoleErrors.length}`);
    expect(outside).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});
