// ServiceAccount strategy. Sources: pkg/registry/core/serviceaccount/strategy.go
// (PrepareForCreate/PrepareForUpdate: cleanSecretReferences keeps only each secret
// reference's name), pkg/apis/core/validation/validation.go (ValidateServiceAccount: the
// name is a DNS-1123 subdomain, ValidateServiceAccountName; ValidateServiceAccountUpdate).

import type { EngineContext } from '../../context';
import type { KubeObject } from '../../core/types';
import { KINDS } from '../kinds';
import type { KindStrategy } from '../registry';
import { isDNS1123Subdomain, validateObjectMeta } from '../validation/common';

export interface ServiceAccount extends KubeObject {
  kind: 'ServiceAccount';
  automountServiceAccountToken?: boolean;
  imagePullSecrets?: { name?: string }[];
  secrets?: Record<string, unknown>[];
}

/** cleanSecretReferences: a secret reference keeps its name only. */
function cleanSecretReferences(sa: ServiceAccount): void {
  if (Array.isArray(sa.secrets)) sa.secrets = sa.secrets.map((s) => (s && typeof s === 'object' && 'name' in s ? { name: s.name } : {}));
}

export function createServiceAccountStrategy(_ctx: EngineContext): KindStrategy<ServiceAccount> {
  return {
    info: KINDS.ServiceAccount,
    prepareForCreate: cleanSecretReferences,
    validate: (sa) => validateObjectMeta(sa.metadata, true, isDNS1123Subdomain),
    prepareForUpdate: cleanSecretReferences,
  };
}
