// kubectl logs -f/--follow: after the log so far, each line the container writes (its
// access log as requests reach it), until Ctrl-C or until every followed container
// instance has ended: the kubelet closes a follow stream when its container exits
// (pkg/kubelet/kuberuntime/logs ReadLogs: follow stops once the container is no longer
// running), and kubectl then exits 0 (logs.go DefaultConsumeRequest returns at EOF).
// A restarted container is a new instance with a new log: the stream of the old one ends.

import type { Pod } from '../../engine/core/types';
import type { Invocation } from '../command';
import { keepRunning } from '../streaming';

export interface FollowedLog {
  /** The pod as it was when the log was read: its uid names the instance followed. */
  pod: Pod;
  container: string;
  /** `--prefix`'s `[pod/NAME/CONTAINER] `, or ''. */
  prefix: string;
  /** Lines of the instance's log printed (or passed over by --tail) so far. */
  printed: number;
}

type ReadLog = (inv: Invocation, pod: Pod, container: string, previous: boolean) => string[];

/** The instance this stream follows is still the one running, with its log so far; undefined once it has ended. */
function currentLines(inv: Invocation, f: FollowedLog, read: ReadLog): string[] | undefined {
  const was = f.pod;
  const pod = inv.ctx.store.get<Pod>('Pod', was.metadata.namespace, was.metadata.name!);
  if (!pod || pod.metadata.uid !== was.metadata.uid) return undefined;
  const status = pod.status?.containerStatuses?.find((s) => s.name === f.container);
  const before = was.status?.containerStatuses?.find((s) => s.name === f.container);
  if (!status?.state.running || status.restartCount !== before?.restartCount) return undefined;
  try {
    return read(inv, pod, f.container, false);
  } catch {
    return undefined;
  }
}

export function followLogs(inv: Invocation, streams: FollowedLog[], read: ReadLog): void {
  keepRunning(inv, (live) => {
    const open = new Set(streams);
    const poll = () => {
      for (const f of open) {
        const lines = currentLines(inv, f, read);
        if (!lines) {
          open.delete(f);
          continue;
        }
        if (lines.length > f.printed) live.out(lines.slice(f.printed).map((l) => `${f.prefix}${l}\n`).join(''));
        f.printed = lines.length;
      }
      if (open.size === 0) live.end(0);
    };
    poll();
    // No interrupt handler in logs.go: Ctrl-C's SIGINT ends the process (128 + 2).
    return { poll, stop: () => open.clear(), interruptedExitCode: 130 };
  });
}
