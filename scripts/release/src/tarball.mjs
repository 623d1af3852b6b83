// What a package would ship, read from `npm pack --dry-run --json`, and the reasons it must not
// ship like that: entry points missing from the tarball, tests, unshipped sources, secrets.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";

/** @param {string} dir @returns {string[]} paths inside the tarball, without the `package/` prefix */
export function tarballFiles(dir) {
  const output = execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], {
    cwd: dir,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
  const [pack] = JSON.parse(output);
  return pack.files.map((/** @type {{ path: string }} */ file) => file.path);
}

/** Every file a consumer can reach through the manifest: exports, main, module, types, bin. */
export function entryPoints(/** @type {Record<string, unknown>} */ manifest) {
  /** @type {string[]} */
  const paths = [];
  /** @param {unknown} node */
  const collect = (node) => {
    if (typeof node === "string") {
      if (!node.includes("*")) {
        paths.push(node);
      }
    } else if (node && typeof node === "object") {
      Object.values(node).forEach(collect);
    }
  };
  collect(manifest.exports);
  collect(manifest.main);
  collect(manifest.module);
  collect(manifest.types);
  collect(typeof manifest.bin === "string" ? manifest.bin : (manifest.bin ?? null));
  return [...new Set(paths.map((path) => path.replace(/^\.\//, "")))];
}

const TEST_FILE = /(^|\/)(test|tests|__tests__)\/|\.(test|spec|test-d)\.[cm]?[jt]sx?$/;
const SECRET_NAME = /(^|\/)(\.env(\..*)?|\.npmrc|id_[a-z0-9]+|.*\.(pem|key|p12|pfx))$/;
const SECRET_CONTENT = [
  /-----BEGIN [A-Z ]*PRIVATE KEY-----/,
  /\bnpm_[A-Za-z0-9]{36}\b/,
  /\bgh[pousr]_[A-Za-z0-9]{36}\b/,
  // A Calldesk key longer than the documentation's placeholders (calldesk_abc123, calldesk_...).
  /\bcalldesk_[A-Za-z0-9]{20,}\b/,
];

/**
 * @param {string} dir
 * @param {Record<string, unknown>} manifest
 * @returns {{ files: string[], problems: string[] }}
 */
export function inspectTarball(dir, manifest) {
  const files = tarballFiles(dir);
  const shipped = new Set(files);
  const problems = [];
  for (const entry of entryPoints(manifest)) {
    if (!shipped.has(entry)) {
      problems.push(
        `${entry} is referenced by package.json but is not in the tarball (is it built, and listed in "files"?)`,
      );
    }
  }
  for (const file of files) {
    if (TEST_FILE.test(file)) {
      problems.push(`${file} is a test file`);
    }
    if (file.startsWith("src/")) {
      problems.push(`${file} is a source file; ship the built output only`);
    }
    if (SECRET_NAME.test(file)) {
      problems.push(`${file} looks like a secret`);
    } else if (/\.(m?[jt]s|c[jt]s|json|html|md|map|ya?ml|txt)$/.test(file)) {
      const text = readFileSync(join(dir, file), "utf8");
      const pattern = SECRET_CONTENT.find((candidate) => candidate.test(text));
      if (pattern) {
        problems.push(`${file} contains something that looks like a secret (${pattern.source})`);
      }
    }
  }
  return { files, problems };
}
