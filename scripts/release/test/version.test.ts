import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { syncContractVersion } from "../src/version.mjs";
import { repoRoot } from "../src/workspace.mjs";

let root = "";
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe("syncContractVersion", () => {
  it("sets info.version to the version of @calldesk/api-types and touches nothing else", () => {
    root = mkdtempSync(join(tmpdir(), "calldesk-version-"));
    cpSync(join(repoRoot, "spec/openapi"), join(root, "spec/openapi"), { recursive: true });
    cpSync(join(repoRoot, "packages/types/package.json"), join(root, "packages/types/package.json"));
    const manifestPath = join(root, "packages/types/package.json");
    const manifest = JSON.parse(readFileSync(manifestPath, "utf8"));
    writeFileSync(manifestPath, JSON.stringify({ ...manifest, version: "2.3.0" }));
    const before = readFileSync(join(root, "spec/openapi/openapi.yaml"), "utf8");

    const change = syncContractVersion(root);

    const after = readFileSync(join(root, "spec/openapi/openapi.yaml"), "utf8");
    expect(change.to).toBe("2.3.0");
    expect(after).toMatch(/^info:\n {2}title: .*\n {2}version: 2\.3\.0$/m);
    const changedLines = after.split("\n").filter((line, i) => line !== before.split("\n")[i]);
    expect(changedLines).toEqual(["  version: 2.3.0"]);
  });
});
