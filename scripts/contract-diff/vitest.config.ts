import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    name: "contract-diff",
    environment: "node",
    include: ["test/**/*.test.ts"],
    passWithNoTests: false,
    // Each case spawns Redocly; the suite bounds its own concurrency (see test/support.ts), so
    // files run one at a time instead of competing for the two shared cores.
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
