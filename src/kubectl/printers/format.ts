// Small formatting helpers shared by the table printers and describe.
// Sources: apimachinery/pkg/labels/labels.go (FormatLabels), labels/selector.go
// (Requirement.String, sorted by key), apis/meta/v1/helpers.go (FormatLabelSelector),
// printers.go (listWithMoreString, layoutContainerCells).

import type { Container, LabelSelector } from '../../engine/core/types';

/** labels.FormatLabels: `k=v,k2=v2` sorted by key, `<none>` when empty. */
export function formatLabels(labels: Record<string, string> | undefined | null): string {
  const keys = Object.keys(labels ?? {}).sort();
  if (keys.length === 0) return '<none>';
  return keys.map((k) => `${k}=${labels![k]}`).join(',');
}

/** metav1.LabelSelectorAsSelector(...).String(): requirements sorted by key, values sorted; '' for an empty selector. */
export function labelSelectorString(ls: LabelSelector | undefined | null): string {
  const reqs: { key: string; text: string }[] = [];
  for (const [key, value] of Object.entries(ls?.matchLabels ?? {})) reqs.push({ key, text: `${key}=${value}` });
  for (const e of ls?.matchExpressions ?? []) {
    const values = [...(e.values ?? [])].sort().join(',');
    switch (e.operator) {
      case 'In': reqs.push({ key: e.key, text: `${e.key} in (${values})` }); break;
      case 'NotIn': reqs.push({ key: e.key, text: `${e.key} notin (${values})` }); break;
      case 'Exists': reqs.push({ key: e.key, text: e.key }); break;
      case 'DoesNotExist': reqs.push({ key: e.key, text: `!${e.key}` }); break;
    }
  }
  // sort.Stable(ByKey) as labels.internalSelector.Add does.
  return reqs
    .map((r, i) => ({ ...r, i }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.i - b.i))
    .map((r) => r.text)
    .join(',');
}

/** metav1.FormatLabelSelector: like labelSelectorString but `<none>` when empty. */
export function formatLabelSelector(ls: LabelSelector | undefined | null): string {
  return labelSelectorString(ls) || '<none>';
}

/** printers.go listWithMoreString: at most `max` items, then ` + N more...`; `<unset>` when empty. */
export function listWithMoreString(list: string[], more: boolean, count: number, max: number): string {
  const ret = list.join(',');
  if (more) return `${ret} + ${count - max} more...`;
  return ret === '' ? '<unset>' : ret;
}

/** net.JoinHostPort: IPv6 addresses get brackets. */
export function joinHostPort(host: string, port: string | number): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

/** layoutContainerCells: comma-joined container names and images. */
export function containerCells(containers: Container[] | undefined): [string, string] {
  const cs = containers ?? [];
  return [cs.map((c) => c.name).join(','), cs.map((c) => c.image ?? '').join(',')];
}
