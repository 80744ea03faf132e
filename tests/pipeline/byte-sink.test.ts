import { describe, expect, it } from "vitest";
import { createRandom } from "../../src/bench/prng.js";
import { ByteSink } from "../../src/write/byte-sink.js";

// The writers put their files together in a ByteSink: its bytes must be exactly the UTF-8 of its
// pieces, each encoded as Buffer.from encodes it (a lone surrogate as U+FFFD, even where the next
// piece starts with its other half), however the pieces fall and whichever buffer it was handed.
const PIECES = ["a", "", "plain text, ", "é", "议会", "\u{1F600}", "\uD800", "\uDC00x", "\n", '"q"', "x".repeat(5_000)];

function pieces(seed: number, count: number): string[] {
  const random = createRandom(seed);
  return Array.from({ length: count }, () => random.pick(PIECES));
}

const utf8 = (parts: readonly string[]) => Buffer.concat(parts.map((p) => Buffer.from(p, "utf8")));

function sink(parts: readonly string[], expected?: number): Uint8Array {
  const out = new ByteSink(expected);
  for (const p of parts) out.write(p);
  return out.bytes();
}

describe("ByteSink", () => {
  it("gives the bytes of its pieces, lone surrogates and characters of four bytes included, growing from one byte", () => {
    for (let seed = 1; seed <= 20; seed++) {
      const parts = pieces(seed, 500);
      expect(Buffer.from(sink(parts, 1)).equals(utf8(parts)), `seed ${seed}`).toBe(true);
    }
  });

  it("hands each file bytes of its own, though the buffer written into passes from sink to sink", () => {
    const first = pieces(1, 2_000);
    const second = pieces(2, 10);
    const a = sink(first);
    const b = sink(second, 4);
    const c = sink(pieces(3, 3_000), 1 << 20);
    expect(Buffer.from(a).equals(utf8(first))).toBe(true);
    expect(Buffer.from(b).equals(utf8(second))).toBe(true);
    for (const bytes of [a, b, c]) expect(bytes.buffer.byteLength).toBe(bytes.length);
  });

  it("is finished once: its bytes are taken once", () => {
    const out = new ByteSink();
    out.write("x");
    out.bytes();
    expect(() => out.bytes()).toThrow(/twice/);
  });
});
