import { describe, expect, it } from "vitest";
import { COMMENT_MARKER, toGithub, toJson, toMarkdown } from "../src/render.js";
import type { Change, DiffResult } from "../src/types.js";

const breaking: Change = {
  rule: "enum-values-removed",
  breaking: true,
  bump: "major",
  operation: "POST /calls",
  pointer: "#/components/schemas/Voice/enum",
  before: ["male", "female"],
  after: ["female"],
  message: "Enum of `voice` lost values: 'male' | 'x'.",
  operations: ["POST /calls"],
  directions: ["request", "response"],
  location: { file: "spec/openapi/components/schemas/Voice.yaml", line: 4, col: 1 },
};
const { location: _unlocated, ...unlocated } = breaking;
const compatible: Change = {
  ...unlocated,
  rule: "schema-maxLength-changed",
  breaking: false,
  bump: "minor",
  message: "`maxLength` of `label` changed from 32 to 16 (narrower, response only).",
  pointer: "#/components/schemas/Call/properties/label/maxLength",
};

describe("json", () => {
  it("puts the eight contract fields first and turns a missing side into null", () => {
    const json = JSON.parse(toJson({ bump: "major", changes: [{ ...breaking, after: undefined }] })) as {
      bump: string;
      changes: Record<string, unknown>[];
    };
    expect(json.bump).toBe("major");
    expect(Object.keys(json.changes[0] ?? {}).slice(0, 8)).toEqual([
      "rule",
      "breaking",
      "bump",
      "operation",
      "pointer",
      "before",
      "after",
      "message",
    ]);
    expect(json.changes[0]?.after).toBeNull();
  });
});

describe("markdown", () => {
  it("starts with the sticky marker, says a major is needed, and tables breaking changes per operation", () => {
    const md = toMarkdown({ bump: "major", changes: [breaking, compatible] });
    expect(md.startsWith(COMMENT_MARKER)).toBe(true);
    expect(md).toContain(
      "**Major release needed** for `@calldesk/api-types` and `@calldesk/client`: 1 breaking change",
    );
    expect(md).toContain("#### `POST /calls`");
    expect(md).toContain("lost values: 'male' \\| 'x'.");
    expect(md).toContain("`spec/openapi/components/schemas/Voice.yaml:4`");
    expect(md).toMatch(
      /<details><summary>1 non-breaking change<\/summary>[\s\S]*maxLength[\s\S]*<\/details>/,
    );
  });

  it("says so when nothing breaks or nothing changed", () => {
    expect(toMarkdown({ bump: "minor", changes: [compatible] })).toContain(
      "**No breaking change.** A **minor** release",
    );
    expect(toMarkdown({ bump: "none", changes: [] })).toContain("No contract change");
  });
});

describe("github", () => {
  it("emits an error with file, line and column for a breaking change and a warning otherwise", () => {
    const result: DiffResult = { bump: "major", changes: [breaking, compatible] };
    const lines = toGithub(result).trim().split("\n");
    expect(lines[0]).toBe(
      "::error file=spec/openapi/components/schemas/Voice.yaml,line=4,col=1,title=enum-values-removed (major)::POST /calls: Enum of `voice` lost values: 'male' | 'x'.",
    );
    expect(lines[1]).toMatch(
      /^::warning title=schema-maxLength-changed \(minor\)::POST \/calls: `maxLength`/,
    );
    expect(lines[2]).toBe("Contract diff: major bump needed.");
  });
});
