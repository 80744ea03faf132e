/** A small seeded pseudo-random source: the same seed always gives the same sequence. */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [low, high], both included. */
  int(low: number, high: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  /** One item, uniformly. */
  pick<T>(items: readonly T[]): T;
  /** One item, favouring the first ones: index ~ n·u^skew (skew 1 = uniform). */
  pickSkewed<T>(items: readonly T[], skew: number): T;
  /** An index drawn with the given non-negative weights. */
  weighted(weights: readonly number[]): number;
  /** k distinct items (k ≤ items.length), in drawing order. */
  sample<T>(items: readonly T[], k: number): T[];
  /** An independent stream for one purpose, so that one stage's draws do not shift another's. */
  fork(label: string): Random;
}

/**
 * mulberry32 seeded through splitmix32: tiny, fast, and good enough for synthetic data (not for
 * anything secret). Seeds are 32-bit; larger integers are folded in.
 */
export function createRandom(seed: number): Random {
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be a safe integer, not ${seed}`);
  return fromState(splitmix32((seed >>> 0) ^ Math.floor(seed / 2 ** 32)));
}

function fromState(initial: number): Random {
  let state = initial >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (low: number, high: number) => low + Math.floor(next() * (high - low + 1));
  const random: Random = {
    next,
    int,
    chance: (p) => next() < p,
    pick: (items) => {
      if (items.length === 0) throw new RangeError("pick from an empty list");
      return items[Math.floor(next() * items.length)]!;
    },
    pickSkewed: (items, skew) => {
      if (items.length === 0) throw new RangeError("pick from an empty list");
      return items[Math.floor(items.length * next() ** skew)]!;
    },
    weighted: (weights) => {
      const total = weights.reduce((a, b) => a + b, 0);
      let u = next() * total;
      for (let i = 0; i < weights.length; i++) {
        u -= weights[i]!;
        if (u < 0) return i;
      }
      return weights.length - 1;
    },
    sample: (items, k) => {
      const pool = [...items];
      const out: (typeof items)[number][] = [];
      for (let i = 0; i < k && pool.length > 0; i++) out.push(pool.splice(Math.floor(next() * pool.length), 1)[0]!);
      return out;
    },
    fork: (label) => fromState(splitmix32(initial ^ hashLabel(label))),
  };
  return random;
}

function splitmix32(x: number): number {
  let z = (x + 0x9e3779b9) >>> 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
  return (z ^ (z >>> 16)) >>> 0;
}

/** FNV-1a: a stable 32-bit hash of a label. */
function hashLabel(label: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < label.length; i++) h = Math.imul(h ^ label.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}
