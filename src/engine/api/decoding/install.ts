// Installs the request-body check (bodyCheck.ts) into the API server's decoding step
// (../requestDecoding.ts). Called with the command line, which brings the schema along.
// Field validation as handlers/create.go, update.go and patch.go apply it: Strict fails the
// request with the strict errors, Warn adds one warning per error (addStrictDecodingWarnings:
// the error's text, which kubectl prints as `Warning: unknown field "spec.foo"`), Ignore says
// nothing; either way the unknown fields are not stored.
import { installRequestBodyDecoder } from '../requestDecoding';
import { checkRequestBody, HAS_UNKNOWN_FIELDS, repairBody, strictFailure, unknownFields } from './bodyCheck';
import { DecodeError } from './decodeError';

export function installRequestDecoding(): void {
  installRequestBodyDecoder({
    decode(info, obj, validation, warnings) {
      const result = checkRequestBody(info.kind, obj);
      if (typeof result !== 'number') throw new DecodeError(info, result);
      if (result & HAS_UNKNOWN_FIELDS && validation !== 'Ignore') {
        const unknown = unknownFields(info.kind, obj);
        if (validation === 'Strict') throw new DecodeError(info, strictFailure(unknown));
        warnings?.push(...unknown);
      }
      return result;
    },
    repair: repairBody,
  });
}
