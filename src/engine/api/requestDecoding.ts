// The API server's first step on a create or update: decoding the request body into the
// kind's Go type (apiserver endpoints/handlers/create.go and update.go: `decoder.Decode`,
// then transformDecodeError in handlers/rest.go). A field of the wrong JSON type fails here,
// before defaulting, validation and storage, as a 400 BadRequest:
//   Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal object into Go struct field PodSpec.spec.containers of type []v1.Container
//
// The type data (the API schema) and the check travel with the command line, the only way
// user input reaches the API server (lean.ts loads it apart from the first picture, whose
// 160 KB budget has no room for them), so this module is only the seam: the command line
// installs the decoder (decoding/install.ts).

import type { KubeObject } from '../core/types';
import type { KindInfo } from './registry';

export interface RequestBodyDecoder {
  /**
   * Throws the BadRequest (decoding/decodeError.ts) if `obj` does not decode into the kind's
   * Go type; returns true when it does but holds `null` list items or map values.
   */
  decode(info: KindInfo, obj: KubeObject): boolean;
  /** Gives those `null`s the zero value Go decodes them into ({} for a struct, "" for a string …). */
  fillZeroValues(kind: string, obj: KubeObject): void;
}

let decoder: RequestBodyDecoder | undefined;

/** Installs the body decoder for every cluster (idempotent, like installCommandLine). */
export function installRequestBodyDecoder(d: RequestBodyDecoder): void {
  decoder ??= d;
}

/** Throws if `obj` does not decode; true when the private copy then needs zeroFilled. */
export function decodeRequestBody(info: KindInfo, obj: KubeObject): boolean {
  return decoder ? decoder.decode(info, obj) : false;
}

/** The API server's private copy of a body that decodeRequestBody flagged, with Go's zero values. */
export function zeroFilled<T extends KubeObject>(info: KindInfo, obj: T): T {
  decoder?.fillZeroValues(info.kind, obj);
  return obj;
}
