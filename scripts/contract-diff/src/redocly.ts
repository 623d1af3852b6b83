// Runs the pinned Redocly CLI as a child process, for bundling: Redocly 2.77 ships one bundled
// file and no supported in-process API, so the CLI is the stable interface; callers batch.
import { execFile } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const require = createRequire(import.meta.url);
const cliPath = join(dirname(require.resolve("@redocly/cli/package.json")), "bin", "cli.js");

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function runRedocly(args: readonly string[], cwd: string): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [cliPath, ...args],
      {
        cwd,
        maxBuffer: 64 * 1024 * 1024,
        env: { ...process.env, REDOCLY_TELEMETRY: "off", NO_COLOR: "1", FORCE_COLOR: "0" },
      },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== "number") {
          reject(error);
          return;
        }
        resolve({
          code: typeof error?.code === "number" ? error.code : 0,
          stdout,
          stderr: cleanStderr(stderr),
        });
      },
    );
  });
}

/** Drops the Node 20 deprecation banner so error messages stay readable. */
export function cleanStderr(text: string): string {
  return text
    .split("\n")
    .filter((line) => !/[╔╚║]/.test(line))
    .join("\n")
    .trim();
}

/** Runs `tasks` with at most `limit` in flight; results keep the input order. */
export async function pool<T, R>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
