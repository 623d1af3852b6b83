import { readFileSync } from "node:fs";
import { defineConfig } from "tsdown";

const { version } = JSON.parse(readFileSync(new URL("package.json", import.meta.url), "utf8"));

export default defineConfig({
  // Three entries: the UUID v5 helper needs no HTTP code, the client needs no SHA-1, and only the
  // raw entry carries openapi-fetch.
  entry: ["src/index.ts", "src/idempotency.ts", "src/raw.ts"],
  format: ["esm", "cjs"],
  platform: "neutral",
  target: "es2022",
  tsconfig: "tsconfig.build.json",
  // The User-Agent's version, from package.json at build time (changesets bumps it there).
  define: { __VERSION__: JSON.stringify(version) },
  dts: true,
  sourcemap: false,
  clean: true,
});
