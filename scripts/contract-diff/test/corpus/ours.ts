// Single edits of our own contract, each with the verdict worked out from first principles (who
// must accept the values) or, where peers disagree, from the README. The contract is read at each
// run from packages/types/src/generated/openapi.json (the Redocly bundle of spec/openapi that the
// packages ship), so the mutations follow the contract as it changes.
import { readFileSync } from "node:fs";
import type { Policy } from "../../src/policy.js";
import type { Doc } from "../fixtures/cases.js";
import type { Pair } from "./case.js";
import { collector, schemaUsage } from "./ours/mutate.js";
import {
  documentMutations,
  headerMutations,
  mediaMutations,
  operationMutations,
  requestMutations,
  responseMutations,
  securityMutations,
  serverMutations,
} from "./ours/operation.js";
import { refactorMutations } from "./ours/refactors.js";
import { copyMutations, patternMutations, schemaMutations } from "./ours/schemas.js";

const CONTRACT = new URL("../../../../packages/types/src/generated/openapi.json", import.meta.url);

export function readContract(): Doc {
  return JSON.parse(readFileSync(CONTRACT, "utf8"));
}

/** Every mutation of `contract`; `policy` says which enums are open. */
export function ourMutations(contract: Doc, policy: Policy): Pair[] {
  const pairs: Pair[] = [];
  const add = collector(contract, pairs);
  const usage = schemaUsage(contract);
  schemaMutations(add, contract, usage, policy);
  patternMutations(add, usage);
  copyMutations(add);
  responseMutations(add, contract);
  headerMutations(add, contract);
  mediaMutations(add);
  requestMutations(add);
  operationMutations(add);
  securityMutations(add);
  serverMutations(add);
  documentMutations(add);
  refactorMutations(add);
  return pairs;
}
