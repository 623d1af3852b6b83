// Output formats: JSON (the public contract), Markdown (one sticky PR comment), and GitHub
// workflow commands (annotations on the changed lines).
import type { Comparison } from "./diff.js";
import type { Change, DiffResult } from "./types.js";
import type { TypesSummary } from "./types-summary.js";

/** The hidden marker the workflow looks for to update its one comment instead of adding another. */
export const COMMENT_MARKER = "<!-- calldesk-contract-diff -->";

export const RELEASED_PACKAGES = ["@calldesk/api-types", "@calldesk/client"] as const;

export function toJson(result: DiffResult): string {
  const changes = result.changes.map(
    ({ rule, breaking, bump, operation, pointer, before, after, message, ...extra }) => ({
      rule,
      breaking,
      bump,
      operation,
      pointer,
      before: before ?? null,
      after: after ?? null,
      message,
      ...extra,
    }),
  );
  return `${JSON.stringify({ bump: result.bump, changes }, null, 2)}\n`;
}

export interface MarkdownOptions {
  types?: TypesSummary | undefined;
  /** The gate's verdict, when known: a line saying whether pending changesets cover the bump. */
  gate?: string | undefined;
}

export function toMarkdown(result: Comparison | DiffResult, options: MarkdownOptions = {}): string {
  const breaking = result.changes.filter((c) => c.breaking);
  const rest = result.changes.filter((c) => !c.breaking);
  const packages = RELEASED_PACKAGES.map((p) => `\`${p}\``).join(" and ");
  const out: string[] = [COMMENT_MARKER, "## Contract diff", ""];
  if ("base" in result) {
    out.push(`Comparing \`${result.base.label}\` → \`${result.head.label}\`.`, "");
  }
  if (result.changes.length === 0) {
    out.push("✅ **No contract change.**");
  } else if (result.bump === "major") {
    out.push(
      `⚠️ **Major release needed** for ${packages}: ${breaking.length} breaking change${breaking.length === 1 ? "" : "s"} for existing clients.`,
    );
  } else {
    out.push(`✅ **No breaking change.** A **${result.bump}** release of ${packages} covers this diff.`);
  }
  if (options.gate) {
    out.push("", options.gate);
  }
  if (breaking.length > 0) {
    out.push("", "### Breaking changes", "");
    const byOperation = new Map<string, Change[]>();
    for (const change of breaking) {
      const key = change.operation ?? "(whole API)";
      byOperation.set(key, [...(byOperation.get(key) ?? []), change]);
    }
    for (const [operation, changes] of byOperation) {
      out.push(`#### \`${operation}\``, "", "| Rule | Change | Where |", "|---|---|---|");
      for (const change of changes) {
        out.push(`| \`${change.rule}\` | ${cell(change.message)} | ${cell(where(change))} |`);
      }
      out.push("");
    }
  }
  if (rest.length > 0) {
    out.push(
      "",
      `<details><summary>${rest.length} non-breaking change${rest.length === 1 ? "" : "s"}</summary>`,
      "",
      "| Bump | Operation | Change | Where |",
      "|---|---|---|---|",
    );
    for (const change of rest) {
      out.push(
        `| ${change.bump} | ${cell(change.operation ?? "")} | ${cell(change.message)} | ${cell(where(change))} |`,
      );
    }
    out.push("", "</details>");
  }
  if (options.types) {
    out.push("", "### Generated TypeScript types", "", ...typesLines(options.types));
  }
  return `${out.join("\n").trimEnd()}\n`;
}

function typesLines(types: TypesSummary): string[] {
  if (types.added.length + types.removed.length + types.changed.length === 0) {
    return ["No change in the types `openapi-typescript` generates."];
  }
  const lines: string[] = [];
  const show = (label: string, items: string[]): void => {
    if (items.length > 0) {
      const shown = items.slice(0, 20).map((i) => `\`${i}\``);
      lines.push(
        `- ${label}: ${shown.join(", ")}${items.length > 20 ? `, and ${items.length - 20} more` : ""}`,
      );
    }
  };
  show("Removed", types.removed);
  show("Added", types.added);
  if (types.changed.length > 0) {
    lines.push("", "<details><summary>Changed types</summary>", "", "```diff");
    for (const change of types.changed.slice(0, 40)) {
      lines.push(`# ${change.name}`, `- ${change.before}`, `+ ${change.after}`);
    }
    lines.push("```", "", "</details>");
  }
  return lines;
}

function where(change: Change): string {
  if (change.location) {
    return `\`${change.location.file}:${change.location.line}\``;
  }
  return `\`${change.pointer}\``;
}

function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\n/g, " ");
}

/** `::error`/`::warning` workflow commands: breaking changes are errors, other contract changes warnings. */
export function toGithub(result: DiffResult): string {
  const lines = result.changes
    .filter((c) => c.bump !== "patch")
    .map((change) => {
      const level = change.breaking ? "error" : "warning";
      const props = [`title=${escapeProperty(`${change.rule} (${change.bump})`)}`];
      if (change.location) {
        props.unshift(
          `file=${escapeProperty(change.location.file)}`,
          `line=${change.location.line}`,
          `col=${change.location.col}`,
        );
      }
      const text = `${change.operation ? `${change.operation}: ` : ""}${change.message}`;
      return `::${level} ${props.join(",")}::${escapeData(text)}`;
    });
  lines.push(`Contract diff: ${result.bump === "none" ? "no change" : `${result.bump} bump needed`}.`);
  return `${lines.join("\n")}\n`;
}

function escapeData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
