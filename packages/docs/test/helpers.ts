// Shared by the tests: where the built artifacts are and what the contract says.
import { existsSync, readFileSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import type { Json } from "../src/content.js";
import { deref } from "../src/content.js";
import { packageRoot, workspaceRoot } from "../src/paths.js";

export type JsonObject = { [key: string]: Json };

const require = createRequire(import.meta.url);

/** The bundled contract the docs were built from. */
export function loadBundle(): JsonObject {
  return JSON.parse(readFileSync(require.resolve("@calldesk/api-types/openapi.json"), "utf8")) as JsonObject;
}

/** A built file of this package; the tests check the real artifact, so build must run first. */
export function builtFile(relative: string): string {
  const file = join(packageRoot(), "dist", relative);
  if (!existsSync(file)) {
    throw new Error(
      `${file} is missing: run \`pnpm --filter @calldesk/docs build\` (turbo does it before test)`,
    );
  }
  return file;
}

export function artifactsDir(): string {
  return join(workspaceRoot(), "artifacts", "docs");
}

export function objectAt(doc: JsonObject, node: Json | undefined): JsonObject {
  const value = deref(doc, node);
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new Error(`expected an object in the bundle, got ${JSON.stringify(value)}`);
  }
  return value;
}

/** The createCall operation, its tag and its x-codeSamples. */
export function createCall(doc: JsonObject) {
  const operation = objectAt(doc, objectAt(doc, objectAt(doc, doc.paths)["/api/v1/voice/calls"]).post);
  const samples = operation["x-codeSamples"] as { lang: string; label: string; source: string }[];
  return { operation, samples };
}

/** The API key the samples and the console use (`x-api-key-example` of the security scheme). */
export function exampleApiKey(doc: JsonObject): string {
  const schemes = objectAt(doc, objectAt(doc, doc.components).securitySchemes);
  const key = objectAt(doc, schemes.bearerAuth)["x-api-key-example"];
  if (typeof key !== "string") {
    throw new Error("the bearer scheme has no x-api-key-example");
  }
  return key;
}

/** The production server of the contract: the samples call it, the tests swap in the sandbox. */
export function productionUrl(doc: JsonObject): string {
  const servers = doc.servers as { url: string }[];
  const url = servers[0]?.url;
  if (!url) {
    throw new Error("the contract lists no server");
  }
  return url;
}

/** Debian's Chromium (`apt-get install chromium`), never a downloaded browser; a fresh profile. */
export async function launchChromium(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const profile = await mkdtemp(join(tmpdir(), "calldesk-docs-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
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
  // Playwright's own 30 s ceilings are too tight when CI runs every package's tests on two
  // cores at once (a page load took over 30 s there); no test asserts on time.
  context.setDefaultTimeout(120_000);
  context.setDefaultNavigationTimeout(120_000);
  return {
    context,
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** Runs axe-core in the page; logs the violations by impact and returns their node counts. */
export async function axeCounts(page: Page, label: string) {
  await page.addScriptTag({ content: await readFile(require.resolve("axe-core/axe.min.js"), "utf8") });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(root: Document): Promise<{ violations: unknown[] }> } })
      .axe;
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
  return counts;
}
