// The Events section every describer ends with. Source: describe.go DescribeEvents,
// k8s.io/kubectl/pkg/util/event/sorted_event_list.go (sorted by lastTimestamp).
// kubectl v1.32 prints the message as is (the `fieldPath: ` prefix came later).

import type { KubeEvent } from '../../engine/core/types';
import { parseTimestamp } from '../../engine/core/clock';
import { ageSince } from '../printers/age';
import { type DescribeWriter, LEVEL_0, LEVEL_1 } from './writer';

export function describeEvents(w: DescribeWriter, events: KubeEvent[], nowMs: number): void {
  if (events.length === 0) {
    w.write(LEVEL_0, 'Events:\t<none>\n');
    return;
  }
  w.flush();
  const sorted = [...events].sort((a, b) => (parseTimestamp(a.lastTimestamp) ?? 0) - (parseTimestamp(b.lastTimestamp) ?? 0));
  w.write(LEVEL_0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n');
  w.write(LEVEL_1, '----\t------\t----\t----\t-------\n');
  for (const e of sorted) {
    const first = ageSince(nowMs, e.firstTimestamp);
    const interval = e.count > 1 ? `${ageSince(nowMs, e.lastTimestamp)} (x${e.count} over ${first})` : first;
    const source = e.source?.component || e.reportingComponent || '';
    w.write(LEVEL_1, `${e.type}\t${e.reason}\t${interval}\t${source}\t${(e.message ?? '').trim()}\n`);
  }
}
