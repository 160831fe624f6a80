// What the pod worker may do for one pod on one node: record kubelet events,
// consult the playground's readiness faults, and track the node's images.

import type { EngineContext } from '../../context';
import type { EventSource } from '../../core/events';
import type { Pod } from '../../core/types';
import type { WorkerEnv } from './podWorker';
import { cached } from './sharedStatus';

/** What the kubelet keeps per node for its pods. */
export interface NodeState {
  /** Images the node holds (pulled once, then present). */
  images: Set<string>;
  /** The source of the node's kubelet events (one object for all of them). */
  source: EventSource;
}

/** An event's fieldPath for a container, by name (a few names recur across thousands of pods). */
const fieldPaths = new Map<string, string>();
const makeFieldPath = (container: string): string => `spec.containers{${container}}`;

function containerFieldPath(container: string): string {
  return cached(fieldPaths, container, makeFieldPath, 1024);
}

/**
 * What the pod worker may do for one pod on one node. One object per kubelet, pointed at
 * each pod in turn by `reset` (a sync never runs inside another): no allocation per sync.
 */
export class PodEnv implements WorkerEnv {
  now = 0;
  private pod: Pod | undefined = undefined;
  private node: NodeState | undefined = undefined;

  constructor(private readonly ctx: EngineContext) {}

  /** Points this env at `pod` on `node`, at the current simulated time. */
  reset(pod: Pod, node: NodeState): this {
    this.pod = pod;
    this.node = node;
    this.now = this.ctx.clock.now();
    return this;
  }

  event(type: 'Normal' | 'Warning', reason: string, message: string, container?: string): void {
    this.ctx.events.record(this.pod!, type, reason, message, this.node!.source, container ? containerFieldPath(container) : undefined);
  }

  readinessFaulted(container: string): boolean {
    const faults = this.ctx.sim.readinessFailures;
    if (faults.size === 0) return false;
    const prefix = `${this.pod!.metadata.namespace}/${this.pod!.metadata.name}/`;
    return faults.has(prefix + container) || faults.has(`${prefix}*`);
  }

  imagePresent(image: string): boolean {
    const images = this.node!.images;
    const had = images.has(image);
    images.add(image);
    return had;
  }
}
