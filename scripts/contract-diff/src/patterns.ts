// Compares the languages of two JSON Schema `pattern`s. A pattern is an ECMA-262 regular
// expression that is not anchored: "abc" accepts every string containing "abc". Both are turned
// into finite automata with refa (the library eslint-plugin-regexp builds on) and compared as
// sets of strings. Lookarounds and backreferences that refa cannot reduce make it undecidable.
import { DFA, isDisjointWith, JS, NFA, Transformers, transform } from "refa";

export type Relation = "equal" | "narrower" | "wider" | "different" | "unknown";

const SIMPLIFY = Transformers.simplify({ ignoreAmbiguity: true, ignoreOrder: true });
const EDGES = Transformers.patternEdgeAssertions({ remove: true });
/** Guards against automata that blow up (a pattern such as `(a|b)*a(a|b){20}`): undecidable then. */
const MAX_NODES = 20_000;

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
    const nfa = NFA.fromRegex(expression, { maxCharacter: wrapped.maxCharacter }, { assertions: "throw" });
    union.union(nfa);
  }
  return union;
}

/** Whether every string `a` accepts is accepted by `b`. */
function within(a: NFA, b: NFA): boolean {
  const complement = DFA.fromFA(b, new DFA.LimitedNodeFactory(MAX_NODES));
  complement.complement();
  return isDisjointWith(a, complement, MAX_NODES);
}

/**
 * How the strings the head patterns accept (all must match) relate to those of the base patterns.
 * `narrower`: the head accepts a strict subset.
 */
export function comparePatterns(base: readonly string[], head: readonly string[]): Relation {
  if (base.length === head.length && base.every((p, i) => p === head[i])) {
    return "equal";
  }
  try {
    // Both sides need one alphabet: Unicode mode when both patterns allow it, else UTF-16 units.
    let [a, b] = [conjunction(base, "u"), conjunction(head, "u")];
    if (a === null || b === null) {
      [a, b] = [conjunction(base, ""), conjunction(head, "")];
    }
    if (a === null || b === null) {
      return "unknown";
    }
    const headWithin = within(b, a);
    const baseWithin = within(a, b);
    if (headWithin && baseWithin) {
      return "equal";
    }
    return headWithin ? "narrower" : baseWithin ? "wider" : "different";
  } catch {
    return "unknown";
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
    result = result ? NFA.fromIntersection(result, nfa, new NFA.LimitedNodeFactory(MAX_NODES)) : nfa;
  }
  return result ?? null;
}
