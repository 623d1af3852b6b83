// Compares the languages of two JSON Schema `pattern`s. A pattern is an ECMA-262 regular
// expression that is not anchored: "abc" accepts every string containing "abc". Both are turned
// into finite automata with refa (the library eslint-plugin-regexp builds on) and compared as
// sets of strings. Lookarounds and backreferences that refa cannot reduce make it undecidable.
import { DFA, isDisjointWith, JS, NFA, Transformers, transform } from "refa";

export type Relation = "equal" | "narrower" | "wider" | "different" | "unknown";

export interface Comparison {
  relation: Relation;
  /** Why it is unknown: a construct automata cannot express, or automata too large to build. */
  reason?: "construct" | "size";
}

/** Length limits (`minLength`/`maxLength`) that hold together with the patterns. */
export interface Lengths {
  min: number;
  max: number;
}

const SIMPLIFY = Transformers.simplify({ ignoreAmbiguity: true, ignoreOrder: true });
const EDGES = Transformers.patternEdgeAssertions({ remove: true });
/** Guards against automata that blow up (a pattern such as `(a|b)*a(a|b){20}`): undecidable then. */
const MAX_NODES = 20_000;
/** Longer length limits are left out of the automata (they would only make them large). */
const MAX_LENGTH_IN_AUTOMATON = 1_000;

class TooLarge extends Error {}

const cache = new Map<string, NFA | null>();

/** The strings a pattern accepts somewhere inside them, or null when refa cannot model it. */
function language(pattern: string, flags: string): NFA | null {
  const key = `${flags}/${pattern}`;
  let result = cache.get(key);
  if (result === undefined) {
    try {
      result = build(pattern, flags);
    } catch {
      // Not valid with these flags (`\-` is not with `u`), or not reducible to an automaton.
      result = null;
    }
    cache.set(key, result);
  }
  return result;
}

function build(pattern: string, flags: string): NFA {
  new RegExp(pattern, flags);
  const parsed = JS.Parser.fromLiteral({ source: pattern, flags }).parse({
    backreferences: "throw",
    assertions: "parse",
  });
  // One automaton per top-level alternative: `^a|b$` anchors each alternative separately.
  const union = NFA.empty({ maxCharacter: parsed.maxCharacter });
  for (const alternative of parsed.expression.alternatives) {
    // Every flag pinned: left free, refa may print `[Aa]` as `A` with an `i` flag we would drop.
    const { source } = JS.toLiteral(alternative, {
      flags: {
        unicode: flags === "u",
        ignoreCase: false,
        multiline: false,
        dotAll: false,
        unicodeSets: false,
      },
    });
    const wrapped = JS.Parser.fromLiteral({ source: `^[^]*(?:${source})[^]*$`, flags }).parse({
      backreferences: "throw",
      assertions: "parse",
    });
    const expression = transform(SIMPLIFY, transform(EDGES, transform(SIMPLIFY, wrapped.expression)));
    const nfa = NFA.fromRegex(
      expression,
      { maxCharacter: wrapped.maxCharacter },
      { assertions: "throw" },
      new NFA.LimitedNodeFactory(MAX_NODES),
    );
    union.union(nfa);
  }
  return union;
}

/** Whether every string `a` accepts is accepted by `b`. */
function within(a: NFA, b: NFA): boolean {
  try {
    const complement = DFA.fromFA(b, new DFA.LimitedNodeFactory(MAX_NODES));
    complement.complement();
    return isDisjointWith(a, complement, MAX_NODES);
  } catch {
    throw new TooLarge();
  }
}

/**
 * How the strings the head accepts (every pattern, within the length limits) relate to those of
 * the base. `narrower`: the head accepts a strict subset.
 */
export function comparePatterns(
  base: readonly string[],
  head: readonly string[],
  lengths?: { base: Lengths; head: Lengths },
): Comparison {
  if (base.length === head.length && base.every((p, i) => p === head[i]) && !lengths) {
    return { relation: "equal" };
  }
  const quick =
    base.length === 1 && head.length === 1 ? byQuantifiers(base[0] ?? "", head[0] ?? "") : undefined;
  // With length limits beside the patterns, the bounds alone may overstate a change (a wider
  // `\d{1,15}` under `maxLength: 16` is no change): then the automata decide.
  const capped =
    lengths !== undefined && [lengths.base, lengths.head].some((l) => l.min > 0 || Number.isFinite(l.max));
  if (quick && !capped) {
    return { relation: quick };
  }
  const extra = (l: Lengths | undefined): string[] =>
    !l ||
    (l.min === 0 && l.max === Number.POSITIVE_INFINITY) ||
    l.max > MAX_LENGTH_IN_AUTOMATON ||
    l.min > MAX_LENGTH_IN_AUTOMATON
      ? []
      : [`^[^]{${l.min},${Number.isFinite(l.max) ? l.max : ""}}$`];
  const x = [...base, ...extra(lengths?.base)];
  const y = [...head, ...extra(lengths?.head)];
  try {
    // Both sides need one alphabet: Unicode mode when both patterns allow it, else UTF-16 units.
    let [a, b] = [conjunction(x, "u"), conjunction(y, "u")];
    if (a === null || b === null) {
      [a, b] = [conjunction(x, ""), conjunction(y, "")];
    }
    if (a === null || b === null) {
      return { relation: "unknown", reason: "construct" };
    }
    const headWithin = within(b, a);
    const baseWithin = within(a, b);
    if (headWithin && baseWithin) {
      return { relation: "equal" };
    }
    return { relation: headWithin ? "narrower" : baseWithin ? "wider" : "different" };
  } catch (error) {
    if (quick && error instanceof TooLarge) {
      // Too large with the length limits folded in: the bounds alone still order the patterns.
      return { relation: quick };
    }
    return { relation: "unknown", reason: error instanceof TooLarge ? "size" : "construct" };
  }
}

/** All patterns at once (`allOf` members may each add one); no pattern accepts every string. */
function conjunction(patterns: readonly string[], flags: string): NFA | null {
  let result: NFA | undefined;
  for (const pattern of patterns.length > 0 ? patterns : [""]) {
    const nfa = language(pattern, flags);
    if (nfa === null) {
      return null;
    }
    try {
      result = result ? NFA.fromIntersection(result, nfa, new NFA.LimitedNodeFactory(MAX_NODES)) : nfa;
    } catch {
      throw new TooLarge();
    }
  }
  return result ?? null;
}

const QUANTIFIER = /(?<!\\)\{(\d+)(?:(,)(\d*))?\}/g;
const NOT_MONOTONE = /\(\?<?[=!]|\\[1-9]|\\k</;

/**
 * Two patterns that differ only in the bounds of their counted repetitions (`{1,14}` to `{1,15}`):
 * a regular language only grows when a repetition may repeat more often, so containment follows
 * from the bounds alone, without building automata (which large bounds make slow). Lookarounds
 * and backreferences break that monotony; they take the automata path.
 */
function byQuantifiers(base: string, head: string): Relation | undefined {
  if (NOT_MONOTONE.test(base) || NOT_MONOTONE.test(head)) {
    return undefined;
  }
  const shape = (p: string): string => p.replace(QUANTIFIER, "{}");
  if (shape(base) !== shape(head)) {
    return undefined;
  }
  const ranges = (p: string): [number, number][] =>
    [...p.matchAll(QUANTIFIER)].map((m) => [
      Number(m[1]),
      m[2] === undefined ? Number(m[1]) : m[3] === "" ? Number.POSITIVE_INFINITY : Number(m[3]),
    ]);
  const was = ranges(base);
  const now = ranges(head);
  const inside = (x: [number, number], y: [number, number]): boolean => x[0] >= y[0] && x[1] <= y[1];
  const narrower = now.every((r, i) => inside(r, was[i] as [number, number]));
  const wider = was.every((r, i) => inside(r, now[i] as [number, number]));
  if (narrower && wider) {
    return "equal";
  }
  return narrower ? "narrower" : wider ? "wider" : undefined;
}

/**
 * The shortest and longest string the patterns accept, or undefined when they cannot be modelled:
 * `^\+[1-9]\d{1,14}$` makes a `maxLength: 16` beside it say nothing new.
 */
export function patternLengths(patterns: readonly string[]): Lengths | undefined {
  if (patterns.length === 0) {
    return undefined;
  }
  let nfa: NFA | null;
  try {
    nfa = conjunction(patterns, "u") ?? conjunction(patterns, "");
  } catch {
    return undefined;
  }
  if (nfa === null || nfa.isEmpty) {
    return undefined;
  }
  // Shortest accepted word by breadth-first search; longest by depth when the language is finite.
  const depth = new Map<NFA.ReadonlyNode, number>([[nfa.initial, 0]]);
  const queue: NFA.ReadonlyNode[] = [nfa.initial];
  let min = Number.POSITIVE_INFINITY;
  for (let i = 0; i < queue.length; i++) {
    const node = queue[i] as NFA.ReadonlyNode;
    const d = depth.get(node) ?? 0;
    if (nfa.finals.has(node as NFA.Node)) {
      min = Math.min(min, d);
    }
    for (const next of node.out.keys()) {
      if (!depth.has(next)) {
        depth.set(next, d + 1);
        queue.push(next);
      }
    }
  }
  return { min, max: nfa.isFinite ? longest(nfa) : Number.POSITIVE_INFINITY };
}

function longest(nfa: NFA): number {
  // Longest path to a final state, in reverse topological order (depth-first, without recursion:
  // `{0,5000}` makes a path 5000 states long). A cycle here never reaches a final state (the
  // language is finite), so a node met again while open adds nothing.
  const memo = new Map<NFA.ReadonlyNode, number>();
  const open = new Set<NFA.ReadonlyNode>();
  const stack: { node: NFA.ReadonlyNode; next: Iterator<NFA.ReadonlyNode> }[] = [
    { node: nfa.initial, next: nfa.initial.out.keys() },
  ];
  open.add(nfa.initial);
  while (stack.length > 0) {
    const top = stack[stack.length - 1] as (typeof stack)[number];
    const step = top.next.next();
    if (!step.done) {
      const child = step.value;
      if (!memo.has(child) && !open.has(child)) {
        open.add(child);
        stack.push({ node: child, next: child.out.keys() });
      }
      continue;
    }
    let best = nfa.finals.has(top.node as NFA.Node) ? 0 : Number.NEGATIVE_INFINITY;
    for (const child of top.node.out.keys()) {
      best = Math.max(best, 1 + (memo.get(child) ?? Number.NEGATIVE_INFINITY));
    }
    memo.set(top.node, best);
    open.delete(top.node);
    stack.pop();
  }
  return memo.get(nfa.initial) ?? Number.NEGATIVE_INFINITY;
}
