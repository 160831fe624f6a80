// Go `%#v` renderings of the struct and map values that apps validation puts
// into field errors (field.Error.ErrorBody falls back to %#v for values that are
// neither strings, numbers nor fmt.Stringers). Go sorts map keys when printing.
// Source: staging/src/k8s.io/apimachinery/pkg/util/validation/field/errors.go.

import { goQuote } from '../../core/errors';
import type { IntOrString, LabelSelector } from '../../core/types';

/** `map[string]string{"app":"web"}`; a nil map prints as `map[string]string(nil)`. */
export function goStringMap(m: Record<string, string> | undefined | null): string {
  if (m === undefined || m === null) return 'map[string]string(nil)';
  const keys = Object.keys(m).sort();
  return `map[string]string{${keys.map((k) => `${goQuote(k)}:${goQuote(String(m[k]))}`).join(', ')}}`;
}

function goStringSlice(values: string[] | undefined): string {
  if (values === undefined || values === null) return '[]string(nil)';
  return `[]string{${values.map((v) => goQuote(String(v))).join(', ')}}`;
}

/** metav1.LabelSelector as `v1.LabelSelector{MatchLabels:…, MatchExpressions:…}`. */
export function goLabelSelector(sel: LabelSelector | undefined | null): string {
  if (!sel) return 'null';
  const exprs = sel.matchExpressions;
  const renderedExprs =
    exprs === undefined || exprs === null
      ? '[]v1.LabelSelectorRequirement(nil)'
      : `[]v1.LabelSelectorRequirement{${exprs
          .map((e) => `v1.LabelSelectorRequirement{Key:${goQuote(String(e.key ?? ''))}, Operator:${goQuote(String(e.operator ?? ''))}, Values:${goStringSlice(e.values)}}`)
          .join(', ')}}`;
  return `v1.LabelSelector{MatchLabels:${goStringMap(sel.matchLabels)}, MatchExpressions:${renderedExprs}}`;
}

/** intstr.IntOrString by value (its String() has a pointer receiver, so %#v applies). */
export function goIntOrString(v: IntOrString | undefined): string {
  if (typeof v === 'string') return `intstr.IntOrString{Type:1, IntVal:0, StrVal:${goQuote(v)}}`;
  return `intstr.IntOrString{Type:0, IntVal:${v ?? 0}, StrVal:""}`;
}
