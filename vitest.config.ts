// One entry point for editors and one-shot runs (`npx vitest`); CI runs each package's own
// config through turbo so results are cached per package.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    projects: ["spec", "packages/*", "scripts/contract-diff", "scripts/release", "scripts/reliability"],
  },
});
