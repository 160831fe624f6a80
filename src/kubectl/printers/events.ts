// `kubectl get events`: the server-side table of core/v1 Events.
// Source: pkg/printers/internalversion/printers.go (eventColumnDefinitions, printEvent,
// formatEventSource). Unlike `kubectl describe` (and the newer `kubectl events`),
// this table has no "(x3 over 5m)": the count is the wide COUNT column. kubectl
// does not sort it; rows come in the API's list order (by name).

import type { KubeEvent } from '../../engine/core/types';
import { ageSince } from './age';
import type { KindTable } from './columns';

export const eventTable: KindTable = {
  columns: [
    { name: 'Last Seen' },
    { name: 'Type' },
    { name: 'Reason' },
    { name: 'Object' },
    { name: 'Subobject', wide: true },
    { name: 'Source', wide: true },
    { name: 'Message' },
    { name: 'First Seen', wide: true },
    { name: 'Count', wide: true },
    { name: 'Name', wide: true, isName: true },
  ],
  row(obj, env) {
    const e = obj as KubeEvent;
    const first = ageSince(env.nowMs, e.firstTimestamp);
    const last = e.lastTimestamp ? ageSince(env.nowMs, e.lastTimestamp) : first;
    const count = e.count || 1;
    const io = e.involvedObject;
    const target = io.name ? `${io.kind.toLowerCase()}/${io.name}` : io.kind.toLowerCase();
    const message = (e.message ?? '').trim();
    if (!env.wide) return [last, e.type, e.reason, target, message];
    const component = e.source?.component || e.reportingComponent || '';
    const host = e.source?.host || ((e as { reportingInstance?: string }).reportingInstance ?? '');
    const source = host ? `${component}, ${host}` : component;
    return [last, e.type, e.reason, target, io.fieldPath ?? '', source, message, first, String(count), e.metadata.name ?? ''];
  },
};
