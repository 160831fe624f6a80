// Namespace strategy. Sources: pkg/apis/core/v1/defaults.go (SetDefaults_Namespace),
// pkg/registry/core/namespace/strategy.go (PrepareForCreate adds the `kubernetes`
// finalizer and sets phase Active; PrepareForUpdate keeps finalizers and status;
// Canonicalize keeps the kubernetes.io/metadata.name label), validation.go
// (ValidateNamespace: name is a DNS-1123 label; validateFinalizerName).

import type { EngineContext } from '../../context';
import { field, type FieldError } from '../../core/errors';
import type { Namespace } from '../../core/types';
import { KINDS } from '../kinds';
import type { KindStrategy } from '../registry';
import { isDNS1123Label, isQualifiedName, validateObjectMeta } from '../validation/common';

const STANDARD_FINALIZERS = new Set(['kubernetes', 'orphan', 'foregroundDeletion']);

function validateFinalizers(finalizers: string[] | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const f of finalizers ?? []) {
    const msgs = isQualifiedName(f);
    if (msgs.length) for (const m of msgs) errs.push(field.invalid(path, f, m));
    else if (!f.includes('/') && !STANDARD_FINALIZERS.has(f)) errs.push(field.invalid(path, f, 'name is neither a standard finalizer name nor is it fully qualified'));
  }
  return errs;
}

export function validateNamespace(ns: Namespace): FieldError[] {
  return [...validateObjectMeta(ns.metadata, false, isDNS1123Label), ...validateFinalizers(ns.spec?.finalizers, 'spec.finalizers')];
}

export function createNamespaceStrategy(_ctx: EngineContext): KindStrategy<Namespace> {
  return {
    info: KINDS.Namespace,
    defaults(ns) {
      // Unnamed (generateName) namespaces cannot be labelled yet.
      if (ns.metadata.name) ns.metadata.labels = { ...(ns.metadata.labels ?? {}), 'kubernetes.io/metadata.name': ns.metadata.name };
    },
    prepareForCreate(ns) {
      ns.status = { phase: 'Active' };
      const finalizers = ns.spec?.finalizers ?? [];
      ns.spec = { ...(ns.spec ?? {}), finalizers: finalizers.includes('kubernetes') ? finalizers : [...finalizers, 'kubernetes'] };
      if (ns.metadata.name) ns.metadata.labels = { ...(ns.metadata.labels ?? {}), 'kubernetes.io/metadata.name': ns.metadata.name };
    },
    validate: validateNamespace,
    prepareForUpdate(ns, old) {
      ns.spec = { ...(ns.spec ?? {}), finalizers: old.spec?.finalizers };
      if (ns.spec.finalizers === undefined) delete ns.spec.finalizers;
      if (old.status === undefined) delete ns.status;
      else ns.status = old.status;
    },
  };
}
