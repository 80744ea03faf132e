import { expect, it } from "vitest";
import { diffConstraints } from "../../src/release/diff-constraints.js";

it("treats ^ and $ around a Table Schema pattern as no change (patterns match whole values)", () => {
  expect(diffConstraints({ pattern: "^[A-Z]{2}$" }, { pattern: "[A-Z]{2}" })).toEqual([]);
  expect(diffConstraints({ pattern: "[A-Z]{2}" }, { pattern: "^[A-Z]{2}$" })).toEqual([]);
  // Neither holds the other: AA was accepted and is refused, AAA the reverse.
  expect(diffConstraints({ pattern: "^[A-Z]{2}$" }, { pattern: "[A-Z]{3}" })).toEqual([
    { constraint: "pattern", direction: "changed", before: "[A-Z]{2}", after: "[A-Z]{3}", refused: "AA", accepted: "AAA" },
  ]);
  // An escaped dollar is a character of the pattern, not an anchor.
  expect(diffConstraints({ pattern: "US\\$" }, { pattern: "US\\" })).toHaveLength(1);
});
