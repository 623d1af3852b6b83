// The generated sections: derived from the bundle, complete, and loud when the spec leaves a gap.
import { testNumbers } from "@calldesk/sandbox";
import { describe, expect, it } from "vitest";
import {
  ASSUMED,
  changelogMarkdown,
  deref,
  docsContract,
  errorCodeRows,
  errorTableMarkdown,
  problemTypes,
  testNumbersMarkdown,
} from "../src/content.js";
import { createCall, type JsonObject, loadBundle, objectAt } from "./helpers.js";

const doc = loadBundle();
const errorCodes = objectAt(doc, objectAt(doc, objectAt(doc, doc.components).schemas).ErrorCode)
  .enum as string[];

/** Every (code, status) pair the response examples state, read straight from the bundle. */
function examplePairs(): [string, number][] {
  const pairs: [string, number][] = [];
  for (const [status, ref] of Object.entries(objectAt(doc, createCall(doc).operation.responses))) {
    const content = objectAt(doc, ref).content as JsonObject | undefined;
    for (const media of Object.values(content ?? {})) {
      for (const example of Object.values((media as { examples?: JsonObject }).examples ?? {})) {
        const value = (example as { value?: { code?: string } }).value;
        if (value?.code && Number(status) >= 400) {
          pairs.push([value.code, Number(status)]);
        }
      }
    }
  }
  return pairs;
}

describe("errorCodeRows", () => {
  const rows = errorCodeRows(doc);

  it("has one row per ErrorCode, in the enum's order", () => {
    expect(rows.map((row) => row.code)).toEqual(errorCodes);
  });

  it("places every code at the status its examples show, with what to do", () => {
    const pairs = examplePairs();
    expect(pairs.length).toBeGreaterThan(0);
    for (const [code, status] of pairs) {
      expect(rows.find((row) => row.code === code)?.statuses, code).toContain(status);
    }
    for (const row of rows) {
      expect(row.statuses.length, row.code).toBeGreaterThan(0);
      expect(row.action, row.code).not.toBe("");
    }
  });

  it("names the request fields whose schema declares a code (x-error-code / x-error-codes)", () => {
    expect(rows.find((row) => row.code === "invalid_e164")?.fields).toEqual(["/caller_id", "/destination"]);
    expect(rows.find((row) => row.code === "metadata_too_many_keys")?.fields).toEqual(["/metadata"]);
    // The meaning is the spec's own description of the code (ErrorCode's x-enumDescriptions).
    const descriptions = objectAt(doc, objectAt(doc, objectAt(doc, doc.components).schemas).ErrorCode)[
      "x-enumDescriptions"
    ] as Record<string, string>;
    expect(rows.find((row) => row.code === "invalid_metadata_key")?.meaning).toContain(
      descriptions.invalid_metadata_key,
    );
  });

  it("fails the build for a code no response can carry", () => {
    const copy = structuredClone(doc);
    const schemas = objectAt(copy, objectAt(copy, copy.components).schemas);
    (objectAt(copy, schemas.ErrorCode).enum as string[]).push("brand_new_code");
    // Without any validation example listing errors[], an unmentioned code has no home.
    for (const response of Object.values(objectAt(copy, objectAt(copy, copy.components).responses))) {
      for (const media of Object.values((response as { content?: JsonObject }).content ?? {})) {
        for (const example of Object.values((media as { examples?: JsonObject }).examples ?? {})) {
          delete (example as { value: { errors?: unknown } }).value.errors;
        }
      }
    }
    expect(() => errorCodeRows(copy)).toThrow(/brand_new_code/);
  });

  it("renders a Markdown table with every code", () => {
    const table = errorTableMarkdown(doc);
    for (const code of errorCodes) {
      expect(table).toContain(`| \`${code}\``);
    }
  });
});

describe("problemTypes", () => {
  it("lists every problem type URI of the contract's examples, with its statuses and codes", () => {
    const uris = new Set<string>();
    JSON.stringify(doc, (_key, value) => {
      if (typeof value === "string" && /^https:\/\/docs\.247calldesk\.com\/errors\//.test(value)) {
        uris.add(value);
      }
      return value;
    });
    const types = problemTypes(doc);
    expect(types.map((type) => type.uri).sort()).toEqual([...uris].sort());
    const validation = types.find((type) => type.slug === "validation-failed");
    expect(validation?.statuses).toEqual([422]);
    expect(validation?.codes).toEqual(["validation_failed"]);
  });

  it("refuses two URIs with the same slug (their anchors would collide)", () => {
    const copy = structuredClone(doc);
    const problem = objectAt(copy, objectAt(copy, objectAt(copy, copy.components).schemas).Problem);
    (objectAt(copy, objectAt(copy, problem.properties).type).examples as string[]).push(
      "https://elsewhere.example/errors/validation-failed",
    );
    expect(() => problemTypes(copy)).toThrow(/share the slug validation-failed/);
  });
});

describe("deref", () => {
  it("rejects a circular $ref", () => {
    const loop = { a: { $ref: "#/b" }, b: { $ref: "#/a" } };
    expect(() => deref(loop, loop.a)).toThrow(/circular/);
  });

  it("rejects a $ref that points nowhere", () => {
    expect(() => deref({}, { $ref: "#/components/schemas/Nope" })).toThrow(/unresolved/);
  });
});

describe("testNumbersMarkdown", () => {
  it("lists every sandbox test number with where to send it and what happens", () => {
    const table = testNumbersMarkdown(testNumbers);
    for (const entry of testNumbers) {
      expect(table).toContain(`| \`${entry.number}\` | \`${entry.field}\` | ${entry.description} |`);
    }
  });

  it("falls back to one column per key for another shape", () => {
    expect(testNumbersMarkdown({ slow: "+1555", busy: { number: "+1666", status: 486 } })).toBe(
      ["| name | number | status |", "|---|---|---|", "| slow | +1555 |  |", "| busy | +1666 | 486 |"].join(
        "\n",
      ),
    );
  });

  it("rejects an empty table", () => {
    expect(() => testNumbersMarkdown([])).toThrow(/empty/);
  });
});

describe("changelogMarkdown", () => {
  it("says so when nothing was released", () => {
    expect(changelogMarkdown([])).toMatch(/No release has been published yet/);
    expect(changelogMarkdown([{ name: "@calldesk/client", markdown: "  \n" }])).toMatch(/No release/);
  });

  it("nests each package's release notes under its name", () => {
    const markdown = changelogMarkdown([
      {
        name: "@calldesk/client",
        markdown: "# @calldesk/client\n\n## 0.2.0\n\n### Minor Changes\n\n- abc123: Add retries.\n",
      },
    ]);
    expect(markdown).toBe(
      "### @calldesk/client\n\n#### 0.2.0\n\n##### Minor Changes\n\n- abc123: Add retries.",
    );
  });
});

describe("docsContract", () => {
  const contract = docsContract(doc, { testNumbers, changelogs: [], sandboxUrl: "http://127.0.0.1:4010" });
  const description = String(objectAt(contract, contract.info).description);

  it("adds the generated sections under the spec's own headings", () => {
    const headings = description.split("\n").filter((line) => /^#{2,3} /.test(line));
    expect(headings).toEqual([
      "## Authentication",
      "## Idempotency",
      "### What a replay looks like",
      "## Errors",
      "### Every error code",
      "## Other answers",
      "## Rate limits",
      "### Rate-limit headers",
      "## Assumptions",
      "## Problem types",
      ...problemTypes(doc).map((type) => `### ${type.slug}`),
      "## Sandbox",
      "### Try it from this page",
      "## Changelog",
    ]);
    expect(description).toContain("Idempotent-Replayed: true");
  });

  it("shows the mark and the reason next to every assumed rule, in its own description", () => {
    const schemas = objectAt(contract, objectAt(contract, contract.components).schemas);
    const status = objectAt(contract, schemas.CallStatus);
    expect(String(status.description)).toContain(`${ASSUMED} ${String(status["x-assumed"])}`);
    const marks = JSON.stringify(contract).split(ASSUMED.replace(/"/g, '\\"')).length - 1;
    const assumed = JSON.stringify(doc).split('"x-assumed"').length - 1;
    expect(marks).toBeGreaterThanOrEqual(assumed);
    expect(
      String(objectAt(doc, objectAt(doc, objectAt(doc, doc.components).schemas).CallStatus).description),
    ).not.toContain(ASSUMED);
  });

  it("leaves the bundle untouched", () => {
    expect(String(objectAt(doc, doc.info).description)).not.toContain("## Sandbox");
  });
});
