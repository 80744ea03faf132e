import { DFA, getIntersectionWords, JS, NFA, transform, Transformers, visitAst, Words, type NoParent, type Expression } from "refa";

/**
 * How the values two patterns accept relate: the same values, fewer (`narrower`), more
 * (`wider`), some of each (`different`), or `unknown` when the patterns use what no finite
 * automaton decides (a backreference, a lookaround inside the pattern) or grow too large.
 */
export type PatternRelation = "same" | "narrower" | "wider" | "different" | "unknown";

/** The relation, with the shortest value the old pattern accepted and the new one refuses, and the reverse. */
export interface PatternComparison {
  relation: PatternRelation;
  /** A value the old pattern accepted and the new one refuses (absent when there is none, or unknown). */
  refused?: string;
  /** A value the new pattern accepts and the old one refused. */
  accepted?: string;
}

/** States a pattern's automaton may grow to before the comparison gives up as unknown. */
const MAX_NODES = 20_000;

/**
 * Compares what two Table Schema patterns accept, by language inclusion on finite automata
 * (refa): the old language is within the new one exactly when it shares no value with the new
 * one's complement. Patterns are read as `check-cell.ts` reads them, whole values in Unicode mode
 * (`^(?:pattern)$`, flag `u`). Nothing here guesses: a relation is reported only when decided.
 */
export function comparePatterns(before: string, after: string): PatternComparison {
  try {
    const old = automatonOf(before);
    const now = automatonOf(after);
    const refused = firstWordOutside(old, now);
    const accepted = firstWordOutside(now, old);
    const relation: PatternRelation = refused === undefined ? (accepted === undefined ? "same" : "wider") : accepted === undefined ? "narrower" : "different";
    return { relation, ...(refused !== undefined && { refused }), ...(accepted !== undefined && { accepted }) };
  } catch {
    return { relation: "unknown" };
  }
}

/** The shortest value `a` accepts and `b` refuses, or undefined when `a`'s values are all `b`'s. */
function firstWordOutside(a: NFA, b: NFA): string | undefined {
  const outside = DFA.fromFA(b, new DFA.LimitedNodeFactory(MAX_NODES));
  outside.complement();
  for (const word of getIntersectionWords(a, outside, MAX_NODES)) return Words.fromUnicodeToString(word);
  return undefined;
}

/**
 * The automaton of the values a pattern accepts as a whole. refa's automata have whole-word
 * semantics already; the pattern's own `^` and `$` (and any other assertion looking past the
 * ends of the value) can only be one-character negative looks there, which are always true at
 * the ends of a whole value, so they are removed; any other assertion left makes it unknown.
 */
function automatonOf(pattern: string): NFA {
  const { expression, maxCharacter } = JS.Parser.fromLiteral({ source: pattern, flags: "u" }).parse({ backreferences: "throw", assertions: "parse" });
  const simple = transform(Transformers.simplify(), expression);
  if (!onlyNegativeOneCharacterLooks(simple)) throw new Error("an assertion a finite automaton cannot decide");
  const whole = transform(Transformers.patternEdgeAssertions({ remove: true }), simple);
  return NFA.fromRegex(whole, { maxCharacter }, { assertions: "throw", unknowns: "throw" }, new NFA.LimitedNodeFactory(MAX_NODES));
}

function onlyNegativeOneCharacterLooks(expression: NoParent<Expression>): boolean {
  let ok = true;
  visitAst(expression, {
    onAssertionEnter(node) {
      const oneCharacter = node.alternatives.every((alt) => alt.elements.length === 1 && alt.elements[0]!.type === "CharacterClass");
      if (!node.negate || !oneCharacter) ok = false;
    },
  });
  return ok;
}
