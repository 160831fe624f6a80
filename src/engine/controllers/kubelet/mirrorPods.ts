// The kubelet's side of a static pod's mirror pod (the control plane's pods on node-1).

import type { EngineContext } from '../../context';
import type { Node, Pod } from '../../core/types';
import { isMirrorPod, mirrorPodFor } from '../../controlPlanePods';
import type { PodRun } from './runtimeState';

/**
 * The part of kubelet's SyncPod for a static pod whose mirror pod was deleted (or is being
 * deleted) through the API (pkg/kubelet/kubelet.go SyncPod; pkg/kubelet/pod/mirror_client.go):
 * a terminating mirror pod is removed at once (DeleteMirrorPod, grace period 0), and a new one
 * is posted (CreateMirrorPod). The static pod itself keeps running: the new mirror pod gets the
 * same containers, restart counts and start time. Returns the pod to sync, or undefined while
 * the node is down or gone (its kubelet posts nothing then).
 */
export function syncMirrorPod(ctx: EngineContext, node: Node, run: PodRun, pod: Pod | undefined, component: string): Pod | undefined {
  if (ctx.sim.stoppedNodes.has(run.nodeName) || node.metadata.deletionTimestamp) return undefined;
  if (pod?.metadata.deletionTimestamp) {
    ctx.api.removeNow('Pod', run.namespace, run.name);
    pod = undefined;
  }
  if (!pod) {
    const mirror = mirrorPodFor(ctx, node, component);
    if (!mirror) return undefined;
    pod = ctx.api.create<Pod>(mirror);
  }
  if (pod.metadata.uid !== run.uid && isMirrorPod(pod)) {
    // The run now posts its status to this mirror pod.
    run.uid = pod.metadata.uid!;
    run.written = undefined;
    run.dirty = true;
    run.writeNow = true;
  }
  return pod;
}
