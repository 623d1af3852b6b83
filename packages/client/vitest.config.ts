import { readFileSync } from "node:fs";
import { defineConfig } from "vitest/config";

const { version } = JSON.parse(readFileSync(new URL("package.json", import.meta.url), "utf8"));

export default defineConfig({
  // The tests run the sources: the same version the build writes in (tsdown.config.ts).
  define: { __VERSION__: JSON.stringify(version) },
  test: {
    // A guard against a hang, not a speed limit: CI runs every package's tests at once on 2 cores.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    name: "client",
    environment: "node",
    include: ["test/**/*.test.ts"],
    passWithNoTests: false,
    // Body autocompletion and the result type are compile-time guarantees: run them through tsc.
    typecheck: { enabled: true, include: ["test/**/*.test-d.ts"], tsconfig: "./tsconfig.json" },
  },
});
