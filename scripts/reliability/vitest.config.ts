import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    name: "reliability",
    environment: "node",
    include: ["test/**/*.test.ts"],
    // Chaos and fuzz runs are bounded by counts, not by time; allow them to take what they take.
    testTimeout: 600_000,
  },
});
