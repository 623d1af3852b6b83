// Version folders and the page that lists them.

const SEMVER = /^(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?$/;

/** True for a semantic version such as `1.2.3` or `1.2.3-beta.1` (the folder names we own). */
export function isVersion(name: string): boolean {
  return SEMVER.test(name);
}

/** Orders versions by semver precedence (pre-releases before their release). */
export function compareVersions(a: string, b: string): number {
  const left = SEMVER.exec(a);
  const right = SEMVER.exec(b);
  if (!left || !right) {
    throw new Error(`@calldesk/docs: not a semantic version: ${left ? b : a}`);
  }
  for (const index of [1, 2, 3]) {
    const diff = Number(left[index]) - Number(right[index]);
    if (diff !== 0) {
      return diff;
    }
  }
  const [preLeft, preRight] = [left[4], right[4]];
  if (preLeft === preRight) {
    return 0;
  }
  if (preLeft === undefined) {
    return 1;
  }
  if (preRight === undefined) {
    return -1;
  }
  return preLeft.localeCompare(preRight, "en", { numeric: true });
}

const escapeHtml = (text: string) =>
  text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");

/** The self-contained `dist/index.html`: every version, newest first, with `latest` marked. */
export function versionIndexHtml(title: string, versions: string[], latest: string): string {
  const items = versions
    .map((version) => {
      const mark = version === latest ? ' <span class="latest">(latest)</span>' : "";
      return `      <li><a href="./${escapeHtml(version)}/index.html">${escapeHtml(version)}</a>${mark}</li>`;
    })
    .join("\n");
  return `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${escapeHtml(title)}: API reference versions</title>
  <style>
    body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 40rem; padding: 0 1rem; color: #1a1a1a; }
    a { color: #0b57d0; }
    .latest { color: #3d3d3d; }
  </style>
</head>
<body>
  <main>
    <h1>${escapeHtml(title)}</h1>
    <p><a href="./latest/index.html">Latest reference (${escapeHtml(latest)})</a></p>
    <h2>Every version</h2>
    <ul>
${items}
    </ul>
  </main>
</body>
</html>
`;
}

/**
 * `dist/versions.js`: the list every page's switcher draws. A script rather than JSON because
 * a page opened from disk may load a neighbouring script but not fetch a neighbouring file.
 */
export function versionsScript(versions: string[], latest: string): string {
  return `window.calldeskDocsVersions = ${JSON.stringify({ latest, versions })};\n`;
}
