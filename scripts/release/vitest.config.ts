import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    name: "release",
    environment: "node",
    include: ["test/**/*.test.ts"],
    // Publishing and installing are real (registry, npm, tsc): give them room, but no wall-clock asserts.
    testTimeout: 600_000,
    hookTimeout: 120_000,
  },
});
