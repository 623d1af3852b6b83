export { classify, keywordEffect, maxBump } from "./classify.js";
export { type Comparison, compare, diffBundles } from "./diff.js";
export { EXIT_OK, EXIT_UNRELEASED_BREAK, EXIT_USAGE, UsageError } from "./errors.js";
export { checkReleasePlan, type GateResult, requiredBump } from "./gate.js";
export { defaultPolicy, loadPolicy, type Policy, parsePolicy } from "./policy.js";
export { COMMENT_MARKER, toGithub, toJson, toMarkdown } from "./render.js";
export type { Bump, Change, DiffResult } from "./types.js";
export { summariseTypes, type TypesSummary } from "./types-summary.js";
