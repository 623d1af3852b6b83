// The pairs written from the peers' rule lists, test suites and bug reports (oasdiff, Redocly,
// openapi-diff, optic, pb33f, api-smart-diff), in our own words: one or more per row of the peer
// verdict catalogue, each an edit of the template in template.ts. A row reads
// `section(id, change, Y or N, pair, { basis, note, source, bump })`: the id is the catalogue's
// row id, and the basis is the catalogue's consensus unless the row says otherwise.
import type { Pair } from "./case.js";
import { derivedPairs } from "./peers/derived.js";
import { documentPairs } from "./peers/document.js";
import { knownBugPairs } from "./peers/known-bugs.js";
import { parameterPairs } from "./peers/parameters.js";
import { pathPairs } from "./peers/paths.js";
import { requestPairs } from "./peers/requests.js";
import { responsePairs } from "./peers/responses.js";
import { securityPairs } from "./peers/security.js";

export const peers: Pair[] = [
  ...pathPairs,
  ...parameterPairs,
  ...requestPairs,
  ...responsePairs,
  ...securityPairs,
  ...documentPairs,
  ...knownBugPairs,
  ...derivedPairs,
];
