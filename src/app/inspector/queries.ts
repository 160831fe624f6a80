// What the inspector reads for one object, through the same kubectl a person types.

import type { ClusterSnapshot, KubeObject } from '../../engine';
import { queryCommand } from '../store/actions';
import type { ObjectRef } from '../store/state';

const SAFE = /^[A-Za-z0-9.-]{1,253}$/;

/** `kubectl VERB KIND NAME [-n NS] ARGS`, or undefined when the ref is not a plain name. */
export function kubectlLine(verb: 'get' | 'describe', ref: ObjectRef, args = ''): string | undefined {
  if (!SAFE.test(ref.kind) || !SAFE.test(ref.name) || (ref.namespace && !SAFE.test(ref.namespace))) return undefined;
  return `kubectl ${verb} ${ref.kind} ${ref.name}${ref.namespace ? ` -n ${ref.namespace}` : ''}${args ? ` ${args}` : ''}`;
}

export function runQuery(line: string | undefined): { text: string; error: boolean } {
  if (!line) return { text: 'This object cannot be looked up by name.', error: true };
  const r = queryCommand(line);
  return r.exitCode === 0 ? { text: r.stdout, error: false } : { text: r.stderr || r.stdout, error: true };
}

export function findObject(snapshot: ClusterSnapshot, ref: ObjectRef | null): KubeObject | undefined {
  if (!ref) return undefined;
  return snapshot.objects[ref.kind]?.find((o) => o.metadata.name === ref.name && (o.metadata.namespace ?? '') === (ref.namespace ?? ''));
}

export interface EventRow {
  type: string;
  reason: string;
  age: string;
  from: string;
  count: number;
  message: string;
}

interface EventLike {
  involvedObject?: { kind?: string; namespace?: string; name?: string };
  type?: string;
  reason?: string;
  message?: string;
  count?: number;
  lastTimestamp?: string;
  firstTimestamp?: string;
  source?: { component?: string };
  reportingComponent?: string;
}

/** kubectl's short age: 45s, 3m, 2h, 4d. */
export function shortAge(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 120) return `${s}s`;
  if (s < 7200) return `${Math.floor(s / 60)}m`;
  if (s < 172800) return `${Math.floor(s / 3600)}h`;
  return `${Math.floor(s / 86400)}d`;
}

/** The events about one object, newest last (as `kubectl events --for` lists them). */
export function eventsFor(snapshot: ClusterSnapshot, ref: ObjectRef): EventRow[] {
  const events = (snapshot.objects.Event ?? []) as unknown as EventLike[];
  return events
    .filter((e) => e.involvedObject?.kind === ref.kind && e.involvedObject.name === ref.name && (e.involvedObject.namespace ?? '') === (ref.namespace ?? ''))
    .map((e) => ({ e, at: Date.parse(e.lastTimestamp ?? e.firstTimestamp ?? '') || 0 }))
    .sort((a, b) => a.at - b.at)
    .map(({ e, at }) => ({
      type: e.type ?? 'Normal',
      reason: e.reason ?? '',
      age: at ? shortAge(snapshot.nowMs - at) : '<unknown>',
      from: e.source?.component ?? e.reportingComponent ?? '',
      count: e.count ?? 1,
      message: e.message ?? '',
    }));
}
