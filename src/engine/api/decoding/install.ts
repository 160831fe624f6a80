// Installs the request-body type check (bodyCheck.ts) into the API server's decoding step
// (../requestDecoding.ts). Called with the command line, which brings the schema along.
import { installRequestBodyDecoder } from '../requestDecoding';
import { checkRequestBody, fillZeroValues } from './bodyCheck';
import { DecodeError } from './decodeError';

export function installRequestDecoding(): void {
  installRequestBodyDecoder({
    decode(info, obj) {
      const result = checkRequestBody(info.kind, obj);
      if (result === 'zero-fill') return true;
      if (result) throw new DecodeError(info, result);
      return false;
    },
    fillZeroValues,
  });
}
