// Node strategy (minimal). Sources: pkg/registry/core/node/strategy.go (status
// kept on spec updates), validation.go ValidateNode (name is a DNS-1123
// subdomain, podCIDRs are CIDRs, taints) and ValidateNodeUpdate (podCIDRs may
// only go from unset to set).

import type { EngineContext } from '../../context';
import { field, type FieldError } from '../../core/errors';
import type { Node } from '../../core/types';
import { jsonEqual } from '../apiServer';
import { KINDS } from '../kinds';
import type { KindStrategy } from '../registry';
import { CIDR_ERROR, isDNS1123Subdomain, isQualifiedName, isValidCIDR, isValidLabelValue, validateObjectMeta } from '../validation/common';

const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

export function validateNode(node: Node): FieldError[] {
  const errs = validateObjectMeta(node.metadata, false, isDNS1123Subdomain);
  (node.spec?.podCIDRs ?? []).forEach((cidr, i) => {
    if (!isValidCIDR(cidr)) errs.push(field.invalid(`spec.podCIDRs[${i}]`, cidr, CIDR_ERROR));
  });
  (node.spec?.taints ?? []).forEach((t, i) => {
    const p = `spec.taints[${i}]`;
    for (const m of isQualifiedName(t.key ?? '')) errs.push(field.invalid(`${p}.key`, t.key ?? '', m));
    if (t.value) for (const m of isValidLabelValue(t.value)) errs.push(field.invalid(`${p}.value`, t.value, m));
    if (!t.effect) errs.push(field.required(`${p}.effect`));
    else if (!TAINT_EFFECTS.includes(t.effect)) errs.push(field.notSupported(`${p}.effect`, t.effect, TAINT_EFFECTS));
  });
  return errs;
}

export function createNodeStrategy(_ctx: EngineContext): KindStrategy<Node> {
  return {
    info: KINDS.Node,
    validate: validateNode,
    prepareForUpdate(node, old) {
      node.status = old.status;
    },
    validateUpdate(node, old) {
      const errs = validateNode(node);
      const oldCIDRs = old.spec?.podCIDRs ?? [];
      if (oldCIDRs.length && !jsonEqual(node.spec?.podCIDRs ?? [], oldCIDRs)) {
        errs.push(field.forbidden('spec.podCIDRs', 'node updates may not change podCIDR except from "" to valid'));
      }
      return errs;
    },
  };
}
