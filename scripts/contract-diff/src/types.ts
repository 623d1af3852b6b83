import type { Direction } from "./usage.js";

export type Bump = "major" | "minor" | "patch" | "none";

/** One change as Redocly 2.77 reports it in `diff --format json` (the fields this tool reads). */
export interface RedoclyChange {
  path: string;
  typeName: string;
  kind: "added" | "removed" | "modified";
  impact: "major" | "minor" | "patch";
  property?: string;
  verdicts: { ruleId: string; impact: string; message: string; location?: RedoclyLocation }[];
  base?: RedoclyLocation & { value?: unknown };
  revision?: RedoclyLocation & { value?: unknown };
}

export interface RedoclyLocation {
  file: string;
  pointer: string;
  line?: number;
  col?: number;
}

export interface RedoclyReport {
  bump?: "major" | "minor" | "patch";
  changes: RedoclyChange[];
}

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
  /** Set when this tool's verdict differs from Redocly's, saying what Redocly said. */
  corrected?: string;
  /** Where the change sits: in the spec source when known, else in the bundle. */
  location?: SourceLocation;
}

export interface DiffResult {
  bump: Bump;
  changes: Change[];
}
