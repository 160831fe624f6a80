import { describe, expect, it } from 'vitest';
import { SeededRandom } from './random';

/** The UUID the four next 32-bit draws of `r` give, written out the plain way. */
function referenceUuid(r: SeededRandom): string {
  let hex = '';
  for (let i = 0; i < 4; i++) hex += (r.next() * 2 ** 32).toString(16).padStart(8, '0');
  const variant = '89ab'[parseInt(hex[16], 16) & 3];
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20)}`;
}

describe('SeededRandom', () => {
  it('draws version-4 UUIDs from the seeded stream', () => {
    const a = new SeededRandom(42);
    const b = new SeededRandom(42);
    for (let i = 0; i < 2000; i++) {
      const id = a.uuid();
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(id).toBe(referenceUuid(b));
    }
  });

  it('draws name suffixes from the apimachinery alphabet, one draw per character', () => {
    const a = new SeededRandom(7);
    const b = new SeededRandom(7);
    const alphabet = 'bcdfghjklmnpqrstvwxz2456789';
    for (let i = 0; i < 500; i++) {
      const n = i % 8;
      let want = '';
      for (let j = 0; j < n; j++) want += alphabet[b.int(alphabet.length)];
      expect(a.nameSuffix(n)).toBe(want);
    }
    expect(a.nameSuffix()).toHaveLength(5);
  });

  it('repeats the same sequence from a saved position', () => {
    const r = new SeededRandom(1);
    const at = r.save();
    const first = [r.uuid(), r.nameSuffix(), r.hex(8)];
    r.restore(at);
    expect([r.uuid(), r.nameSuffix(), r.hex(8)]).toEqual(first);
  });
});
