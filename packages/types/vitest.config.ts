import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // A guard against a hang, not a speed limit: CI runs every package's tests at once on 2 cores.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    name: "api-types",
    environment: "node",
    include: ["test/**/*.test.ts"],
    passWithNoTests: false,
    // The contract's guarantees here are compile-time ones: run the type tests through tsc.
    typecheck: { enabled: true, include: ["test/**/*.test-d.ts"], tsconfig: "./tsconfig.json" },
  },
});
