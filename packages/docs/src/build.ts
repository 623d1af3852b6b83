// Builds the reference: a docs-only copy of the bundle (with the generated sections) rendered by
// `redocly build-docs --inlineBundle` into one self-contained page, then the versioned tree
// `dist/<version>/index.html`, `dist/latest/index.html` and the `dist/index.html` version list.
import { cp, mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { type ChangelogSource, docsContract, type Json, problemTypes } from "./content.js";
import { pageHtml, pageSettings, problemAnchor, VERSIONS_SCRIPT } from "./page.js";
import { packageRoot, workspaceRoot } from "./paths.js";
import { ERRORS_FILE } from "./serve.js";
import { compareVersions, isVersion, versionIndexHtml, versionsScript } from "./versions.js";

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
  /** Where the console sends requests by default. Default: the sandbox's default address. */
  sandboxUrl?: string;
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

/** The sandbox's test numbers and default address, from the package itself. */
async function sandboxDefaults(): Promise<{ testNumbers: unknown; url: string }> {
  const sandbox: { testNumbers?: unknown; DEFAULT_HOST?: unknown; DEFAULT_PORT?: unknown } = await import(
    "@calldesk/sandbox"
  );
  if (
    sandbox.testNumbers === undefined ||
    sandbox.DEFAULT_HOST === undefined ||
    sandbox.DEFAULT_PORT === undefined
  ) {
    throw new Error(
      "@calldesk/docs: @calldesk/sandbox does not export testNumbers, DEFAULT_HOST and DEFAULT_PORT",
    );
  }
  return {
    testNumbers: sandbox.testNumbers,
    url: `http://${String(sandbox.DEFAULT_HOST)}:${String(sandbox.DEFAULT_PORT)}`,
  };
}

/** Scalar's standalone browser bundle: one script with everything the page needs. */
export function scalarBundlePath(): string {
  // The package exports no path to it, so it is found next to the main entry (dist/index.js).
  return join(dirname(require.resolve("@scalar/api-reference")), "browser", "standalone.js");
}

/**
 * Fails when the page's own markup would load anything remote (a script, stylesheet, image or
 * frame from another host). Scalar's bundle is left out of the scan: its code holds URLs in
 * strings it never loads with these options; the browser test counts real requests.
 */
export function assertNoRemoteResources(html: string): void {
  const shell = html.replaceAll(/<script>[\s\S]*?<\/script>/g, "<script></script>");
  const remote = /<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)=["']?(?:https?:)?\/\//i.exec(shell);
  if (remote) {
    throw new Error(`@calldesk/docs: the page would load a remote resource: ${remote[0]}`);
  }
}

/** Renders one contract into a single self-contained HTML file. */
export async function renderPage(
  contract: Record<string, Json>,
  output: string,
  sandboxUrl: string,
): Promise<void> {
  const html = pageHtml(pageSettings(contract, sandboxUrl), await readFile(scalarBundlePath(), "utf8"));
  assertNoRemoteResources(html);
  await mkdir(dirname(output), { recursive: true });
  await writeFile(output, html);
}

/** Every problem type's slug and where its entry is in the latest page (for `/errors/<slug>`). */
export function problemAnchors(contract: Record<string, Json>): Record<string, string> {
  return Object.fromEntries(
    problemTypes(contract).map((type) => [type.slug, `latest/index.html#${problemAnchor(type.slug)}`]),
  );
}

// What a build owns in dist/ besides the version folders (dist/lib, the compiled code, stays).
const OWNED = ["latest", "index.html", VERSIONS_SCRIPT, ERRORS_FILE];

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

  const defaults =
    options.testNumbers === undefined || options.sandboxUrl === undefined
      ? await sandboxDefaults()
      : undefined;
  const sandboxUrl = options.sandboxUrl ?? defaults?.url ?? "";
  const contract = docsContract(bundle, {
    testNumbers: options.testNumbers ?? defaults?.testNumbers,
    changelogs: options.changelogs ?? (await readChangelogs()),
    sandboxUrl,
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
    if (isVersion(entry) || OWNED.includes(entry)) {
      await rm(join(outDir, entry), { recursive: true, force: true });
    }
  }

  const files: string[] = [];
  for (const old of frozen.filter((entry) => entry !== version)) {
    await cp(join(versionsDir, old), join(outDir, old), { recursive: true });
    files.push(`${old}/index.html`);
  }
  const page = join(outDir, version, "index.html");
  await renderPage(contract, page, sandboxUrl);
  await cp(page, join(outDir, "latest", "index.html"));
  const versions = [...new Set([...frozen, version])].sort(compareVersions).reverse();
  const title = typeof info.title === "string" ? info.title : "API reference";
  await writeFile(join(outDir, "index.html"), versionIndexHtml(title, versions, version));
  // Beside the pages rather than in them, so that a kept page, which never changes, still lists
  // the versions released after it.
  await writeFile(join(outDir, VERSIONS_SCRIPT), versionsScript(versions, version));
  await writeFile(join(outDir, ERRORS_FILE), `${JSON.stringify(problemAnchors(contract), null, 2)}\n`);
  files.push(`${version}/index.html`, "latest/index.html", "index.html", VERSIONS_SCRIPT, ERRORS_FILE);
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
