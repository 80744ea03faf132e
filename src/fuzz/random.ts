// The fuzzer draws its mutations from the same seeded generator as the synthetic corpus.
export { createRandom, type Random } from "../bench/prng.js";
