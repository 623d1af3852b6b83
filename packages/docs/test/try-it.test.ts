// The reference's console, as a reader uses it: the page served by the docs server, a real
// sandbox on 127.0.0.1, Debian's Chromium. Pick the seed example, send it, replay it with the
// same key, then send a bad destination; the sandbox's own list of calls is the witness. Every
// request outside the two servers is blocked and counted, and the key must not outlive the page.
import { DEFAULT_HOST, DEFAULT_PORT, type Sandbox, startSandbox } from "@calldesk/sandbox";
import type { BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DocsServer, serveDocs } from "../src/serve.js";
import {
  artifactsDir,
  builtFile,
  createCall,
  exampleApiKey,
  launchChromium,
  loadBundle,
  objectAt,
} from "./helpers.js";

const doc = loadBundle();
const { operation } = createCall(doc);
const apiKey = exampleApiKey(doc);
const requestExamples = objectAt(
  doc,
  objectAt(doc, objectAt(doc, objectAt(doc, operation.requestBody).content)["application/json"]).examples,
);
const seed = objectAt(doc, requestExamples.seed);
// Where the console sends by default: the sandbox's own default address.
const defaultUrl = `http://${DEFAULT_HOST}:${DEFAULT_PORT}`;
const keyExample = String(
  (operation.parameters as unknown[])
    .map((parameter) => objectAt(doc, parameter as never))
    .find((parameter) => parameter.name === "Idempotency-Key")?.example,
);

let sandbox: Sandbox;
let docs: DocsServer;
let browser: { context: BrowserContext; close(): Promise<void> };
let page: Page;
const outside: string[] = [];
const consoleErrors: string[] = [];

beforeAll(async () => {
  builtFile("latest/index.html");
  sandbox = await startSandbox({ port: 0 });
  docs = await serveDocs({ port: 0 });
  browser = await launchChromium();
  await browser.context.route("**/*", async (route) => {
    const url = route.request().url();
    if (url.startsWith(`${docs.url}/`) || url.startsWith(`${sandbox.url}/`)) {
      await route.continue();
    } else {
      outside.push(url);
      await route.abort();
    }
  });
  page = await browser.context.newPage();
  page.on("console", (message) => {
    if (message.type() === "error") {
      consoleErrors.push(message.text());
    }
  });
  page.on("pageerror", (error) => consoleErrors.push(error.message));
});

afterAll(async () => {
  await browser?.close();
  await docs?.close();
  await sandbox?.close();
});

async function sandboxCalls(): Promise<{ call_id: string }[]> {
  const response = await fetch(`${sandbox.url}/_sandbox/calls`);
  return ((await response.json()) as { calls: { call_id: string }[] }).calls;
}

/** Replaces the whole text of one of the console's editors (header value, body). */
async function replaceText(editor: Locator, text: string): Promise<void> {
  await editor.click();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("Backspace");
  if (text !== "") {
    // insertText, not typing: the body editor would auto-close brackets and quotes.
    await page.keyboard.insertText(text);
  }
}

/** A row of the answer's "Request Headers" or "Response Headers" table: its value. */
async function answerHeader(dialog: Locator, section: string, name: string): Promise<string> {
  const toggle = dialog.getByRole("button", { name: new RegExp(`^${section}`) });
  if ((await toggle.getAttribute("aria-expanded")) !== "true") {
    await toggle.click();
  }
  const row = dialog.locator(".response-headers-row, tr, [role=row], div").filter({
    has: page.getByText(name, { exact: true }),
  });
  await expect.poll(() => row.last().isVisible()).toBe(true);
  const text = (await row.last().innerText()).replace(name, "").trim();
  return text;
}

describe("Try it: the console on the served reference", () => {
  let dialog: Locator;
  let firstCall = "";
  let firstKey = "";

  it("opens on create-call with the seed example, the sandbox's example key and the local sandbox", async () => {
    await page.goto(
      `${docs.url}/latest/#tag/${String((operation.tags as string[])[0]).toLowerCase()}/POST/api/v1/voice/calls`,
    );
    // Pick the seed example (the contract's request examples are listed by their summary).
    const picker = page.getByRole("button", { name: /Request Example for|Recorded|Minimal|voice changer/i });
    await picker.first().click();
    const options = page.getByRole("option");
    const summaries = Object.values(requestExamples).map((example) => String(objectAt(doc, example).summary));
    await expect.poll(() => options.allInnerTexts()).toEqual(summaries);
    await options.filter({ hasText: String(seed.summary) }).click();
    await page
      .getByRole("button", { name: /Test Request/ })
      .first()
      .click();
    dialog = page.getByRole("dialog");
    await expect.poll(() => dialog.isVisible()).toBe(true);

    const server = dialog.getByRole("button", { name: /^Server:/ });
    expect(await server.innerText()).toContain(defaultUrl);
    expect(
      await dialog
        .locator("input")
        .evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value)),
    ).toContain(apiKey);
    const body = dialog.locator('[role="textbox"][contenteditable="true"]').filter({ hasText: "caller_id" });
    expect(JSON.parse(await body.innerText())).toEqual(seed.value);
    expect(await dialog.getByText(keyExample).isVisible()).toBe(true);

    // The sandbox of this test listens on a free port: type it as "another address".
    await server.click();
    await page.getByRole("button", { name: "{another-address}", exact: true }).click();
    await server.click();
    // The variable's field is an unlabelled input holding the default address.
    const field = await page.waitForFunction(
      (url) => [...document.querySelectorAll("input")].find((input) => input.value === url),
      defaultUrl,
    );
    await field.asElement()?.fill(sandbox.url);
    await server.click();
    await page.screenshot({ path: `${artifactsDir()}/try-it-ready.png` });
  });

  it("Send: shows 201 and the new call_id, and the sandbox has exactly that call", async () => {
    await dialog.locator('[data-addressbar-action="send"]:visible').click();
    await expect
      .poll(() =>
        dialog
          .getByText(/^201\b/)
          .first()
          .isVisible(),
      )
      .toBe(true);
    const calls = await sandboxCalls();
    expect(calls).toHaveLength(1);
    firstCall = String(calls[0]?.call_id);
    await expect.poll(() => dialog.getByText(`"${firstCall}"`).first().isVisible()).toBe(true);
    firstKey = await answerHeader(dialog, "Request Headers", "idempotency-key");
    expect(firstKey).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(firstKey).not.toBe(keyExample);
    await page.screenshot({ path: `${artifactsDir()}/try-it-201.png` });
  });

  it("Send again with the same key: shows Idempotent-Replayed: true and places no second call", async () => {
    await replaceText(dialog.getByRole("combobox").filter({ hasText: keyExample }), firstKey);
    await dialog.locator('[data-addressbar-action="send"]:visible').click();
    await expect.poll(() => answerHeader(dialog, "Response Headers", "Idempotent-Replayed")).toBe("true");
    expect(await answerHeader(dialog, "Request Headers", "idempotency-key")).toBe(firstKey);
    expect((await sandboxCalls()).map((call) => call.call_id)).toEqual([firstCall]);
    await page.screenshot({ path: `${artifactsDir()}/try-it-replayed.png` });
  });

  it("a bad destination: shows the 422 problem with its errors[]", async () => {
    // An empty key field means a fresh key again.
    await replaceText(dialog.getByRole("combobox").filter({ hasText: firstKey }), "");
    const bad = { ...(seed.value as object), destination: "12345" };
    await replaceText(
      dialog.locator('[role="textbox"][contenteditable="true"]').filter({ hasText: "caller_id" }),
      JSON.stringify(bad, null, 2),
    );
    await dialog.locator('[data-addressbar-action="send"]:visible').click();
    await expect
      .poll(() =>
        dialog
          .getByText(/^422\b/)
          .first()
          .isVisible(),
      )
      .toBe(true);
    await expect.poll(() => dialog.getByText('"/destination"').first().isVisible()).toBe(true);
    expect(await dialog.getByText('"errors"').first().isVisible()).toBe(true);
    expect(await dialog.getByText('"invalid_e164"').first().isVisible()).toBe(true);
    expect(await sandboxCalls()).toHaveLength(1);
    await page.screenshot({ path: `${artifactsDir()}/try-it-422.png` });
  });

  it("keeps the key only in the page: no storage, no cookie", async () => {
    const stored = await page.evaluate(async () => {
      const databases = (await indexedDB.databases()).map((database) => database.name);
      return {
        local: JSON.stringify({ ...localStorage }),
        session: JSON.stringify({ ...sessionStorage }),
        cookies: document.cookie,
        databases,
      };
    });
    console.log(`storage after three sends: ${JSON.stringify(stored).replaceAll(apiKey, "<key>")}`);
    expect(JSON.stringify(stored)).not.toContain(apiKey);
    expect(stored.databases).toEqual([]);
    const cookies = await browser.context.cookies();
    expect(cookies).toEqual([]);
  });

  it("sent nothing anywhere else and logged no console error but Chromium's note of the 422", () => {
    expect(outside).toEqual([]);
    // Chromium itself logs every 4xx answer to fetch as a console error; the deliberate 422
    // is the only one allowed.
    expect(consoleErrors).toEqual([
      "Failed to load resource: the server responded with a status of 422 (Unprocessable Entity)",
    ]);
  });
});
