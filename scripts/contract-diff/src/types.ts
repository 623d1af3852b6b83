import type { Direction } from "./findings.js";

export type Bump = "major" | "minor" | "patch" | "none";

export interface SourceLocation {
  file: string;
  line: number;
  col: number;
}

/** One classified change; the first eight fields are the public JSON contract of `--format json`. */
export interface Change {
  rule: string;
  breaking: boolean;
  bump: Exclude<Bump, "none">;
  operation: string | null;
  pointer: string;
  before: unknown;
  after: unknown;
  message: string;
  /** Every operation the changed node reaches (a shared component can reach several). */
  operations: string[];
  directions: Direction[];
  /** Where the change sits: in the spec source when known, else in the bundle. */
  location?: SourceLocation;
}

export interface DiffResult {
  bump: Bump;
  changes: Change[];
}
