// The built page in Debian's Chromium, opened from disk with every request outside the page
// blocked and counted: it must work offline, show the whole contract and pass axe's critical
// checks.
import { mkdir, mkdtemp, readFile, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { type BrowserContext, chromium, type Locator, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Json } from "../src/content.js";
import { artifactsDir, builtFile, createCall, type JsonObject, loadBundle, objectAt } from "./helpers.js";

const require = createRequire(import.meta.url);
// Debian's package (`apt-get install chromium`), never a downloaded browser.
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

const doc = loadBundle();
const { operation, samples } = createCall(doc);
const pageUrl = pathToFileURL(builtFile("latest/index.html")).href;
const indexUrl = pathToFileURL(builtFile("index.html")).href;

let context: BrowserContext;
let profile: string;
const outside: string[] = [];
const consoleErrors: string[] = [];

/** The text a reader sees (rendered, so hidden parts are left out): what "visible" means here. */
function visibleText(locator: Locator): Promise<string> {
  // biome-ignore lint/performance/useDomNodeTextContent: rendered text is the point of these checks
  return locator.innerText();
}

async function open(url: string): Promise<Page> {
  const page = await context.newPage();
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
  profile = await mkdtemp(join(tmpdir(), "calldesk-docs-chromium-"));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1400, height: 1000 },
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  // Only the page files themselves may load; anything else is aborted and counted.
  const allowed = new Set([pageUrl, indexUrl]);
  await context.route("**/*", async (route) => {
    const url = route.request().url().split("#")[0] ?? "";
    if (allowed.has(url)) {
      await route.continue();
    } else {
      outside.push(url);
      await route.abort();
    }
  });
  await mkdir(artifactsDir(), { recursive: true });
});

afterAll(async () => {
  await context?.close();
  await rm(profile, { recursive: true, force: true });
});

/** What Redoc prints for a schema's limits (its own wording), derived from the schema. */
function renderedLimits(schema: JsonObject): string[] {
  const limits: string[] = [];
  const min = schema.minLength;
  const max = schema.maxLength;
  if (typeof min === "number" && typeof max === "number") {
    limits.push(min === max ? `= ${min} characters` : `[ ${min} .. ${max} ] characters`);
  } else if (typeof max === "number") {
    limits.push(`<= ${max} characters`);
  } else if (min === 1) {
    limits.push("non-empty");
  }
  if (typeof schema.maxProperties === "number") {
    limits.push(`<= ${schema.maxProperties} properties`);
  }
  if (typeof schema.pattern === "string") {
    limits.push(schema.pattern);
  }
  for (const value of Array.isArray(schema.enum) ? schema.enum : []) {
    limits.push(JSON.stringify(value));
  }
  if (schema.default !== undefined) {
    limits.push(JSON.stringify(schema.default));
  }
  return limits;
}

async function axeCounts(page: Page, label: string) {
  await page.addScriptTag({ content: await readFile(require.resolve("axe-core/axe.min.js"), "utf8") });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(root: Document): Promise<{ violations: Json[] }> } }).axe;
    return (await axe.run(document)).violations as { id: string; impact: string; nodes: unknown[] }[];
  });
  const counts = { critical: 0, serious: 0, moderate: 0, minor: 0 };
  for (const violation of violations) {
    counts[violation.impact as keyof typeof counts] += violation.nodes.length;
  }
  const rules = violations.map(
    (violation) => `${violation.id} (${violation.impact}, ${violation.nodes.length})`,
  );
  console.log(`axe ${label}: ${JSON.stringify(counts)}; rules: ${rules.join(", ") || "none"}`);
  return { counts, violations };
}

describe("the reference page, offline in Chromium", () => {
  it("renders the contract version in the title and the page", async () => {
    const page = await open(pageUrl);
    const info = objectAt(doc, doc.info);
    expect(await page.title()).toBe(`${String(info.title)} ${String(info.version)}`);
    await expect
      .poll(() => visibleText(page.getByRole("heading", { level: 1 }).first()))
      .toContain(String(info.version));
    await page.screenshot({ path: join(artifactsDir(), "overview.png") });
    const { counts } = await axeCounts(page, "overview");
    expect(counts.critical).toBe(0);
    await page.close();
  });

  it("shows the operation, every request field with its description and limits, and every response", async () => {
    const page = await open(
      `${pageUrl}#/${String((operation.tags as string[])[0]).toLowerCase()}/${String(operation.operationId).toLowerCase()}`,
    );
    await expect
      .poll(() => page.getByRole("heading", { name: String(operation.summary) }).isVisible())
      .toBe(true);

    const body = objectAt(doc, operation.requestBody);
    const schema = objectAt(doc, objectAt(doc, objectAt(doc, body.content)["application/json"]).schema);
    const properties = objectAt(doc, schema.properties);
    expect(Object.keys(properties).length).toBeGreaterThan(0);
    for (const [name, node] of Object.entries(properties)) {
      const field = objectAt(doc, node);
      const own = node as JsonObject;
      const description = String(own.description ?? field.description);
      const row = page.locator(`[id$="t=request&path=${name}"]`);
      await expect.poll(() => visibleText(row.locator(".schema-name").first())).toBe(name);
      const text = (await visibleText(row)).replaceAll(/\s+/g, " ");
      // Markdown is rendered, so compare the words without the backticks.
      expect(text, name).toContain(description.replaceAll("`", "").replaceAll(/\s+/g, " ").trim());
      for (const limit of renderedLimits(field)) {
        expect(text, `${name} shows ${limit}`).toContain(limit);
      }
      const extra = field.additionalProperties;
      if (typeof extra === "object" && extra !== null && !Array.isArray(extra)) {
        await row.getByRole("button", { name: /show propert/i }).click();
        const nested = (await visibleText(row)).replaceAll(/\s+/g, " ");
        for (const limit of renderedLimits(objectAt(doc, extra))) {
          expect(nested, `${name} values show ${limit}`).toContain(limit);
        }
      }
    }

    const responses = objectAt(doc, operation.responses);
    for (const [status, ref] of Object.entries(responses)) {
      const description = String(objectAt(doc, ref).description).trim().split("\n")[0] ?? "";
      await page.getByRole("tab", { name: status, exact: true }).first().click();
      await expect
        .poll(() => page.getByText(description.replaceAll("`", ""), { exact: false }).first().isVisible(), {
          message: `response ${status}`,
        })
        .toBe(true);
    }
    await page.getByRole("tab", { name: "201", exact: true }).first().click();
    await page.getByRole("heading", { name: String(operation.summary) }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(artifactsDir(), "operation.png") });
    await page.close();
  });

  it("shows both code samples, verbatim", async () => {
    const page = await open(
      `${pageUrl}#/${String((operation.tags as string[])[0]).toLowerCase()}/${String(operation.operationId).toLowerCase()}`,
    );
    const panel = page.locator(".panel-request-samples");
    expect(samples.map((entry) => entry.label).sort()).toEqual(["@calldesk/client", "curl"]);
    let current = samples[0]?.label ?? "";
    for (const entry of samples) {
      if (entry.label !== current) {
        await panel.getByRole("button", { name: current, exact: true }).click();
        await page.getByRole("menuitem", { name: entry.label }).click();
        current = entry.label;
      }
      const code = panel.locator("pre").first();
      await expect.poll(() => code.isVisible()).toBe(true);
      const shown = (await visibleText(code)).replaceAll(/\s+/g, " ").trim();
      expect(shown, entry.label).toBe(entry.source.replaceAll(/\s+/g, " ").trim());
      await page.screenshot({
        path: join(artifactsDir(), `sample-${entry.label.replaceAll(/\W+/g, "-")}.png`),
      });
    }
    const { counts } = await axeCounts(page, "operation");
    expect(counts.critical).toBe(0);
    await page.close();
  });

  it("finds voice_changer_uid with the search", async () => {
    const page = await open(pageUrl);
    await page
      .getByText(/^Search/)
      .first()
      .click();
    await page.keyboard.type("voice_changer_uid");
    const hit = page
      .locator('[data-component-name="Search/SearchItem"]')
      .filter({ hasText: "voice_changer_uid" });
    await expect.poll(() => hit.first().isVisible()).toBe(true);
    expect(await hit.first().getAttribute("href")).toContain("path=voice_changer_uid");
    await page.screenshot({ path: join(artifactsDir(), "search.png") });
    const { counts } = await axeCounts(page, "search");
    expect(counts.critical).toBe(0);
    await hit.first().click();
    await expect.poll(() => page.url()).toContain("voice_changer_uid");
    await expect.poll(() => page.locator('[id$="t=request&path=voice_changer_uid"]').isVisible()).toBe(true);
    await page.close();
  });

  it("lists the versions on the index page", async () => {
    const page = await open(indexUrl);
    const version = String(objectAt(doc, doc.info).version);
    await expect.poll(() => page.getByRole("link", { name: version, exact: true }).isVisible()).toBe(true);
    const { counts } = await axeCounts(page, "versions index");
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
