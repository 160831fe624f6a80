// RFC 4648 base64 of a string's UTF-8 bytes (the engine's TypeScript environment has
// neither btoa nor Buffer): padded in the standard alphabet (a kubeconfig's
// certificate-authority-data), or base64url without padding (a JWS's parts, RFC 7515).

import { utf8Bytes } from './utf8';

const STANDARD = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
export const BASE64URL_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

function encode(text: string, alphabet: string, pad: boolean): string {
  const bytes = utf8Bytes(text);
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = i + 2 < bytes.length ? 4 : i + 1 < bytes.length ? 3 : 2;
    for (let k = 0; k < 4; k++) {
      if (k < chars) out += alphabet[(n >>> (18 - 6 * k)) & 63];
      else if (pad) out += '=';
    }
  }
  return out;
}

/** Padded standard base64. */
export const base64 = (text: string): string => encode(text, STANDARD, true);

/** base64url without padding. */
export const base64url = (text: string): string => encode(text, BASE64URL_ALPHABET, false);
