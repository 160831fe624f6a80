// The cluster's one source of randomness: a seeded generator (mulberry32), so
// the same seed and inputs give the same names, IPs and endpoint choices.

/** apimachinery's utilrand alphabet: no vowels, no 0/1/3 (avoids bad words and ambiguity). */
const NAME_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

const HEX_DIGIT = '0123456789abcdef';
/** The RFC 4122 variant (binary 10xx) as the 17th hex digit of a UUID. */
const VARIANT = '89ab';

/** '00' … 'ff'. */
const HEX_BYTE = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

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
    let out = '';
    for (let i = 0; i < n; i++) out += NAME_ALPHABET[this.int(NAME_ALPHABET.length)];
    return out;
  }

  hex(n: number): string {
    let out = '';
    for (let i = 0; i < n; i++) out += '0123456789abcdef'[this.int(16)];
    return out;
  }

  /**
   * A version-4-shaped UUID drawn from the seeded stream: 32 hex digits from four 32-bit
   * draws, with the version nibble forced to 4 and the variant nibble to 8, 9, a or b.
   * Built from the draws by table (Number#toString(16) is slow above 2^31), without the
   * intermediate 32-digit string.
   */
  uuid(): string {
    const a = this.uint32();
    const b = this.uint32();
    const c = this.uint32();
    const d = this.uint32();
    // Hex digits 13 and 17 (from 1) are replaced: b's fifth nibble by the version, c's first
    // by the variant picked by that nibble's low two bits.
    return (
      HEX_BYTE[a >>> 24] + HEX_BYTE[(a >>> 16) & 0xff] + HEX_BYTE[(a >>> 8) & 0xff] + HEX_BYTE[a & 0xff] +
      '-' + HEX_BYTE[b >>> 24] + HEX_BYTE[(b >>> 16) & 0xff] +
      '-4' + HEX_DIGIT[(b >>> 8) & 0xf] + HEX_BYTE[b & 0xff] +
      '-' + VARIANT[(c >>> 28) & 3] + HEX_DIGIT[(c >>> 24) & 0xf] + HEX_BYTE[(c >>> 16) & 0xff] +
      '-' + HEX_BYTE[(c >>> 8) & 0xff] + HEX_BYTE[c & 0xff] +
      HEX_BYTE[d >>> 24] + HEX_BYTE[(d >>> 16) & 0xff] + HEX_BYTE[(d >>> 8) & 0xff] + HEX_BYTE[d & 0xff]
    );
  }
}
