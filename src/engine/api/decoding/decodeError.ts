// The error of a request body that does not decode (see ../requestDecoding.ts).
import { StatusError } from '../../core/errors';
import type { KindInfo } from '../registry';

/** Why a body does not decode, as the two server paths that decode JSON word it. */
export interface DecodeFailure {
  /** sigs.k8s.io/json's (encoding/json's) error for the request body (POST, PUT). */
  json: string;
  /** runtime.DefaultUnstructuredConverter's error for the same field (a patched object, PATCH). */
  converter: string;
}

/** 400 with transformDecodeError's text (handlers/rest.go); `failure` for PATCH callers (kubectl). */
export class DecodeError extends StatusError {
  constructor(info: KindInfo, readonly failure: DecodeFailure) {
    super({
      kind: 'Status', apiVersion: 'v1', status: 'Failure', code: 400, reason: 'BadRequest',
      message: `${info.kind} in version "${info.version}" cannot be handled as a ${info.kind}: ${failure.json}`,
    });
  }
}
