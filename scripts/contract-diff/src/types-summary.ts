// What the diff does to the generated TypeScript: runs openapi-typescript (the same version and
// flags as packages/types) on both bundles and compares every member, flattened to a dotted name.
import { readFile } from "node:fs/promises";
import openapiTS from "openapi-typescript";
import ts from "typescript";

export interface TypesSummary {
  added: string[];
  removed: string[];
  changed: { name: string; before: string; after: string }[];
}

const printer = ts.createPrinter({ removeComments: true, omitTrailingSemicolon: true });
const scratchFile = ts.createSourceFile("types.ts", "", ts.ScriptTarget.ES2022, false, ts.ScriptKind.TS);

async function members(bundlePath: string): Promise<Map<string, string>> {
  const doc = JSON.parse(await readFile(bundlePath, "utf8")) as Parameters<typeof openapiTS>[0];
  const nodes = await openapiTS(doc, { defaultNonNullable: false, silent: true });
  const out = new Map<string, string>();
  const visit = (type: ts.Node, name: string): void => {
    if (!ts.isTypeLiteralNode(type)) {
      out.set(name, printer.printNode(ts.EmitHint.Unspecified, type, scratchFile).replace(/\s+/g, " "));
      return;
    }
    for (const member of type.members) {
      if (ts.isPropertySignature(member) && member.type) {
        const key = printer.printNode(ts.EmitHint.Unspecified, member.name, scratchFile);
        visit(member.type, `${name}.${key.replace(/^"|"$/g, "")}${member.questionToken ? "?" : ""}`);
      } else {
        out.set(
          `${name}[${out.size}]`,
          printer.printNode(ts.EmitHint.Unspecified, member, scratchFile).replace(/\s+/g, " "),
        );
      }
    }
  };
  for (const node of nodes) {
    if (ts.isInterfaceDeclaration(node) && ["components", "operations", "paths"].includes(node.name.text)) {
      visit(ts.factory.createTypeLiteralNode(node.members), node.name.text.replace(/^components$/, ""));
    } else if (ts.isTypeAliasDeclaration(node)) {
      visit(node.type, node.name.text);
    }
  }
  return out;
}

/** Compares names ignoring the optional marker, so `a?` -> `a` shows as a change, not a swap. */
export async function summariseTypes(baseBundle: string, headBundle: string): Promise<TypesSummary> {
  const [before, after] = await Promise.all([members(baseBundle), members(headBundle)]);
  const strip = (name: string): string => name.replace(/\?/g, "").replace(/^\./, "");
  const index = (map: Map<string, string>): Map<string, { name: string; type: string }> =>
    new Map([...map].map(([name, type]) => [strip(name), { name: name.replace(/^\./, ""), type }]));
  const was = index(before);
  const now = index(after);
  const summary: TypesSummary = { added: [], removed: [], changed: [] };
  for (const [key, value] of now) {
    const old = was.get(key);
    if (!old) {
      summary.added.push(value.name);
    } else if (old.type !== value.type || old.name !== value.name) {
      summary.changed.push({
        name: value.name,
        before: `${old.name}: ${old.type}`,
        after: `${value.name}: ${value.type}`,
      });
    }
  }
  for (const [key, value] of was) {
    if (!now.has(key)) {
      summary.removed.push(value.name);
    }
  }
  return summary;
}
