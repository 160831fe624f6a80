// What each container has written to its log because of requests: one line per
// request it served, in the image's own log format. `kubectl logs` reads
// containerLog(). A restarted container starts a new log, and a pod re-created
// under the same name starts from nothing.

import type { EngineContext } from '../context';
import type { Pod } from '../core/types';
import { dataplaneState } from '../dataplane/state';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** nginx/Apache `$time_local`: `01/Jan/2026:00:01:05 +0000`. */
export function clfTime(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`;
}

/** Go's log package / nginx error log: `2026/01/01 00:01:05`. */
export function goLogTime(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

function restartCountOf(pod: Pod, container: string): number {
  return pod.status?.containerStatuses?.find((s) => s.name === container)?.restartCount ?? 0;
}

function book(ctx: EngineContext, pod: Pod, container: string) {
  const logs = dataplaneState(ctx).logs;
  const key = `${pod.metadata.namespace}/${pod.metadata.name}/${container}`;
  const uid = pod.metadata.uid ?? '';
  const restartCount = restartCountOf(pod, container);
  let b = logs.get(key);
  if (!b || b.uid !== uid || b.restartCount !== restartCount) {
    b = { uid, restartCount, lines: [] };
    logs.set(key, b);
  }
  return b;
}

/** Appends one line (without newline) to the container's current log. */
export function appendLog(ctx: EngineContext, pod: Pod, container: string, line: string): void {
  book(ctx, pod, container).lines.push(line);
}

/**
 * What the data plane has logged for one container instance: one line per
 * request it served, newline-terminated (`previous`: the instance before the
 * last restart). The image's start-up banner is kubectl logs' part
 * (src/kubectl/commands/logsStartup.ts), so it is not repeated here.
 */
export function containerLog(ctx: EngineContext, namespace: string, podName: string, container: string, previous = false): string {
  const pod = ctx.store.get<Pod>('Pod', namespace, podName);
  if (!pod || !pod.spec.containers.some((c) => c.name === container)) return '';
  const b = dataplaneState(ctx).logs.get(`${namespace}/${podName}/${container}`);
  const want = restartCountOf(pod, container) - (previous ? 1 : 0);
  if (!b || b.uid !== (pod.metadata.uid ?? '') || b.restartCount !== want) return '';
  return b.lines.length ? `${b.lines.join('\n')}\n` : '';
}
