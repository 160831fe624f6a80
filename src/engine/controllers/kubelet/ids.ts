// Identifiers and timings the kubelet derives from stable inputs (pod uid,
// container name, attempt) rather than from the cluster's shared random
// stream: the same pod gets the same container IDs and start delay, and a
// new pod elsewhere does not shift anyone else's names.

import { fnv1a, SeededRandom } from '../../core/random';

export { fnv1a };

const HEX_DIGITS = '0123456789abcdef';
/** Character codes of one id being drawn, reused: an id is built as one flat string, not 64 concatenations. */
const codes: number[] = [];

/** A seed: its text, or the fnv1a hash of its text. */
export type Seed = string | number;

const hashOf = (seed: Seed): number => (typeof seed === 'number' ? seed : fnv1a(seed));

/**
 * `n` hex digits drawn from `seed` (the same digits as SeededRandom.hex), after `prefix`:
 * one flat string (a prefix added with `+` would be retained as a two-part ConsString).
 */
export function stableHex(seed: Seed, n: number, prefix = ''): string {
  const random = new SeededRandom(hashOf(seed));
  const p = prefix.length;
  codes.length = p + n;
  for (let i = 0; i < p; i++) codes[i] = prefix.charCodeAt(i);
  for (let i = 0; i < n; i++) codes[p + i] = HEX_DIGITS.charCodeAt(random.int(16));
  return String.fromCharCode.apply(null, codes);
}

/** An integer in [min, max] drawn from `seed`. */
export function stableInt(seed: Seed, min: number, max: number): number {
  return min + new SeededRandom(hashOf(seed)).int(max - min + 1);
}
