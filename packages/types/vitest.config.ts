import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    name: "api-types",
    environment: "node",
    include: ["test/**/*.test.ts"],
    passWithNoTests: false,
    // The contract's guarantees here are compile-time ones: run the type tests through tsc.
    typecheck: { enabled: true, include: ["test/**/*.test-d.ts"], tsconfig: "./tsconfig.json" },
  },
});
