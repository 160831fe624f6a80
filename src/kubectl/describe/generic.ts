// The generic describer kubectl falls back to for kinds without their own (Event,
// ControllerRevision, …): every field in sorted order with "smart" labels.
// Source: describe.go (genericDescriber.Describe, printUnstructuredContent, smartLabelFor).

import type { KubeEvent, KubeObject } from '../../engine/core/types';
import { describeEvents } from './events';
import { DescribeWriter, LEVEL_0, printAnnotationsMultiline, printLabelsMultiline } from './writer';

const ACRONYMS = new Set(['API', 'URL', 'UID', 'GUID']);
const SKIP = new Set(['.metadata.managedFields', '.metadata.name', '.metadata.namespace', '.metadata.labels', '.metadata.annotations']);

/** `apiVersion` → `API Version`, `involvedObject` → `Involved Object`; fields with other characters stay as they are. */
export function smartLabelFor(field: string): string {
  if (/[^A-Za-z-]/.test(field)) return field;
  // camelcase.Split: runs of lower-case, of upper-case (an upper-case run hands its last
  // letter to a following lower-case run) and of other characters.
  const parts = field.match(/[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[^A-Za-z]+/g) ?? [field];
  const merged: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    const next = parts[i + 1];
    if (next !== undefined && part.length >= 2 && part === part.toUpperCase() && /^[A-Z]/.test(next)) {
      merged.push(part + next);
      i++;
      continue;
    }
    merged.push(part);
  }
  return merged
    .filter((p) => p !== '_')
    .map((p) => (ACRONYMS.has(p.toUpperCase()) ? p.toUpperCase() : p === p.toLowerCase() ? p.charAt(0).toUpperCase() + p.slice(1) : p))
    .join(' ');
}

function goValue(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  return String(v);
}

function printContent(w: DescribeWriter, level: number, content: Record<string, unknown>, prefix: string): void {
  for (const field of Object.keys(content).sort()) {
    const path = `${prefix}.${field}`;
    if (SKIP.has(path)) continue;
    const value = content[field];
    if (Array.isArray(value)) {
      w.write(level, `${smartLabelFor(field)}:\n`);
      for (const child of value) {
        if (child && typeof child === 'object') printContent(w, level + 1, child as Record<string, unknown>, path);
        else w.write(level + 1, `${goValue(child)}\n`);
      }
    } else if (value && typeof value === 'object') {
      w.write(level, `${smartLabelFor(field)}:\n`);
      printContent(w, level + 1, value as Record<string, unknown>, path);
    } else {
      w.write(level, `${smartLabelFor(field)}:\t${goValue(value)}\n`);
    }
  }
}

export function describeGeneric(obj: KubeObject, events: KubeEvent[], nowMs: number): string {
  const w = new DescribeWriter();
  w.write(LEVEL_0, `Name:\t${obj.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${obj.metadata.namespace ?? ''}\n`);
  printLabelsMultiline(w, 'Labels', obj.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', obj.metadata.annotations);
  printContent(w, LEVEL_0, obj as unknown as Record<string, unknown>, '');
  describeEvents(w, events, nowMs);
  return w.toString();
}
