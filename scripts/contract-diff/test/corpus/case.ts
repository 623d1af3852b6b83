// One pair of the corpus: the change in words, the verdict the engine is held to, and where that
// verdict comes from, so that a failing test names its case and says why the expectation holds.
import type { Bump } from "../../src/types.js";
import type { Sides } from "./template.js";

/** Where an expected verdict comes from. */
export type Basis =
  /** The peers' catalogue: the tools agree (its Y, N and N+ rows). */
  | "consensus"
  /** This package's README decides it: the policy, the disputed-cases table or "How it works". */
  | "README"
  /** The peers disagree, the catalogue leans this way, and the README is silent. */
  | "lean"
  /** A deprecation, sunset or stability row: no wire change, and no such policy here. */
  | "policy-only"
  /** Worked out from who must accept the values (README "How it works" 5). */
  | "first principles";

export interface Pair extends Sides {
  /** A catalogue row id (a letter suffix marks a variant), `X..` for derived probes, `ours:..` for our contract. */
  id: string;
  /** The change, in words. */
  change: string;
  /** Whether the change breaks existing clients: the verdict the engine is held to. */
  breaking: boolean;
  basis: Basis;
  /** Where the case comes from: a catalogue section, a peer's issue, our contract. */
  source: string;
  /** Why the verdict holds, where it needs a word. */
  note?: string;
  /** The bump too, where the audit checked it ("none": nothing may be reported at all). */
  bump?: Bump;
  /**
   * The engine currently gives the other verdict, and this says why it is wrong. The runner then
   * expects the engine's verdict, so the test fails (and asks for this note to go) once it is fixed.
   */
  gap?: string;
}

export interface RowOptions {
  basis?: Basis;
  source?: string;
  note?: string;
  bump?: Bump;
  gap?: string;
}

/** Breaking and not breaking, written as the catalogue writes them. */
export const Y = true;
export const N = false;

/** Adds rows of one catalogue section to `into`; options override the section's source and basis. */
export function section(into: Pair[], source: string, basis: Basis = "consensus") {
  return (id: string, change: string, breaking: boolean, sides: Sides, options: RowOptions = {}): void => {
    into.push({ id, change, breaking, basis, source, ...options, ...sides });
  };
}
