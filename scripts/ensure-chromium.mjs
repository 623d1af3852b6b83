#!/usr/bin/env node
// The docs are checked in a real headless Chromium, always Debian's package (a test tool's own
// browser download cannot work offline). Installs it on a fresh Debian machine when we may;
// CHROMIUM_PATH (which the browser test honours too) points at another build, never installed.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";

const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

if (!existsSync(CHROMIUM)) {
  const canInstall = !process.env.CHROMIUM_PATH && process.getuid?.() === 0 && existsSync("/usr/bin/apt-get");
  if (!canInstall) {
    console.error(
      `The docs browser test needs Debian's Chromium at ${CHROMIUM}.\n` +
        "Install it with: sudo apt-get update && sudo apt-get install -y chromium",
    );
    process.exit(1);
  }
  console.log("Installing Debian's chromium for the docs browser test...");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
  execFileSync("apt-get", ["install", "-y", "-qq", "chromium"], { stdio: "inherit", env });
}
