// Identifiers and timings the kubelet derives from stable inputs (pod uid,
// container name, attempt) rather than from the cluster's shared random
// stream: the same pod gets the same container IDs and start delay, and a
// new pod elsewhere does not shift anyone else's names.

import { SeededRandom } from '../../core/random';

/** FNV-1a 32-bit hash of a string. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

export function stableHex(seed: string, n: number): string {
  return new SeededRandom(fnv1a(seed)).hex(n);
}

/** An integer in [min, max] drawn from `seed`. */
export function stableInt(seed: string, min: number, max: number): number {
  return min + new SeededRandom(fnv1a(seed)).int(max - min + 1);
}
