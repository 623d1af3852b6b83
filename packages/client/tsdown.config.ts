import { defineConfig } from "tsdown";

export default defineConfig({
  // Two entries: the UUID v5 helper needs no HTTP code, and the client needs no SHA-1.
  entry: ["src/index.ts", "src/idempotency.ts"],
  format: ["esm", "cjs"],
  platform: "neutral",
  target: "es2022",
  tsconfig: "tsconfig.build.json",
  dts: true,
  sourcemap: false,
  clean: true,
});
