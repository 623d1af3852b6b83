// Maps a pointer in the bundle back to the spec source file and line, so an annotation lands on
// the line a maintainer edited rather than on a temporary bundle. Walks the bundle and the
// source side by side, following each external $ref into its file, the way the bundler inlined it.
import { readFile } from "node:fs/promises";
import { dirname, relative, resolve } from "node:path";
import { isMap, isSeq, LineCounter, parseDocument, type Node as YamlNode } from "yaml";
import { sourceOf } from "./engine.js";
import { escapePointer, isNode, resolvePointer, unescapePointer, valueAt } from "./pointer.js";
import type { Side } from "./sources.js";
import type { Change, SourceLocation } from "./types.js";

interface SourceFile {
  data: unknown;
  root: YamlNode | null;
  lines: LineCounter;
}

interface Target {
  file: string;
  path: string[];
}

export class SourceMapper {
  private readonly files = new Map<string, Promise<SourceFile>>();
  private readonly map = new Map<string, Target>();
  private built: Promise<void> | undefined;

  constructor(
    private readonly bundleDoc: unknown,
    private readonly side: Side,
  ) {}

  private load(file: string): Promise<SourceFile> {
    let loaded = this.files.get(file);
    if (!loaded) {
      loaded = readFile(file, "utf8").then((text) => {
        const lines = new LineCounter();
        const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: false });
        return { data: doc.toJS() as unknown, root: doc.contents as YamlNode | null, lines };
      });
      this.files.set(file, loaded);
    }
    return loaded;
  }

  private build(): Promise<void> {
    this.built ??= this.walk(this.bundleDoc, "#", { file: this.side.root, path: [] }, new Set());
    return this.built;
  }

  private async walk(node: unknown, pointer: string, at: Target, seen: Set<string>): Promise<void> {
    if (seen.has(pointer) || typeof node !== "object" || node === null) {
      return;
    }
    seen.add(pointer);
    this.map.set(pointer, at);
    const source = valueAt((await this.load(at.file)).data, at.path);
    const sourceRef = isNode(source) && typeof source.$ref === "string" ? source.$ref : undefined;
    const bundleRef = isNode(node) && typeof node.$ref === "string" ? node.$ref : undefined;
    if (sourceRef) {
      const [refFile, fragment = ""] = sourceRef.split("#");
      const target: Target = {
        file: refFile ? resolve(dirname(at.file), refFile) : at.file,
        path: fragment.split("/").slice(1).map(unescapePointer),
      };
      if (bundleRef?.startsWith("#")) {
        await this.walk(resolvePointer(this.bundleDoc, bundleRef), bundleRef, target, seen);
      } else {
        // The bundler inlined the file here (a path item, say): same content, other file.
        seen.delete(pointer);
        await this.walk(node, pointer, target, seen);
        return;
      }
    }
    const entries = Array.isArray(node) ? node.map((v, i) => [String(i), v] as const) : Object.entries(node);
    for (const [key, child] of entries) {
      if (key === "$ref") {
        continue;
      }
      await this.walk(
        child,
        `${pointer}/${escapePointer(key)}`,
        { file: at.file, path: [...at.path, key] },
        seen,
      );
    }
  }

  async locate(pointer: string): Promise<SourceLocation | undefined> {
    await this.build();
    const segments = pointer.replace(/^#/, "").split("/").slice(1);
    for (let keep = segments.length; keep >= 0; keep--) {
      const prefix = `#${segments
        .slice(0, keep)
        .map((s) => `/${s}`)
        .join("")}`;
      const hit = this.map.get(prefix);
      if (!hit) {
        continue;
      }
      const file = await this.load(hit.file);
      const rest = segments.slice(keep).map(unescapePointer);
      const path = [...hit.path, ...rest];
      // A removed keyword has no node on this side: point at its closest surviving parent.
      for (let n = path.length; n >= 0; n--) {
        const yamlNode = yamlAt(file.root, path.slice(0, n));
        if (yamlNode?.range) {
          const { line, col } = file.lines.linePos(yamlNode.range[0]);
          return { file: relative(this.side.displayRoot, hit.file), line, col };
        }
      }
    }
    return undefined;
  }
}

/** Fills `location` of every change: head side for what exists there, base side for removals. */
export async function locateAll(
  changes: Change[],
  sides: {
    head: Side;
    base: Side;
    headBundle: string;
    baseBundle: string;
    /** The bundles already parsed, when the caller has them: the files are then not read again. */
    headDoc?: unknown;
    baseDoc?: unknown;
  },
): Promise<void> {
  // The promise is what is kept: the changes ask for their side's mapper all at once, and a
  // cache filled only after the read would build (and parse every source file) once per change.
  const bundles = new Map<string, Promise<SourceMapper>>();
  const mapper = (side: Side, bundleFile: string, doc: unknown): Promise<SourceMapper> => {
    let found = bundles.get(bundleFile);
    if (!found) {
      found =
        doc !== undefined
          ? Promise.resolve(new SourceMapper(doc, side))
          : readFile(bundleFile, "utf8").then((text) => new SourceMapper(JSON.parse(text), side));
      bundles.set(bundleFile, found);
    }
    return found;
  };
  await Promise.all(
    changes.map(async (change) => {
      const loc = sourceOf(change);
      if (!loc) {
        return;
      }
      const onHead = loc.side === "head";
      try {
        const found = await (
          await (onHead
            ? mapper(sides.head, sides.headBundle, sides.headDoc)
            : mapper(sides.base, sides.baseBundle, sides.baseDoc))
        ).locate(loc.pointer);
        if (found) {
          change.location = found;
        }
      } catch {
        // A location is a convenience: a source we cannot read leaves the change unannotated.
      }
    }),
  );
}

/** The node at `path`; for a mapping entry its key, so the line is the one that names it. */
function yamlAt(root: YamlNode | null, path: string[]): YamlNode | undefined {
  let node: unknown = root;
  let key: unknown;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find(
        (item) => String((item.key as { value?: unknown })?.value ?? item.key) === segment,
      );
      key = pair?.key;
      node = pair?.value;
    } else if (isSeq(node)) {
      key = undefined;
      node = node.items[Number(segment)];
    } else {
      return undefined;
    }
  }
  if (node === undefined || node === null) {
    return undefined;
  }
  return (key ?? node) as YamlNode;
}
