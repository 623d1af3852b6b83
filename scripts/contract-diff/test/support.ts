// Runs every fixture case through the real pipeline (Redocly bundle -> Redocly diff -> our
// classification) once, with all bundles in one Redocly process and the diffs two at a time:
// the machine's two cores are shared, and each Redocly start costs about 0.4 s of CPU.
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { parse, stringify } from "yaml";
import { bundleMany, diffBundles } from "../src/diff.js";
import { defaultPolicy, type Policy } from "../src/policy.js";
import { pool } from "../src/redocly.js";
import { type Scratch, scratch } from "../src/sources.js";
import type { DiffResult } from "../src/types.js";
import type { Case, Doc } from "./fixtures/cases.js";

export const fixtureBase = new URL("./fixtures/base.yaml", import.meta.url);
const fixtureBase30 = new URL("./fixtures/base30.yaml", import.meta.url);

export async function loadBase(version?: "3.0"): Promise<Doc> {
  return parse(await readFile(version === "3.0" ? fixtureBase30 : fixtureBase, "utf8")) as Doc;
}

export interface Outcome {
  result: DiffResult;
}

export async function runCases(
  cases: readonly Case[],
  policy: Policy = defaultPolicy(),
): Promise<{
  outcomes: Outcome[];
  work: Scratch;
}> {
  const work = await scratch();
  const bases = { "3.1": await loadBase(), "3.0": await loadBase("3.0") };
  const src = join(work.dir, "src");
  await mkdir(src, { recursive: true });
  const roots: string[] = [];
  for (const [i, c] of cases.entries()) {
    const before = structuredClone(bases[c.openapi ?? "3.1"]);
    c.base?.(before);
    const after = structuredClone(before);
    c.head?.(after);
    const baseFile = join(src, `case${i}-base.json`);
    await writeFile(baseFile, JSON.stringify(before, null, 2));
    let headFile: string;
    if (c.headFiles) {
      const dir = join(src, `case${i}-split`);
      const files = c.headFiles(structuredClone(before));
      for (const [name, text] of Object.entries(files)) {
        const target = name === "openapi.yaml" ? join(dir, `case${i}-head.yaml`) : join(dir, name);
        await mkdir(join(target, ".."), { recursive: true });
        await writeFile(target, text);
      }
      headFile = join(dir, `case${i}-head.yaml`);
    } else if (c.headYaml) {
      headFile = join(src, `case${i}-head.yaml`);
      await writeFile(headFile, stringify(after));
    } else {
      headFile = join(src, `case${i}-head.json`);
      await writeFile(headFile, JSON.stringify(after, null, 2));
    }
    roots.push(baseFile, headFile);
  }
  const bundles = await bundleMany(roots, join(work.dir, "bundles"), work);
  const outcomes = await pool(
    cases.map((_, i) => i),
    2,
    async (i) => ({
      result: await diffBundles(bundles[2 * i] as string, bundles[2 * i + 1] as string, policy),
    }),
  );
  return { outcomes, work };
}
