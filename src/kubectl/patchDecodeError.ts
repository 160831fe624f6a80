// A PATCH whose result does not decode into the kind's Go type. The server reports it as a
// 422 on the field `patch`, not as the 400 a POST or PUT body gets, and kubectl prints
// `The request is invalid: patch: Invalid value: "<patch>": <error>`.
// Sources: apiserver pkg/endpoints/handlers/patch.go (applyPatchToObject: strategic merge
// patches, the patch map printed with %+v, the error from runtime.DefaultUnstructuredConverter;
// jsonPatcher.applyPatchToCurrentObject: merge and JSON patches, the patched JSON and the
// json decoder's error). A user's report of the same shape: github.com/Winson-030/dify-kubernetes
// issue 1 (`The request is invalid: patch: Invalid value: "map[spec:map[...]]": strict decoding error: …`).

import { DecodeError } from '../engine/api/decoding/decodeError';
import { apiErrors, field, goQuote } from '../engine/core/errors';

/** Go's %+v of a value decoded from JSON into interface{}: `map[a:1 b:[x y]]`, keys sorted. */
export function goPrint(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (Array.isArray(v)) return `[${v.map(goPrint).join(' ')}]`;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `map[${Object.keys(o).sort().map((k) => `${k}:${goPrint(o[k])}`).join(' ')}]`;
  }
  return String(v);
}

/** `e` as the PATCH handler would report it, if it is a decoding failure; otherwise `e` itself. */
export function asPatchError(e: unknown, patch: unknown, kind: 'strategic' | 'merge' | 'json', patched?: unknown): unknown {
  if (!(e instanceof DecodeError)) return e;
  const [shown, detail] = kind === 'strategic' ? [goPrint(patch), e.failure.converter] : [JSON.stringify(patched), e.failure.json];
  return apiErrors.invalid('', '', [field.invalidRaw('patch', goQuote(shown), detail)]);
}
