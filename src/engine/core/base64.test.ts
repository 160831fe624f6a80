import { describe, expect, it } from 'vitest';
import { base64, base64url } from './base64';

describe('base64 (RFC 4648 §10 test vectors, of UTF-8 text)', () => {
  it('pads in the standard alphabet', () => {
    expect(['', 'f', 'fo', 'foo', 'foob', 'fooba', 'foobar'].map(base64)).toEqual(['', 'Zg==', 'Zm8=', 'Zm9v', 'Zm9vYg==', 'Zm9vYmE=', 'Zm9vYmFy']);
    expect(base64('>>>???')).toBe('Pj4+Pz8/');
    expect(base64('é')).toBe('w6k=');
  });

  it('base64url: - and _ for + and /, no padding (RFC 7515 JWS parts)', () => {
    expect(base64url('>>>???')).toBe('Pj4-Pz8_');
    expect(base64url('fo')).toBe('Zm8');
    expect(base64url('{"alg":"RS256"}')).toBe('eyJhbGciOiJSUzI1NiJ9');
  });
});
