// Identifiers and timings the kubelet derives from stable inputs (pod uid,
// container name, attempt) rather than from the cluster's shared random
// stream: the same pod gets the same container IDs and start delay, and a
// new pod elsewhere does not shift anyone else's names.

import { fnv1a } from '../../core/random';

export { fnv1a };

const HEX_DIGITS = '0123456789abcdef';
/** Character codes of one id being drawn, reused: an id is built as one flat string, not 64 concatenations. */
const codes: number[] = [];

/** A seed: its text, or the fnv1a hash of its text. */
export type Seed = string | number;

const hashOf = (seed: Seed): number => (typeof seed === 'number' ? seed : fnv1a(seed));

/** mulberry32's state increment (core/random.ts SeededRandom). */
const MULBERRY_STEP = 0x6d2b79f5;

/**
 * mulberry32's output for a state, as SeededRandom.uint32 computes it after stepping to
 * `state`. The kubelet draws 64 digits for every container it starts: drawn here in one
 * loop, without a generator object and three method calls per digit (most of this runs
 * before the optimizing compiler has caught up). units.test.ts checks it against SeededRandom.
 */
function mulberry(state: number): number {
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return (t ^ (t >>> 14)) >>> 0;
}

/**
 * `n` hex digits drawn from `seed` (the same digits as SeededRandom.hex), after `prefix`:
 * one flat string (a prefix added with `+` would be retained as a two-part ConsString).
 */
export function stableHex(seed: Seed, n: number, prefix = ''): string {
  let state = hashOf(seed) >>> 0;
  const p = prefix.length;
  codes.length = p + n;
  for (let i = 0; i < p; i++) codes[i] = prefix.charCodeAt(i);
  for (let i = 0; i < n; i++) {
    state = (state + MULBERRY_STEP) >>> 0;
    // SeededRandom.int(16) is floor(uint32 / 2^32 * 16): exactly the top four bits.
    codes[p + i] = HEX_DIGITS.charCodeAt(mulberry(state) >>> 28);
  }
  return String.fromCharCode.apply(null, codes);
}

/** An integer in [min, max] drawn from `seed` (SeededRandom.int's first draw: the same float arithmetic). */
export function stableInt(seed: Seed, min: number, max: number): number {
  const first = mulberry(((hashOf(seed) >>> 0) + MULBERRY_STEP) >>> 0);
  return min + Math.floor((first / 4294967296) * (max - min + 1));
}
