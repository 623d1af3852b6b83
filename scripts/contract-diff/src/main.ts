// Shared entry of both CLIs, written against injected streams so tests run it in-process.
import { join } from "node:path";
import { parseArgs } from "node:util";
import { compare } from "./diff.js";
import { EXIT_OK, EXIT_UNRELEASED_BREAK, EXIT_USAGE, UsageError } from "./errors.js";
import type { GateResult } from "./gate.js";
import { loadPolicy, PolicyError } from "./policy.js";
import { toGithub, toJson, toMarkdown } from "./render.js";
import { findRepoRoot, scratch } from "./sources.js";

export interface Io {
  cwd: string;
  out: (text: string) => void;
  err: (text: string) => void;
}

const USAGE = {
  diff: `Usage: contract-diff [--base <git-ref|file>] [--head <git-ref|file>] [--format markdown|json|github]
  --base     defaults to the merge-base of HEAD with main
  --head     defaults to the working tree's spec
  --format   markdown (default, one PR comment), json, or github (workflow annotations)
  --policy   Redocly config holding the diff policy (default: <repo>/spec/redocly.yaml)
  --no-types skip the generated TypeScript summary (markdown only)
Exit codes: 0 nothing unreleased breaks, 1 a breaking change without its changeset, 2 usage or parse error.`,
  check: `Usage: contract-check [--base <git-ref|file>] [--head <git-ref|file>]
Fails (exit 1) when the contract diff needs a bigger bump than the pending changesets give
@calldesk/api-types and @calldesk/client, and prints the changeset that fixes it.
Exit codes: 0 covered, 1 not covered, 2 usage or parse error.`,
};

export async function run(mode: "diff" | "check", argv: string[], io: Io): Promise<number> {
  let args: ReturnType<typeof parse>;
  try {
    args = parse(argv);
  } catch (error) {
    io.err(`${(error as Error).message}\n\n${USAGE[mode]}\n`);
    return EXIT_USAGE;
  }
  if (args.help) {
    io.out(`${USAGE[mode]}\n`);
    return EXIT_OK;
  }
  const format = args.format ?? (mode === "check" ? "text" : "markdown");
  if (!["markdown", "json", "github", ...(mode === "check" ? ["text"] : [])].includes(format)) {
    io.err(`--format must be markdown, json or github, got '${format}'\n`);
    return EXIT_USAGE;
  }
  const work = await scratch();
  try {
    const repoRoot = await findRepoRoot(io.cwd).catch((error: unknown) => {
      // Two explicit files can be compared outside a repository; anything else needs git.
      if (args.base !== undefined && args.head !== undefined) {
        return null;
      }
      throw error;
    });
    const policy = await loadPolicy(args.policy ?? join(repoRoot ?? io.cwd, "spec", "redocly.yaml"));
    const result = await compare({
      base: args.base,
      head: args.head,
      workspace: { repoRoot: repoRoot ?? io.cwd, specDir: "spec" },
      policy,
      cwd: io.cwd,
      work,
    });
    const breaking = result.changes.some((c) => c.breaking);
    // contract-diff gates breaking changes only; contract-check gates whatever bump the diff needs.
    const needed = mode === "check" ? result.bump : breaking ? "major" : "none";
    const gate: GateResult =
      repoRoot === null
        ? {
            ok: !breaking,
            needed,
            packages: [],
            message: breaking ? "Breaking changes, and no repository to read pending changesets from." : "",
          }
        : // Loaded on use: the changesets libraries and the TypeScript compiler take longer to
          // load than a whole comparison, and a JSON diff of two files needs neither.
          await (await import("./gate.js")).checkReleasePlan(repoRoot, needed, result.changes);
    if (format === "json") {
      io.out(toJson(result));
    } else if (format === "github") {
      io.out(toGithub(result));
    } else if (format === "markdown") {
      const types = args["no-types"]
        ? undefined
        : await (await import("./types-summary.js")).summariseTypes(result.baseBundle, result.headBundle);
      io.out(toMarkdown(result, { types, gate: gateLine(gate, mode) }));
    } else {
      io.out(
        `Contract diff ${result.base.label} -> ${result.head.label}: ${result.changes.length} change(s), ${result.bump === "none" ? "no release needed" : `${result.bump} bump needed`}.\n`,
      );
    }
    if (!gate.ok) {
      io.err(`\n✗ ${gate.message}\n`);
      return EXIT_UNRELEASED_BREAK;
    }
    if (format === "text" && gate.message) {
      io.out(`✓ ${gate.message}\n`);
    }
    return EXIT_OK;
  } catch (error) {
    if (error instanceof UsageError || error instanceof PolicyError) {
      io.err(`${error.message}\n`);
      return EXIT_USAGE;
    }
    throw error;
  } finally {
    await work.dispose();
  }
}

function gateLine(gate: GateResult, mode: "diff" | "check"): string | undefined {
  if (gate.needed === "none" || (mode === "diff" && gate.ok && gate.packages.length === 0)) {
    return undefined;
  }
  const rows = gate.packages.map((p) =>
    p.version === null
      ? `| \`${p.name}\` | not in the workspace | | |`
      : `| \`${p.name}\` | ${p.version} | ${p.planned} | ${p.required} ${p.ok ? "✅" : "❌"} |`,
  );
  const table =
    rows.length > 0
      ? ["", "| Package | Version | Pending changesets | Needs |", "|---|---|---|---|", ...rows]
      : [];
  if (gate.packages.some((p) => p.version?.startsWith("0.") && p.required !== gate.needed)) {
    table.push(
      "",
      `Below 1.0 a ${gate.needed} change ships as a ${gate.needed === "major" ? "minor (0.1.0 → 0.2.0)" : "patch"}: npm's \`^0.x\` ranges already keep it from existing installs.`,
    );
  }
  if (gate.ok) {
    return ["✅ Pending changesets cover this release.", ...table].join("\n");
  }
  const lines = ["❌ **Not released yet:** the pending changesets do not cover this diff.", ...table];
  if (gate.fix) {
    lines.push("", `**Fix:** ${gate.fix.instruction}`, "", "```md", gate.fix.changeset.trimEnd(), "```");
  } else {
    lines.push("", gate.message);
  }
  return lines.join("\n");
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    strict: true,
    allowPositionals: false,
    options: {
      base: { type: "string" },
      head: { type: "string" },
      format: { type: "string" },
      policy: { type: "string" },
      "no-types": { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  }).values;
}
