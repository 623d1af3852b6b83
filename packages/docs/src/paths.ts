// Where this package and the workspace live, found from the running file so that the same code
// works from `src/` (tests) and from `dist/lib/` (the built CLI).
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

function findUp(from: string, found: (dir: string) => boolean, what: string): string {
  let dir = from;
  while (!found(dir)) {
    const parent = dirname(dir);
    if (parent === dir) {
      throw new Error(`@calldesk/docs: cannot find ${what} above ${from}`);
    }
    dir = parent;
  }
  return dir;
}

/** The folder holding @calldesk/docs's package.json. */
export function packageRoot(): string {
  return findUp(
    dirname(fileURLToPath(import.meta.url)),
    (dir) =>
      existsSync(join(dir, "package.json")) &&
      (JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { name?: string }).name ===
        "@calldesk/docs",
    "the @calldesk/docs package.json",
  );
}

/** The monorepo root (the folder with pnpm-workspace.yaml). */
export function workspaceRoot(): string {
  return findUp(packageRoot(), (dir) => existsSync(join(dir, "pnpm-workspace.yaml")), "pnpm-workspace.yaml");
}
