// The cluster's one source of randomness: a seeded generator (mulberry32), so
// the same seed and inputs give the same names, IPs and endpoint choices.

/** apimachinery's utilrand alphabet: no vowels, no 0/1/3 (avoids bad words and ambiguity). */
const NAME_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

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
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
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

  /** 32 random bits as 8 hex digits (by table: Number#toString(16) is slow above 2^31). */
  private word(): string {
    const n = Math.floor(this.next() * 4294967296);
    return HEX_BYTE[n >>> 24] + HEX_BYTE[(n >>> 16) & 0xff] + HEX_BYTE[(n >>> 8) & 0xff] + HEX_BYTE[n & 0xff];
  }

  /** A version-4-shaped UUID drawn from the seeded stream. */
  uuid(): string {
    const h = this.word() + this.word() + this.word() + this.word();
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${'89ab'[parseInt(h[16], 16) & 3]}${h.slice(17, 20)}-${h.slice(20, 32)}`;
  }
}
