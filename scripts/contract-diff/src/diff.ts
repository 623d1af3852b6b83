// Orchestration: bundle both sides with Redocly (multi-file roots, YAML or JSON), then compare
// the two bundles with this tool's engine (engine.ts).
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { basename, extname, join } from "node:path";
import { diffDocuments } from "./engine.js";
import { UsageError } from "./errors.js";
import { locateAll } from "./locate.js";
import type { Policy } from "./policy.js";
import { runRedocly } from "./redocly.js";
import { bundle, resolveSide, type Scratch, type Side, scratch, type Workspace } from "./sources.js";
import type { DiffResult } from "./types.js";

export interface Comparison extends DiffResult {
  base: Side;
  head: Side;
  baseBundle: string;
  headBundle: string;
}

/** Bundles several roots in one Redocly process (outputs are named after each root's basename). */
export async function bundleMany(roots: readonly string[], outDir: string, work: Scratch): Promise<string[]> {
  const result = await runRedocly(
    ["bundle", ...roots, "-o", outDir, "--ext", "json", "--config", work.config, "--lint-config", "off"],
    work.dir,
  );
  const outputs = roots.map((root) => join(outDir, `${basename(root, extname(root))}.json`));
  const missing = outputs.find((out) => !existsSync(out));
  if (result.code !== 0 || missing) {
    throw new UsageError(`cannot bundle:\n${result.stderr}`);
  }
  return outputs;
}

export async function diffBundles(
  baseBundle: string,
  headBundle: string,
  policy: Policy,
): Promise<DiffResult> {
  const [baseDoc, headDoc] = await Promise.all([readJson(baseBundle), readJson(headBundle)]);
  return diffDocuments(baseDoc, headDoc, policy);
}

async function readJson(path: string): Promise<unknown> {
  return JSON.parse(await readFile(path, "utf8")) as unknown;
}

export interface CompareOptions {
  base?: string | undefined;
  head?: string | undefined;
  workspace: Workspace;
  policy: Policy;
  cwd: string;
  /** Keep the scratch directory (the caller disposes it), e.g. to summarise the generated types. */
  work?: Scratch;
}

export async function compare(options: CompareOptions): Promise<Comparison> {
  const work = options.work ?? (await scratch());
  try {
    const [base, head] = await settled([
      resolveSide(options.base, "base", options.workspace, work, options.cwd),
      resolveSide(options.head, "head", options.workspace, work, options.cwd),
    ]);
    const baseBundle = join(work.dir, "base.bundle.json");
    const headBundle = join(work.dir, "head.bundle.json");
    await settled([
      bundle(base.root, baseBundle, work, base.displayRoot),
      bundle(head.root, headBundle, work, head.displayRoot),
    ]);
    // Parsed once: the engine and the source mapper read the same documents.
    const [baseDoc, headDoc] = await Promise.all([readJson(baseBundle), readJson(headBundle)]);
    const result = diffDocuments(baseDoc, headDoc, options.policy);
    await locateAll(result.changes, { head, base, headBundle, baseBundle, headDoc, baseDoc });
    return { bump: result.bump, changes: result.changes, base, head, baseBundle, headBundle };
  } finally {
    if (!options.work) {
      await work.dispose();
    }
  }
}

/**
 * Like Promise.all, but waits for every task before rethrowing the first failure: the scratch dir
 * is removed on failure, and a Redocly still writing into it would otherwise recreate it.
 */
async function settled<T extends readonly unknown[]>(
  tasks: readonly [...{ [K in keyof T]: Promise<T[K]> }],
): Promise<T> {
  const results = await Promise.allSettled(tasks);
  const failed = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
  if (failed) {
    throw failed.reason;
  }
  return results.map((r) => (r as PromiseFulfilledResult<unknown>).value) as unknown as T;
}
