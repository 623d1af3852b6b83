// What every mutation of our contract needs: who reads each component schema (the API, clients or
// both), whether a move of the accepted values breaks them, and a collector that turns one edit of
// a copy of the contract into a case.
import { resolvePointer } from "../../../src/pointer.js";
import type { Doc } from "../../fixtures/cases.js";
import type { Basis, Pair, RowOptions } from "../case.js";

/** The only operation of our contract. */
export const OP = "#/paths/~1api~1v1~1voice~1calls/post";
export const SCHEMAS = "#/components/schemas";

/** The node a pointer names (undefined where the path breaks). */
export const at = (doc: Doc, pointer: string): Doc => resolvePointer(doc, pointer);

/** How an edit moves the values a schema accepts. */
export type Effect = "narrow" | "widen" | "both" | "none";

/** Who must accept a schema's values: the API (requests), clients (responses), or both. */
export interface Usage {
  request: boolean;
  response: boolean;
}

/** README "How it works" 5: a request may only widen, a response only narrow. */
export function breaks(effect: Effect, usage: Usage): boolean {
  if (effect === "both") {
    return true;
  }
  return (effect === "narrow" && usage.request) || (effect === "widen" && usage.response);
}

export function usageName(usage: Usage): string {
  if (usage.request && usage.response) {
    return "shared schema";
  }
  return usage.request ? "request-only schema" : usage.response ? "response-only schema" : "unused schema";
}

/** Which component schemas each direction reaches, following `$ref`s from every operation. */
export function schemaUsage(contract: Doc): Map<string, Usage> {
  const usage = new Map<string, Usage>();
  const seen = new Set<string>();
  const walk = (node: unknown, side: keyof Usage): void => {
    if (Array.isArray(node)) {
      for (const item of node) {
        walk(item, side);
      }
      return;
    }
    if (typeof node !== "object" || node === null) {
      return;
    }
    const { $ref, example, examples, ...rest } = node as Doc;
    if (typeof $ref === "string") {
      const name = /^#\/components\/schemas\/([^/]+)$/.exec($ref)?.[1];
      if (name) {
        const entry = usage.get(name) ?? { request: false, response: false };
        entry[side] = true;
        usage.set(name, entry);
      }
      if (!seen.has(`${side} ${$ref}`)) {
        seen.add(`${side} ${$ref}`);
        walk(at(contract, $ref), side);
      }
    }
    for (const value of Object.values(rest)) {
      walk(value, side);
    }
  };
  for (const item of Object.values<Doc>(contract.paths)) {
    for (const op of Object.values<Doc>(item)) {
      if (typeof op === "object" && op !== null && !Array.isArray(op)) {
        walk(op.parameters, "request");
        walk(op.requestBody, "request");
        walk(op.responses, "response");
      }
    }
  }
  return usage;
}

export interface MutationInfo extends RowOptions {
  /** What the edited part is to the API: "response-only schema", "request", "security"... */
  where: string;
}

/** Adds one case: `edit` applied to a copy of the contract, with its expected verdict. */
export type Add = (
  id: string,
  change: string,
  edit: (doc: Doc) => void,
  breaking: boolean,
  info: MutationInfo,
) => void;

export function collector(contract: Doc, into: Pair[]): Add {
  return (id, change, edit, breaking, { where, basis, ...options }) => {
    const head = structuredClone(contract);
    edit(head);
    into.push({
      id: `ours:${id}`,
      change,
      breaking,
      basis: basis ?? ("first principles" satisfies Basis),
      source: `our contract, ${where}`,
      ...options,
      base: contract,
      head,
    });
  };
}
