// The gate end to end, in a throwaway git repository holding a copy of the real spec and a
// minimal workspace: the same commands CI runs, with real git, Redocly and changesets.
import { execFileSync } from "node:child_process";
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXIT_OK, EXIT_UNRELEASED_BREAK, EXIT_USAGE } from "../src/errors.js";
import { requiredBump } from "../src/gate.js";
import { run } from "../src/main.js";

const repoSpec = new URL("../../../spec/", import.meta.url);
let repo: string;

function git(...args: string[]): string {
  return execFileSync("git", args, { cwd: repo, encoding: "utf8" });
}

async function cli(
  mode: "diff" | "check",
  ...argv: string[]
): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await run(mode, argv, {
    cwd: repo,
    out: (t) => {
      out += t;
    },
    err: (t) => {
      err += t;
    },
  });
  return { code, out, err };
}

function changesetConfig(fixed: string[][]): unknown {
  return {
    changelog: false,
    commit: false,
    fixed,
    linked: [],
    access: "public",
    baseBranch: "main",
    updateInternalDependencies: "patch",
    ignore: [],
  };
}

async function writeJson(path: string, value: unknown): Promise<void> {
  await mkdir(join(path, ".."), { recursive: true });
  await writeFile(path, `${JSON.stringify(value, null, 2)}\n`);
}

beforeAll(async () => {
  repo = await mkdtemp(join(tmpdir(), "contract-gate-"));
  await cp(new URL("openapi/", repoSpec), join(repo, "spec", "openapi"), { recursive: true });
  await cp(new URL("redocly.yaml", repoSpec), join(repo, "spec", "redocly.yaml"));
  await writeJson(join(repo, "spec", "package.json"), {
    name: "@calldesk/spec",
    version: "0.1.0",
    private: true,
  });
  await writeJson(join(repo, "package.json"), { name: "root", private: true });
  await writeFile(join(repo, "pnpm-workspace.yaml"), "packages:\n  - spec\n  - packages/*\n");
  await writeJson(join(repo, "packages", "types", "package.json"), {
    name: "@calldesk/api-types",
    version: "0.1.0",
  });
  await writeJson(join(repo, "packages", "client", "package.json"), {
    name: "@calldesk/client",
    version: "0.1.0",
    dependencies: { "@calldesk/api-types": "workspace:*" },
  });
  await writeJson(join(repo, ".changeset", "config.json"), changesetConfig([]));
  git("init", "-q", "-b", "main");
  git("-c", "user.email=t@example.com", "-c", "user.name=t", "add", ".");
  git("-c", "user.email=t@example.com", "-c", "user.name=t", "commit", "-q", "-m", "base");
  git("checkout", "-q", "-b", "feature");
  // The breaking change of the README sample: voice_changer_uid's enum loses `male`.
  const file = join(repo, "spec/openapi/components/schemas/VoiceChanger.yaml");
  const text = await readFile(file, "utf8");
  await writeFile(file, text.replace(/\n {2}- male\n/, "\n"));
});

afterAll(async () => {
  await rm(repo, { recursive: true, force: true });
});

describe("contract gate in a temporary git repository", () => {
  it("fails a breaking change without a changeset and prints the fix", async () => {
    const { code, err } = await cli("check");
    expect(code).toBe(EXIT_UNRELEASED_BREAK);
    expect(err).toContain("needs a major release");
    expect(err).toContain("pnpm changeset");
    expect(err).toContain('"@calldesk/api-types": minor');
    expect(err).toContain('"@calldesk/client": minor');
    expect(err).toContain("voice_changer_uid");
  });

  it("contract-diff exits 1 too, and its JSON names the broken enum", async () => {
    const { code, out } = await cli("diff", "--format", "json");
    expect(code).toBe(EXIT_UNRELEASED_BREAK);
    const json = JSON.parse(out) as {
      bump: string;
      changes: { rule: string; breaking: boolean; before: unknown }[];
    };
    expect(json.bump).toBe("major");
    const change = json.changes.find((c) => c.breaking);
    expect(change).toMatchObject({ rule: "enum-values-removed", before: ["male", "female", null] });
  });

  it("annotates the edited source line for GitHub", async () => {
    const { out } = await cli("diff", "--format", "github");
    const source = await readFile(join(repo, "spec/openapi/components/schemas/VoiceChanger.yaml"), "utf8");
    const enumLine = source.split("\n").indexOf("enum:") + 1;
    expect(enumLine).toBeGreaterThan(0);
    expect(out).toMatch(
      new RegExp(
        `^::error file=spec/openapi/components/schemas/VoiceChanger\\.yaml,line=${enumLine},col=1,title=enum-values-removed`,
        "m",
      ),
    );
  });

  it("renders one sticky comment with the headline, the table and the types summary", async () => {
    const { out } = await cli("diff");
    expect(out.startsWith("<!-- calldesk-contract-diff -->")).toBe(true);
    expect(out).toContain("Major release needed");
    expect(out).toContain("#### `POST /api/v1/voice/calls`");
    expect(out).toContain("VoiceChanger");
    expect(out).toContain("pnpm changeset");
  });

  it("passes once a major changeset for both packages is pending", async () => {
    const changeset = join(repo, ".changeset", "drop-male-voice.md");
    await writeFile(
      changeset,
      '---\n"@calldesk/api-types": major\n"@calldesk/client": major\n---\n\nDrop the male voice.\n',
    );
    try {
      const check = await cli("check");
      expect(check.err).toBe("");
      expect(check.code).toBe(EXIT_OK);
      expect(check.out).toContain("pending changesets give major");
      expect((await cli("diff", "--format", "json")).code).toBe(EXIT_OK);
    } finally {
      await rm(changeset);
    }
  });

  it("a patch changeset is not enough", async () => {
    const changeset = join(repo, ".changeset", "too-small.md");
    await writeFile(changeset, '---\n"@calldesk/api-types": patch\n---\n\nOops.\n');
    try {
      const { code, err } = await cli("check");
      expect(code).toBe(EXIT_UNRELEASED_BREAK);
      expect(err).toMatch(/@calldesk\/api-types@0\.1\.0: pending changesets give patch, needs minor ✗/);
    } finally {
      await rm(changeset);
    }
  });

  it("reads fixed groups: a major for @calldesk/api-types alone is enough when both are fixed", async () => {
    const config = join(repo, ".changeset", "config.json");
    await writeJson(config, changesetConfig([["@calldesk/api-types", "@calldesk/client"]]));
    const changeset = join(repo, ".changeset", "types-major.md");
    await writeFile(changeset, '---\n"@calldesk/api-types": major\n---\n\nDrop the male voice.\n');
    try {
      const { code, out } = await cli("check");
      expect(code).toBe(EXIT_OK);
      expect(out).toContain("@calldesk/client@0.1.0: pending changesets give major");
    } finally {
      await rm(changeset);
      await writeJson(config, changesetConfig([]));
    }
  });

  it("skips a released package that does not exist in the workspace", async () => {
    await rm(join(repo, "packages", "client"), { recursive: true });
    const changeset = join(repo, ".changeset", "types-only.md");
    await writeFile(changeset, '---\n"@calldesk/api-types": minor\n---\n\nDrop the male voice.\n');
    try {
      const { code, out } = await cli("check");
      expect(code).toBe(EXIT_OK);
      expect(out).toContain("@calldesk/client: not in the workspace, skipped");
    } finally {
      await rm(changeset);
      await writeJson(join(repo, "packages", "client", "package.json"), {
        name: "@calldesk/client",
        version: "0.1.0",
      });
    }
  });

  it("exits 2 and names file and line when the spec does not parse", async () => {
    const file = join(repo, "spec/openapi/components/schemas/Recording.yaml");
    const original = await readFile(file, "utf8");
    await writeFile(file, `${original}\n  broken: [unclosed\n`);
    try {
      const { code, err } = await cli("diff", "--format", "json");
      expect(code).toBe(EXIT_USAGE);
      expect(err).toMatch(/^\[1\] spec\/openapi\/components\/schemas\/Recording\.yaml:\d+:\d+/m);
    } finally {
      await writeFile(file, original);
    }
  });

  it("exits 2 on a base that is neither a file nor a ref", async () => {
    const { code, err } = await cli("diff", "--base", "no-such-ref");
    expect(code).toBe(EXIT_USAGE);
    expect(err).toContain("--base: 'no-such-ref' is neither a file nor a git ref");
  });

  it("exits 2 on an unknown option", async () => {
    const { code, err } = await cli("diff", "--formt", "json");
    expect(code).toBe(EXIT_USAGE);
    expect(err).toContain("--formt");
  });

  it("compares a git ref with a file, and a ref with itself", async () => {
    const mixed = await cli(
      "diff",
      "--base",
      "main",
      "--head",
      "spec/openapi/openapi.yaml",
      "--format",
      "json",
    );
    expect(mixed.code).toBe(EXIT_UNRELEASED_BREAK);
    expect(JSON.parse(mixed.out)).toMatchObject({
      bump: "major",
      changes: [{ rule: "enum-values-removed" }],
    });
    const same = await cli("diff", "--base", "main", "--head", "main", "--format", "json");
    expect(same.code).toBe(EXIT_OK);
    expect(JSON.parse(same.out)).toEqual({ bump: "none", changes: [] });
  });
  it("rates a new CallStatus value as minor: the contract declares the enum open", async () => {
    const status = join(repo, "spec/openapi/components/schemas/CallStatus.yaml");
    const text = await readFile(status, "utf8");
    try {
      await writeFile(status, text.replace("  - canceled\n", "  - canceled\n  - voicemail\n"));
      const { code, out } = await cli(
        "diff",
        "--base",
        "main",
        "--head",
        "spec/openapi/openapi.yaml",
        "--format",
        "json",
      );
      const json = JSON.parse(out) as { changes: { rule: string; breaking: boolean; bump: string }[] };
      expect(json.changes.find((c) => c.rule === "enum-values-added")).toMatchObject({
        breaking: false,
        bump: "minor",
      });
      expect(code).toBe(EXIT_UNRELEASED_BREAK); // the VoiceChanger break of this repository is still there
    } finally {
      await writeFile(status, text);
    }
  });
});

describe("versions below 1.0", () => {
  it("asks a minor for a breaking change and a patch for the rest, and leaves 1.x alone", () => {
    expect(requiredBump("major", "0.1.0")).toBe("minor");
    expect(requiredBump("minor", "0.1.0")).toBe("patch");
    expect(requiredBump("none", "0.1.0")).toBe("none");
    expect(requiredBump("major", "1.2.0")).toBe("major");
    expect(requiredBump("minor", "1.2.0")).toBe("minor");
  });
});
