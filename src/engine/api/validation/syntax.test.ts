// The character scans must accept exactly what apimachinery's regular expressions (and
// length limits) accept: compared on every short string over an alphabet of the
// interesting characters, and on random longer ones.
import { describe, expect, it } from 'vitest';
import { scanDNS1035Label, scanDNS1123Label, scanDNS1123Subdomain, scanLabelValue, scanPortName, scanQualifiedName } from './syntax';

const LABEL = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const QUALIFIED = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]';
const re = (s: string) => new RegExp(`^${s}$`);
const reference = {
  label: (s: string) => s.length <= 63 && re(LABEL).test(s),
  dns1035: (s: string) => s.length <= 63 && re('[a-z]([-a-z0-9]*[a-z0-9])?').test(s),
  subdomain: (s: string) => s.length <= 253 && re(`${LABEL}(\\.${LABEL})*`).test(s),
  labelValue: (s: string) => s.length <= 63 && re(`(${QUALIFIED})?`).test(s),
  qualifiedName: (s: string) => {
    const parts = s.split('/');
    if (parts.length > 2) return false;
    const name = parts[parts.length - 1];
    if (parts.length === 2 && !(parts[0].length > 0 && reference.subdomain(parts[0]))) return false;
    return name.length > 0 && name.length <= 63 && re(QUALIFIED).test(name);
  },
  portName: (s: string) => s.length <= 15 && /^[-a-z0-9]+$/.test(s) && /[a-z]/.test(s) && !s.includes('--') && s[0] !== '-' && s[s.length - 1] !== '-',
};

function agree(s: string): void {
  expect([s, scanDNS1123Label(s)]).toEqual([s, reference.label(s)]);
  expect([s, scanDNS1035Label(s)]).toEqual([s, reference.dns1035(s)]);
  expect([s, scanDNS1123Subdomain(s)]).toEqual([s, reference.subdomain(s)]);
  expect([s, scanLabelValue(s)]).toEqual([s, reference.labelValue(s)]);
  expect([s, scanQualifiedName(s)]).toEqual([s, reference.qualifiedName(s)]);
  expect([s, scanPortName(s)]).toEqual([s, reference.portName(s)]);
}

describe('name syntax scans agree with the regular expressions', () => {
  it('on every string of up to 4 characters from a-A0-._/ and space', () => {
    const alphabet = ['a', 'A', '0', '-', '.', '_', '/', ' '];
    let level = [''];
    for (let n = 0; n <= 4; n++) {
      for (const s of level) agree(s);
      level = level.flatMap((s) => alphabet.map((c) => s + c));
    }
  });

  it('on random strings around the length limits', () => {
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff);
    const chars = 'abz09AZ-._/';
    for (let t = 0; t < 3000; t++) {
      const len = [1, 14, 15, 16, 62, 63, 64, 252, 253, 254, 300][next() % 11];
      let s = '';
      for (let i = 0; i < len; i++) s += next() % 4 === 0 ? chars[next() % chars.length] : 'abc'[next() % 3];
      agree(s);
    }
  });
});
