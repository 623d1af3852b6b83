import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    name: "client",
    environment: "node",
    include: ["test/**/*.test.ts"],
    passWithNoTests: false,
    // Body autocompletion and the result type are compile-time guarantees: run them through tsc.
    typecheck: { enabled: true, include: ["test/**/*.test-d.ts"], tsconfig: "./tsconfig.json" },
  },
});
