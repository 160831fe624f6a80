// metav1 LabelSelector validation and the apps "selector must match the
// template" rule. Sources: staging/src/k8s.io/apimachinery/pkg/apis/meta/v1/validation/validation.go
// (ValidateLabelSelector, ValidateLabelSelectorRequirement) and
// pkg/apis/apps/validation/validation.go (ValidatePodTemplateSpecForReplicaSet).

import { field, type FieldError } from '../../core/errors';
import { fromLabelSelector, matchesSelector } from '../../core/labels';
import type { LabelSelector } from '../../core/types';
import { isQualifiedName, isValidLabelValue, validateLabels } from './common';
import { goStringMap } from './goValues';

export function validateLabelSelector(sel: LabelSelector | undefined, path: string): FieldError[] {
  if (!sel) return [];
  const errs = validateLabels(sel.matchLabels, `${path}.matchLabels`);
  (sel.matchExpressions ?? []).forEach((req, i) => {
    const p = `${path}.matchExpressions[${i}]`;
    const values = req.values ?? [];
    switch (req.operator) {
      case 'In':
      case 'NotIn':
        if (values.length === 0) errs.push(field.required(`${p}.values`, "must be specified when `operator` is 'In' or 'NotIn'"));
        break;
      case 'Exists':
      case 'DoesNotExist':
        if (values.length > 0) errs.push(field.forbidden(`${p}.values`, "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
        break;
      default:
        errs.push(field.invalid(`${p}.operator`, req.operator ?? '', 'not a valid selector operator'));
    }
    for (const m of isQualifiedName(String(req.key ?? ''))) errs.push(field.invalid(`${p}.key`, req.key ?? '', m));
    values.forEach((v, j) => {
      for (const m of isValidLabelValue(String(v))) errs.push(field.invalid(`${p}.values[${j}]`, v, m));
    });
  });
  return errs;
}

/** Whether metav1.LabelSelectorAsSelector would accept the selector (it rejects exactly what validation rejects). */
export function selectorConvertible(sel: LabelSelector | undefined): boolean {
  return validateLabelSelector(sel, '').length === 0;
}

/**
 * The template-labels check: a nil selector selects nothing (so never matches),
 * an empty one selects everything (so is not checked here).
 */
export function templateLabelsMismatch(sel: LabelSelector | undefined, labels: Record<string, string> | undefined, templatePath: string): FieldError[] {
  const empty = !!sel && Object.keys(sel.matchLabels ?? {}).length + (sel.matchExpressions ?? []).length === 0;
  if (empty) return [];
  const matches = !!sel && matchesSelector(labels, fromLabelSelector(sel));
  if (matches) return [];
  return [field.invalidRaw(`${templatePath}.metadata.labels`, goStringMap(labels), '`selector` does not match template `labels`')];
}

export function isEmptySelector(sel: LabelSelector): boolean {
  return Object.keys(sel.matchLabels ?? {}).length + (sel.matchExpressions ?? []).length === 0;
}
