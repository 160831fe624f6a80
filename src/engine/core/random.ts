// The cluster's one source of randomness: a seeded generator (mulberry32), so
// the same seed and inputs give the same names, IPs and endpoint choices.

/** apimachinery's utilrand alphabet: no vowels, no 0/1/3 (avoids bad words and ambiguity). */
const NAME_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/** Character codes of the hex digits '0' … 'f'. */
const HEX_CODE = Array.from('0123456789abcdef', (c) => c.charCodeAt(0));
/** The RFC 4122 variant (binary 10xx) as the 17th hex digit of a UUID: 8, 9, a or b. */
const VARIANT_CODE = Array.from('89ab', (c) => c.charCodeAt(0));
const NAME_CODE = Array.from(NAME_ALPHABET, (c) => c.charCodeAt(0));
const DASH = '-'.charCodeAt(0);
const FOUR = '4'.charCodeAt(0);

/**
 * Scratch buffer for uuid(): its 36 character codes, dashes in place. Generated strings
 * are kept (uids, names) as long as their objects, so they are built in one piece with
 * String.fromCharCode: a string built by concatenation is in V8 a tree of its pieces
 * (32 bytes each) until something reads it by index.
 */
const uuidCodes: number[] = Array.from('xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx', (c) => (c === '-' ? DASH : 0));
const suffixCodes: number[] = [];

/** Writes the low `n` hex digits of `value` (most significant first) at `at`. */
function putHex(codes: number[], at: number, value: number, n: number): void {
  for (let i = at + n - 1; i >= at; i--) {
    codes[i] = HEX_CODE[value & 0xf];
    value >>>= 4;
  }
}

/**
 * FNV-1a 32-bit hash of a string: a seed for a generator of its own, drawn from stable
 * inputs (a pod's uid …) rather than the cluster's shared stream. `from` continues the hash
 * of a prefix: fnv1a(b, fnv1a(a)) === fnv1a(a + b), so seeds sharing a prefix hash it once.
 */
export function fnv1a(text: string, from = 0x811c9dc5): number {
  let h = from;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** The generator's position, so a caller can undo draws that must leave no trace (the editor's dry runs). */
  save(): number {
    return this.state;
  }

  restore(state: number): void {
    this.state = state >>> 0;
  }

  /** Uniform float in [0, 1). */
  next(): number {
    return this.uint32() / 4294967296;
  }

  /** The next 32 random bits as an unsigned integer (next() is this over 2^32, exactly). */
  private uint32(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  /** Integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** `n` characters from the alphabet Kubernetes uses for generated name suffixes. */
  nameSuffix(n = 5): string {
    suffixCodes.length = n;
    for (let i = 0; i < n; i++) suffixCodes[i] = NAME_CODE[this.int(NAME_CODE.length)];
    return String.fromCharCode(...suffixCodes);
  }

  hex(n: number): string {
    let out = '';
    for (let i = 0; i < n; i++) out += '0123456789abcdef'[this.int(16)];
    return out;
  }

  /**
   * A version-4-shaped UUID drawn from the seeded stream: 32 hex digits from four 32-bit
   * draws, with the version nibble forced to 4 and the variant nibble to 8, 9, a or b.
   */
  uuid(): string {
    const a = this.uint32();
    const b = this.uint32();
    const c = this.uint32();
    const d = this.uint32();
    const s = uuidCodes;
    putHex(s, 0, a, 8);
    // b's fifth hex digit is replaced by the version, c's first by the variant picked by
    // that digit's low two bits.
    putHex(s, 9, b >>> 16, 4);
    s[14] = FOUR;
    putHex(s, 15, b, 3);
    s[19] = VARIANT_CODE[(c >>> 28) & 3];
    putHex(s, 20, c >>> 16, 3);
    putHex(s, 24, c, 4);
    putHex(s, 28, d, 8);
    return String.fromCharCode(...s);
  }
}
