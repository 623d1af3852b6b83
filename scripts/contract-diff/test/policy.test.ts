import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  DEFAULT_RULES,
  defaultPolicy,
  loadPolicy,
  OWN_RULES,
  PolicyError,
  parsePolicy,
} from "../src/policy.js";

describe("policy", () => {
  it("defaults every Redocly rule and our own rules to major when the file has no diff key", () => {
    const policy = parsePolicy("apis:\n  main:\n    root: openapi/openapi.yaml\n", "redocly.yaml");
    expect(policy.rules["enum-values-added"]).toBe("major");
    expect(policy.rules["request-property-removed"]).toBe("major");
    expect(policy.rules["error-response-removed"]).toBe("major");
    expect(Object.keys(policy.rules).length).toBe(
      Object.keys(DEFAULT_RULES).length + Object.keys(OWN_RULES).length,
    );
    expect(policy.extensibleEnums).toEqual([]);
  });

  it("reads diff: and x-contract-diff:", () => {
    const policy = parsePolicy(
      "diff:\n  response-removed: minor\nx-contract-diff:\n  rules:\n    error-response-removed: off\n  extensible-enums: [ErrorCode]\n",
      "redocly.yaml",
    );
    expect(policy.rules["response-removed"]).toBe("minor");
    expect(policy.rules["error-response-removed"]).toBe("off");
    expect(policy.extensibleEnums).toEqual(["ErrorCode"]);
  });

  it("names the key of a bad impact or an unknown rule", () => {
    expect(() => parsePolicy("diff:\n  response-removed: huge\n", "spec/redocly.yaml")).toThrow(
      "spec/redocly.yaml: diff.response-removed: impact must be major, minor, patch or off, got huge",
    );
    expect(() => parsePolicy("diff:\n  request-property-removed: major\n", "r.yaml")).toThrow(PolicyError);
    expect(() => parsePolicy("x-contract-diff:\n  extensible-enums: ErrorCode\n", "r.yaml")).toThrow(
      "x-contract-diff.extensible-enums must be a list",
    );
  });

  it("falls back to the default policy when the config file is missing", async () => {
    const dir = await mkdtemp(join(tmpdir(), "policy-"));
    try {
      expect(await loadPolicy(join(dir, "redocly.yaml"))).toEqual(defaultPolicy());
      await writeFile(join(dir, "redocly.yaml"), "diff:\n  operation-id-changed: minor\n");
      const policy = await loadPolicy(join(dir, "redocly.yaml"));
      expect(policy.rules["operation-id-changed"]).toBe("minor");
      expect(policy.source).toBe(join(dir, "redocly.yaml"));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("the policy block documented in the README parses", async () => {
    const readme = await import("node:fs/promises").then((fs) =>
      fs.readFile(new URL("../README.md", import.meta.url), "utf8"),
    );
    const block = /<!-- policy:start -->\s*```yaml\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(block).toBeDefined();
    const policy = parsePolicy(block ?? "", "README.md");
    expect(policy.extensibleEnums).toEqual(["ErrorCode"]);
    expect(policy.rules["enum-values-added"]).toBe("major");
  });
});
