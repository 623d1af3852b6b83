import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    name: "docs",
    environment: "node",
    include: ["test/**/*.test.ts"],
    passWithNoTests: false,
    // A headless browser, two Redoc builds and a TypeScript type-check run here: generous
    // ceilings so a loaded CI machine does not fail them (no test asserts on time).
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // expect.poll waits on the page; its 1 s default fails on a loaded machine before the page
    // has painted.
    expect: { poll: { timeout: 30_000 } },
    // The machine is shared: one heavy file at a time.
    fileParallelism: false,
  },
});
