// Shared by the tests: where the built artifacts are and what the contract says.
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
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

export function sample(doc: JsonObject, label: string): string {
  const found = createCall(doc).samples.find((entry) => entry.label === label);
  if (!found) {
    throw new Error(`no x-codeSamples entry labelled ${label}`);
  }
  return found.source;
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
