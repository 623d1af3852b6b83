// Turns a `--base`/`--head` argument into a bundled JSON document. A side is a file (any root of
// a multi-file spec, YAML or JSON), a git ref (spec/ is extracted at that ref), or the working tree.
import { execFile } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { isAbsolute, join, relative, resolve } from "node:path";
import { promisify } from "node:util";
import { parse } from "yaml";
import { UsageError } from "./errors.js";
import { runRedocly } from "./redocly.js";

const exec = promisify(execFile);

export interface Workspace {
  /** Root of the git repository (the monorepo). */
  repoRoot: string;
  /** The spec package, relative to repoRoot. */
  specDir: string;
}

export interface Side {
  /** What the user asked for, for messages: a ref, a path, or "working tree". */
  label: string;
  /** Root document to bundle. */
  root: string;
  /** Directory the root's relative paths are reported against (annotations). */
  displayRoot: string;
  kind: "file" | "ref" | "worktree";
}

export interface Scratch {
  dir: string;
  /** The Redocly config every bundle and diff of this scratch dir uses (written once, read-only). */
  config: string;
  dispose(): Promise<void>;
}

/**
 * A temp dir with its own (empty) Redocly config, so that bundling never picks up whatever
 * redocly.yaml sits in the cwd. Written once here, never rewritten: concurrent bundles read it.
 */
export async function scratch(): Promise<Scratch> {
  const dir = await mkdtemp(join(tmpdir(), "contract-diff-"));
  const config = join(dir, "redocly.yaml");
  await writeFile(config, "extends: []\n");
  return { dir, config, dispose: () => rm(dir, { recursive: true, force: true }) };
}

async function git(args: string[], cwd: string): Promise<string> {
  const { stdout } = await exec("git", args, { cwd, maxBuffer: 64 * 1024 * 1024 });
  return stdout.trim();
}

export async function findRepoRoot(cwd: string): Promise<string> {
  try {
    return await git(["rev-parse", "--show-toplevel"], cwd);
  } catch {
    throw new UsageError(`${cwd} is not inside a git repository (needed for git refs and the default base)`);
  }
}

/** The API root named in the spec's redocly.yaml (`apis.main.root`), relative to the spec dir. */
export async function specRootFile(specDirAbs: string): Promise<string> {
  try {
    const config = parse(await readFile(join(specDirAbs, "redocly.yaml"), "utf8")) as {
      apis?: Record<string, { root?: string }>;
    };
    const root = config?.apis?.main?.root ?? Object.values(config?.apis ?? {})[0]?.root;
    if (root) {
      return root;
    }
  } catch {
    // No config (or an old revision without one): fall back to the conventional root.
  }
  return "openapi/openapi.yaml";
}

export async function mergeBase(ws: Workspace): Promise<string> {
  for (const candidate of ["main", "origin/main"]) {
    try {
      return await git(["merge-base", "HEAD", candidate], ws.repoRoot);
    } catch {
      // try the next name: CI checkouts often only have origin/main
    }
  }
  throw new UsageError(
    "cannot find the merge-base with main (tried main and origin/main); pass --base <ref|file>",
  );
}

async function isCommit(ref: string, cwd: string): Promise<boolean> {
  try {
    await git(["rev-parse", "--verify", "--quiet", `${ref}^{commit}`], cwd);
    return true;
  } catch {
    return false;
  }
}

/** Resolves a side; `undefined` means the default (merge-base for base, working tree for head). */
export async function resolveSide(
  arg: string | undefined,
  which: "base" | "head",
  ws: Workspace,
  into: Scratch,
  cwd: string,
): Promise<Side> {
  const specAbs = join(ws.repoRoot, ws.specDir);
  if (arg === undefined && which === "head") {
    return {
      label: "working tree",
      root: join(specAbs, await specRootFile(specAbs)),
      displayRoot: ws.repoRoot,
      kind: "worktree",
    };
  }
  const ref = arg ?? (await mergeBase(ws));
  const asPath = isAbsolute(ref) ? ref : resolve(cwd, ref);
  if (arg !== undefined && existsSync(asPath) && statSync(asPath).isFile()) {
    return { label: relative(cwd, asPath) || asPath, root: asPath, displayRoot: cwd, kind: "file" };
  }
  if (!(await isCommit(ref, ws.repoRoot))) {
    throw new UsageError(`--${which}: '${ref}' is neither a file nor a git ref`);
  }
  const target = join(into.dir, `${which}-tree`);
  await mkdir(target, { recursive: true });
  const files = (await git(["ls-tree", "-r", "--name-only", ref, "--", ws.specDir], ws.repoRoot))
    .split("\n")
    .filter((name) => name && !name.includes("/node_modules/") && !name.includes("/dist/"));
  if (files.length === 0) {
    throw new UsageError(`--${which}: ${ws.specDir}/ does not exist at ${ref}`);
  }
  // `git show` per file keeps this free of tar; the spec is a few dozen files.
  await Promise.all(
    files.map(async (name) => {
      const { stdout } = await exec("git", ["show", `${ref}:${name}`], {
        cwd: ws.repoRoot,
        maxBuffer: 64 * 1024 * 1024,
        encoding: "buffer",
      });
      const out = join(target, name);
      await mkdir(join(out, ".."), { recursive: true });
      await writeFile(out, stdout);
    }),
  );
  const specAt = join(target, ws.specDir);
  return {
    label: arg ?? `merge-base ${ref.slice(0, 12)}`,
    root: join(specAt, await specRootFile(specAt)),
    displayRoot: target,
    kind: "ref",
  };
}

/**
 * Bundles one root into `out` (JSON). An invalid spec becomes a UsageError naming file and line;
 * Redocly runs from `cwd` so those paths read as in the repository (spec/openapi/...).
 */
export async function bundle(
  root: string,
  out: string,
  work: Scratch,
  cwd: string = work.dir,
): Promise<void> {
  const result = await runRedocly(
    ["bundle", root, "-o", out, "--config", work.config, "--lint-config", "off"],
    cwd,
  );
  if (result.code !== 0 || !existsSync(out)) {
    throw new UsageError(`cannot bundle ${relative(cwd, root) || root}:\n${bundleProblems(result.stderr)}`);
  }
}

/** Keeps Redocly's problem lines (they name file:line:col) and drops its progress chatter. */
function bundleProblems(stderr: string): string {
  const lines = stderr
    .split("\n")
    .filter((line) => line.trim() !== "" && !/^bundling |^📦/.test(line.trim()));
  return lines.join("\n");
}
