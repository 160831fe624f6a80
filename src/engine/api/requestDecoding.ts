// The API server's first step on a create or update: decoding the request body into the
// kind's Go type (apiserver endpoints/handlers/create.go and update.go: `decoder.Decode`,
// then transformDecodeError in handlers/rest.go). A field of the wrong JSON type fails here,
// before defaulting, validation and storage, as a 400 BadRequest:
//   Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal object into Go struct field PodSpec.spec.containers of type []v1.Container
// and so does, with Strict field validation, a field the type does not have:
//   Service in version "v1" cannot be handled as a Service: strict decoding error: unknown field "spec.ports[0].targetport"
//
// The type data (the API schema) and the check travel with the command line, the only way
// user input reaches the API server (lean.ts loads it apart from the first picture, whose
// 160 KB budget has no room for them), so this module is only the seam: the command line
// installs the decoder (decoding/install.ts).

import type { KubeObject } from '../core/types';
import type { KindInfo } from './registry';

/**
 * The request's fieldValidation (metav1.FieldValidation*). Without one the server warns
 * (handlers/rest.go fieldValidation: "" means Warn); kubectl create, apply, replace and edit
 * send Strict unless told otherwise by --validate.
 */
export type FieldValidation = 'Strict' | 'Warn' | 'Ignore';

export interface RequestBodyDecoder {
  /**
   * Throws the BadRequest (decoding/decodeError.ts) if `obj` does not decode into the kind's
   * Go type, or has unknown fields under Strict validation; under Warn, adds each unknown
   * field's warning to `warnings`. Returns 0, or non-zero when the stored copy needs `repair`.
   */
  decode(info: KindInfo, obj: KubeObject, validation: FieldValidation, warnings: string[] | undefined): number;
  /** Gives `null`s the zero value Go decodes them into and drops unknown fields. */
  repair(kind: string, obj: KubeObject): void;
}

let decoder: RequestBodyDecoder | undefined;

/** Installs the body decoder for every cluster (idempotent, like installCommandLine). */
export function installRequestBodyDecoder(d: RequestBodyDecoder): void {
  decoder ??= d;
}

/** Throws if `obj` does not decode; non-zero when the private copy then needs `repaired`. */
export function decodeRequestBody(info: KindInfo, obj: KubeObject, validation: FieldValidation = 'Warn', warnings?: string[]): number {
  return decoder ? decoder.decode(info, obj, validation, warnings) : 0;
}

/** The API server's private copy of a body that decodeRequestBody flagged, as the Go struct holds it. */
export function repaired<T extends KubeObject>(info: KindInfo, obj: T): T {
  decoder?.repair(info.kind, obj);
  return obj;
}
