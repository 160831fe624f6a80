// Event strategy (minimal): events are written by the recorder straight into the
// store, so this only guards user-created ones. Source: pkg/apis/core/validation/events.go
// (legacyValidateEvent: involvedObject.namespace must match the event's).

import type { EngineContext } from '../../context';
import { field, type FieldError } from '../../core/errors';
import type { KubeEvent } from '../../core/types';
import { KINDS } from '../kinds';
import type { KindStrategy } from '../registry';
import { isDNS1123Subdomain, validateObjectMeta } from '../validation/common';

export function validateEvent(ev: KubeEvent): FieldError[] {
  const errs = validateObjectMeta(ev.metadata, true, isDNS1123Subdomain);
  const involvedNs = ev.involvedObject?.namespace ?? '';
  const ns = ev.metadata.namespace ?? '';
  const mismatch = involvedNs ? ns !== involvedNs : ns !== '' && ns !== 'default';
  if (mismatch) errs.push(field.invalid('involvedObject.namespace', involvedNs, 'does not match event.namespace'));
  return errs;
}

export function createEventStrategy(_ctx: EngineContext): KindStrategy<KubeEvent> {
  return { info: KINDS.Event, validate: validateEvent };
}
