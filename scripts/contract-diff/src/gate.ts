// The release gate: compares the bump the contract diff needs with the bump the pending
// changesets give each released package, read with the changesets libraries themselves.
import { existsSync } from "node:fs";
import { join } from "node:path";
import getReleasePlan from "@changesets/get-release-plan";
import { getPackages } from "@manypkg/get-packages";
import { bumpRank } from "./engine.js";
import { UsageError } from "./errors.js";
import { RELEASED_PACKAGES } from "./render.js";
import type { Bump, Change } from "./types.js";

export interface PackageVerdict {
  name: string;
  /** Version in the workspace, or null when the package does not exist (yet). */
  version: string | null;
  planned: Bump;
  required: Bump;
  ok: boolean;
}

export interface GateResult {
  ok: boolean;
  needed: Bump;
  packages: PackageVerdict[];
  /** Human explanation, including the exact fix when the gate fails. */
  message: string;
  /** When the gate fails: what to run, and the changeset file that fixes it. */
  fix?: { instruction: string; changeset: string };
}

/**
 * Below 1.0 a breaking change ships as a minor (0.1.0 -> 0.2.0) and everything else as a patch:
 * npm's caret range `^0.1.0` already excludes 0.2.0, so no existing install picks up the break,
 * which is what a major gives from 1.0 on. A major changeset is accepted too (it covers more).
 */
export function requiredBump(needed: Bump, version: string): Bump {
  if (!/^0\./.test(version) || needed === "none") {
    return needed;
  }
  return needed === "major" ? "minor" : "patch";
}

export async function checkReleasePlan(
  repoRoot: string,
  needed: Bump,
  changes: Change[],
  packages: readonly string[] = RELEASED_PACKAGES,
): Promise<GateResult> {
  if (needed === "none") {
    return { ok: true, needed, packages: [], message: "No contract change: no release needed." };
  }
  if (!existsSync(join(repoRoot, ".changeset", "config.json"))) {
    return {
      ok: false,
      needed,
      packages: [],
      message: `The diff needs a ${needed} release, but ${repoRoot} has no .changeset/config.json to plan one.`,
    };
  }
  let plan: Awaited<ReturnType<typeof getReleasePlan>>;
  try {
    plan = await getReleasePlan(repoRoot);
  } catch (error) {
    // e.g. a `fixed` group naming a package that is not in the workspace yet
    throw new UsageError(`cannot read the pending changesets in ${repoRoot}: ${(error as Error).message}`);
  }
  const workspace = await getPackages(repoRoot);
  const verdicts: PackageVerdict[] = packages.map((name) => {
    const found = workspace.packages.find((p) => p.packageJson.name === name);
    if (!found) {
      return { name, version: null, planned: "none", required: "none", ok: true };
    }
    const version = found.packageJson.version;
    const planned = (plan.releases.find((r) => r.name === name)?.type ?? "none") as Bump;
    const required = requiredBump(needed, version);
    return { name, version, planned, required, ok: bumpRank(planned) >= bumpRank(required) };
  });
  const present = verdicts.filter((v) => v.version !== null);
  const ok = verdicts.every((v) => v.ok);
  return { ok, needed, packages: verdicts, ...explain(ok, needed, verdicts, present, changes) };
}

function explain(
  ok: boolean,
  needed: Bump,
  verdicts: PackageVerdict[],
  present: PackageVerdict[],
  changes: Change[],
): Pick<GateResult, "message" | "fix"> {
  const lines: string[] = [];
  const status = (v: PackageVerdict): string =>
    v.version === null
      ? `  - ${v.name}: not in the workspace, skipped`
      : `  - ${v.name}@${v.version}: pending changesets give ${v.planned}, needs ${v.required} ${v.ok ? "✓" : "✗"}`;
  lines.push(`The contract diff needs a ${needed} release.`, ...verdicts.map(status));
  if (present.some((v) => /^0\./.test(v.version ?? "") && needed !== v.required)) {
    lines.push(
      `  (below 1.0 a ${needed === "major" ? "breaking change ships as a minor" : "compatible change ships as a patch"}; see README "Versions below 1.0")`,
    );
  }
  if (ok) {
    return { message: lines.join("\n") };
  }
  const missing = present.filter((v) => !v.ok);
  const levels = [...new Set(missing.map((v) => v.required))].join("/");
  const notes = changes
    .filter((c) => c.breaking || c.bump === needed)
    .slice(0, 10)
    .map((c) => `- ${c.operation ? `${c.operation}: ` : ""}${c.message}`)
    .join("\n");
  const changeset = [
    "---",
    ...missing.map((v) => `"${v.name}": ${v.required}`),
    "---",
    "",
    notes || "Update the API contract.",
    "",
  ].join("\n");
  const instruction =
    `run \`pnpm changeset\`, select ${missing.map((v) => v.name).join(" and ")}, choose ${levels} (or higher) for each, ` +
    "and describe the change; or commit this file as .changeset/contract-change.md:";
  lines.push("", `Fix: ${instruction}`, "", changeset);
  return { message: lines.join("\n"), fix: { instruction, changeset } };
}
