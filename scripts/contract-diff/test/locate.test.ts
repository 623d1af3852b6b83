// Where a change lands in the spec's source: the file and line a maintainer edited, found by
// walking the bundle beside the YAML it was bundled from. Many changes are located at once, so
// each side's files must be read (and parsed) once, not once per change.
import * as fs from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { locateAll } from "../src/locate.js";
import type { Side } from "../src/sources.js";
import type { Change } from "../src/types.js";

vi.mock("node:fs/promises", async (importOriginal) => {
  const original = await importOriginal<typeof import("node:fs/promises")>();
  return { ...original, readFile: vi.fn(original.readFile) };
});

let dir: string;
let side: Side;
let bundleFile: string;

const root = `openapi: 3.1.0
info:
  title: Calls
  version: "1.0.0"
paths:
  /calls:
    $ref: paths/calls.yaml
`;
const calls = `post:
  operationId: createCall
  responses:
    "201":
      description: Created
      content:
        application/json:
          schema:
            $ref: ../schemas/Call.yaml
`;
const call = `type: object
properties:
  call_id:
    type: string
  status:
    type: string
`;
// The bundle as Redocly writes it: the path item inlined, the schema moved to components.
const bundle = {
  openapi: "3.1.0",
  info: { title: "Calls", version: "1.0.0" },
  paths: {
    "/calls": {
      post: {
        operationId: "createCall",
        responses: {
          "201": {
            description: "Created",
            content: { "application/json": { schema: { $ref: "#/components/schemas/Call" } } },
          },
        },
      },
    },
  },
  components: {
    schemas: {
      Call: { type: "object", properties: { call_id: { type: "string" }, status: { type: "string" } } },
    },
  },
};

beforeAll(async () => {
  dir = await fs.mkdtemp(join(tmpdir(), "contract-locate-"));
  await fs.mkdir(join(dir, "paths"));
  await fs.mkdir(join(dir, "schemas"));
  await fs.writeFile(join(dir, "openapi.yaml"), root);
  await fs.writeFile(join(dir, "paths", "calls.yaml"), calls);
  await fs.writeFile(join(dir, "schemas", "Call.yaml"), call);
  bundleFile = join(dir, "bundle.json");
  await fs.writeFile(bundleFile, JSON.stringify(bundle));
  side = { label: "head", root: join(dir, "openapi.yaml"), displayRoot: dir, kind: "file" };
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

function changeAt(pointer: string): Change {
  return { source: { side: "head", pointer } } as unknown as Change;
}

describe("locateAll", () => {
  it("puts each change on its source file and line, reading every file once for many changes", async () => {
    const pointers = [
      "#/paths/~1calls/post/responses/201/description",
      "#/components/schemas/Call/properties/status/type",
      "#/components/schemas/Call/properties/call_id",
    ];
    const changes = Array.from({ length: 30 }, (_, i) => changeAt(pointers[i % pointers.length] as string));
    vi.mocked(fs.readFile).mockClear();

    await locateAll(changes, { head: side, base: side, headBundle: bundleFile, baseBundle: bundleFile });

    expect(changes.slice(0, 3).map((change) => change.location)).toEqual([
      { file: "paths/calls.yaml", line: 5, col: 7 },
      { file: "schemas/Call.yaml", line: 6, col: 5 },
      { file: "schemas/Call.yaml", line: 3, col: 3 },
    ]);
    const reads = vi.mocked(fs.readFile).mock.calls.map(([file]) => String(file).slice(dir.length + 1));
    expect(reads.sort()).toEqual(["bundle.json", "openapi.yaml", "paths/calls.yaml", "schemas/Call.yaml"]);
  });
});
