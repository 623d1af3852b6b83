import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // A guard against a hang, not a speed limit: CI runs every package's tests at once on 2 cores.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    name: "spec",
    environment: "node",
    include: ["test/**/*.test.ts"],
  },
});
