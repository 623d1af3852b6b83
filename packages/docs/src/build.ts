// Builds the reference: a docs-only copy of the bundle (with the generated sections) rendered by
// `redocly build-docs --inlineBundle` into one self-contained page, then the versioned tree
// `dist/<version>/index.html`, `dist/latest/index.html` and the `dist/index.html` version list.
import { execFile } from "node:child_process";
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { type ChangelogSource, docsContract, type Json } from "./content.js";
import { packageRoot, workspaceRoot } from "./paths.js";
import { compareVersions, isVersion, versionIndexHtml } from "./versions.js";

const run = promisify(execFile);
const require = createRequire(import.meta.url);

export interface BuildOptions {
  /** Where to write the versioned tree. Default: this package's `dist/`. */
  outDir?: string;
  /** The bundled contract. Default: `@calldesk/api-types/openapi.json`. */
  bundle?: string;
  /** Frozen pages of released versions (`<dir>/<version>/index.html`). Default: `versions/`. */
  versionsDir?: string;
  /** The sandbox's special numbers. Default: `testNumbers` from `@calldesk/sandbox`. */
  testNumbers?: unknown;
  /** Release notes. Default: every workspace package's `CHANGELOG.md`. */
  changelogs?: ChangelogSource[];
}

export interface BuildResult {
  /** The contract version (`info.version`) rendered by this build. */
  version: string;
  /** Every version listed in the index, newest first. */
  versions: string[];
  /** Files written, relative to `outDir`, sorted. */
  files: string[];
}

/** Reads every workspace package's `CHANGELOG.md` (changesets writes them on release). */
export async function readChangelogs(root = workspaceRoot()): Promise<ChangelogSource[]> {
  const dirs = ["spec", ...(await readdir(join(root, "packages"))).sort().map((name) => `packages/${name}`)];
  const found: ChangelogSource[] = [];
  for (const dir of dirs) {
    const markdown = await readFile(join(root, dir, "CHANGELOG.md"), "utf8").catch(() => undefined);
    if (markdown !== undefined) {
      const { name } = JSON.parse(await readFile(join(root, dir, "package.json"), "utf8")) as {
        name: string;
      };
      found.push({ name, markdown });
    }
  }
  return found;
}

async function defaultTestNumbers(): Promise<unknown> {
  const sandbox: { testNumbers?: unknown } = await import("@calldesk/sandbox");
  if (sandbox.testNumbers === undefined) {
    throw new Error("@calldesk/docs: @calldesk/sandbox does not export testNumbers");
  }
  return sandbox.testNumbers;
}

// Redoc's sidebar footer ("API docs by" + logo) loads its logo image from Redocly's CDN at run
// time, whatever the options. The page must fetch nothing, so the two image URLs are replaced by
// an inline SVG that keeps the attribution readable. The build fails if the URLs move, so a
// Redoc upgrade cannot silently bring the request back (the browser test counts requests too).
const LOGO_URLS = [
  "https://cdn.redoc.ly/redoc/logo-mini-full.svg",
  "https://cdn.redoc.ly/redoc/logo-mini.svg",
];
const LOGO_INLINE = `data:image/svg+xml,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" width="56" height="16" viewBox="0 0 56 16"><text x="0" y="12" font-family="sans-serif" font-size="12" fill="#3d3d3d">Redocly</text></svg>',
)}`;

/** Makes the rendered page self-contained; throws when something would still be fetched. */
export function inlineRemoteAssets(html: string): string {
  let result = html;
  for (const url of LOGO_URLS) {
    if (!result.includes(url)) {
      throw new Error(`@calldesk/docs: Redoc no longer references ${url}; review inlineRemoteAssets`);
    }
    result = result.replaceAll(url, LOGO_INLINE);
  }
  const remote = /<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)=["']?(?:https?:)?\/\//i.exec(result);
  if (remote) {
    throw new Error(`@calldesk/docs: the page still loads a remote resource: ${remote[0]}`);
  }
  return result;
}

/** Renders one contract into a single HTML file with Redoc's script inlined. */
export async function renderPage(contract: Record<string, Json>, output: string): Promise<void> {
  const work = await mkdtemp(join(tmpdir(), "calldesk-docs-"));
  try {
    const input = join(work, "openapi.json");
    await writeFile(input, JSON.stringify(contract));
    const info = contract.info as { title: string; version: string };
    await mkdir(dirname(output), { recursive: true });
    await run(
      process.execPath,
      [
        require.resolve("@redocly/cli/bin/cli.js"),
        "build-docs",
        input,
        "--output",
        output,
        // Redoc's script is embedded instead of loaded from cdn.redocly.com; 2.77 no longer
        // loads Google Fonts, so `--disableGoogleFont` is gone (it is now an error).
        "--inlineBundle",
        "--title",
        `${info.title} ${info.version}`,
        "--template",
        join(packageRoot(), "template.hbs"),
        "--config",
        join(packageRoot(), "redocly.yaml"),
        "--lint-config",
        "error",
      ],
      // cwd: a clean folder, so no other redocly.yaml is picked up.
      { cwd: work, env: { ...process.env, REDOCLY_TELEMETRY: "off" }, maxBuffer: 16 * 1024 * 1024 },
    );
    await writeFile(output, inlineRemoteAssets(await readFile(output, "utf8")));
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** Builds the versioned tree; see the README for how released versions are kept. */
export async function buildDocs(options: BuildOptions = {}): Promise<BuildResult> {
  const outDir = options.outDir ?? join(packageRoot(), "dist");
  const versionsDir = options.versionsDir ?? join(packageRoot(), "versions");
  const bundlePath = options.bundle ?? require.resolve("@calldesk/api-types/openapi.json");
  const bundle = JSON.parse(await readFile(bundlePath, "utf8")) as Record<string, Json>;
  const info = (bundle.info ?? {}) as { title?: unknown; version?: unknown };
  const version = info.version;
  if (typeof version !== "string" || !isVersion(version)) {
    throw new Error(`@calldesk/docs: info.version of ${bundlePath} is not a semantic version`);
  }

  const contract = docsContract(bundle, {
    testNumbers: options.testNumbers ?? (await defaultTestNumbers()),
    changelogs: options.changelogs ?? (await readChangelogs()),
  });

  // Only the pages this build owns are replaced; dist/lib (the compiled code) stays.
  const frozen = (await readdir(versionsDir).catch(() => [] as string[])).filter(isVersion);
  const newer = frozen.filter((old) => compareVersions(old, version) > 0);
  if (newer.length > 0) {
    throw new Error(
      `@calldesk/docs: versions/ holds ${newer.join(", ")}, newer than the contract's ${version}`,
    );
  }
  for (const entry of await readdir(outDir).catch(() => [] as string[])) {
    if (isVersion(entry) || entry === "latest" || entry === "index.html") {
      await rm(join(outDir, entry), { recursive: true, force: true });
    }
  }

  const files: string[] = [];
  for (const old of frozen.filter((entry) => entry !== version)) {
    await cp(join(versionsDir, old), join(outDir, old), { recursive: true });
    files.push(`${old}/index.html`);
  }
  const page = join(outDir, version, "index.html");
  await renderPage(contract, page);
  await cp(page, join(outDir, "latest", "index.html"));
  const versions = [...new Set([...frozen, version])].sort(compareVersions).reverse();
  const title = typeof info.title === "string" ? info.title : "API reference";
  await writeFile(join(outDir, "index.html"), versionIndexHtml(title, versions, version));
  files.push(`${version}/index.html`, "latest/index.html", "index.html");
  return { version, versions, files: files.sort() };
}

/** Copies the current page into `versions/<version>/`, the release step that keeps it. */
export async function freezeCurrent(
  options: { outDir?: string; versionsDir?: string } = {},
): Promise<string> {
  const outDir = options.outDir ?? join(packageRoot(), "dist");
  const versionsDir = options.versionsDir ?? join(packageRoot(), "versions");
  const html = await readFile(join(outDir, "latest", "index.html"), "utf8");
  // The title is "<API title> <version>" (see renderPage).
  const version = /<title>[^<]* (\S+)<\/title>/.exec(html)?.[1];
  if (version === undefined || !isVersion(version)) {
    throw new Error("@calldesk/docs: dist/latest/index.html has no contract version; run build first");
  }
  await mkdir(join(versionsDir, version), { recursive: true });
  await writeFile(join(versionsDir, version, "index.html"), html);
  return version;
}
