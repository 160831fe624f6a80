// kubectl rollout status: prints the status viewer's line for the object and
// again on every change of it (a watch), letting simulated time run, until the
// rollout is done, fails, or --timeout passes.
// Sources: staging/src/k8s.io/kubectl/pkg/cmd/rollout/rollout_status.go (Run:
// UntilWithSync, one line per Added/Modified event) and
// polymorphichelpers/rollout_status.go (DeploymentStatusViewer,
// DaemonSetStatusViewer, StatefulSetStatusViewer).

import type { DaemonSet, Deployment, KubeObject, StatefulSet } from '../../engine/core/types';
import type { Invocation, KubectlCommand } from '../command';
import { FILENAME_FLAG, SELECTOR_FLAG } from '../commonFlags';
import { KubectlError } from '../errors';
import { watchWhileBlocked } from './blockingWatch';
import { NO_RESOURCES_GIVEN, parseGoDuration, resolveTargets } from './targets';

export interface StatusLine {
  text: string;
  done: boolean;
  error?: string;
}

interface DeploymentStatusFields {
  observedGeneration?: number;
  replicas?: number;
  updatedReplicas?: number;
  availableReplicas?: number;
  conditions?: { type: string; reason?: string }[];
}

/** DeploymentStatusViewer.Status (revision 0). */
export function deploymentStatusLine(d: Deployment): StatusLine {
  const name = d.metadata.name;
  const s = (d.status ?? {}) as DeploymentStatusFields;
  if ((d.metadata.generation ?? 0) <= (s.observedGeneration ?? 0)) {
    const progressing = s.conditions?.find((c) => c.type === 'Progressing');
    if (progressing?.reason === 'ProgressDeadlineExceeded') return { text: '', done: false, error: `deployment "${name}" exceeded its progress deadline` };
    const updated = s.updatedReplicas ?? 0;
    if (d.spec.replicas !== undefined && updated < d.spec.replicas) {
      return { text: `Waiting for deployment "${name}" rollout to finish: ${updated} out of ${d.spec.replicas} new replicas have been updated...\n`, done: false };
    }
    if ((s.replicas ?? 0) > updated) {
      return { text: `Waiting for deployment "${name}" rollout to finish: ${(s.replicas ?? 0) - updated} old replicas are pending termination...\n`, done: false };
    }
    if ((s.availableReplicas ?? 0) < updated) {
      return { text: `Waiting for deployment "${name}" rollout to finish: ${s.availableReplicas ?? 0} of ${updated} updated replicas are available...\n`, done: false };
    }
    return { text: `deployment "${name}" successfully rolled out\n`, done: true };
  }
  return { text: 'Waiting for deployment spec update to be observed...\n', done: false };
}

/** StatefulSetStatusViewer.Status. */
export function statefulSetStatusLine(sts: StatefulSet): StatusLine {
  const s = (sts.status ?? {}) as { observedGeneration?: number; readyReplicas?: number; updatedReplicas?: number; currentReplicas?: number; updateRevision?: string; currentRevision?: string };
  const strategy = sts.spec.updateStrategy;
  if (strategy?.type !== 'RollingUpdate') return { text: '', done: true, error: 'rollout status is only available for RollingUpdate strategy type' };
  if (!s.observedGeneration || (sts.metadata.generation ?? 0) > s.observedGeneration) return { text: 'Waiting for statefulset spec update to be observed...\n', done: false };
  const replicas = sts.spec.replicas;
  if (replicas !== undefined && (s.readyReplicas ?? 0) < replicas) return { text: `Waiting for ${replicas - (s.readyReplicas ?? 0)} pods to be ready...\n`, done: false };
  if (strategy.rollingUpdate) {
    const partition = strategy.rollingUpdate.partition;
    if (replicas !== undefined && partition !== undefined && (s.updatedReplicas ?? 0) < replicas - partition) {
      return { text: `Waiting for partitioned roll out to finish: ${s.updatedReplicas ?? 0} out of ${replicas - partition} new pods have been updated...\n`, done: false };
    }
    return { text: `partitioned roll out complete: ${s.updatedReplicas ?? 0} new pods have been updated...\n`, done: true };
  }
  if (s.updateRevision !== s.currentRevision) {
    return { text: `waiting for statefulset rolling update to complete ${s.updatedReplicas ?? 0} pods at revision ${s.updateRevision}...\n`, done: false };
  }
  return { text: `statefulset rolling update complete ${s.currentReplicas ?? 0} pods at revision ${s.currentRevision}...\n`, done: true };
}

/** DaemonSetStatusViewer.Status. */
export function daemonSetStatusLine(ds: DaemonSet): StatusLine {
  // Upstream names the StatefulSet constant here; both spell "RollingUpdate".
  if (ds.spec.updateStrategy?.type !== 'RollingUpdate') return { text: '', done: true, error: 'rollout status is only available for RollingUpdate strategy type' };
  const s = ds.status;
  if ((ds.metadata.generation ?? 0) <= (s?.observedGeneration ?? 0)) {
    const desired = s?.desiredNumberScheduled ?? 0;
    const updated = s?.updatedNumberScheduled ?? 0;
    const available = s?.numberAvailable ?? 0;
    if (updated < desired) return { text: `Waiting for daemon set "${ds.metadata.name}" rollout to finish: ${updated} out of ${desired} new pods have been updated...\n`, done: false };
    if (available < desired) return { text: `Waiting for daemon set "${ds.metadata.name}" rollout to finish: ${available} of ${desired} updated pods are available...\n`, done: false };
    return { text: `daemon set "${ds.metadata.name}" successfully rolled out\n`, done: true };
  }
  return { text: 'Waiting for daemon set spec update to be observed...\n', done: false };
}

function statusLine(obj: KubeObject): StatusLine {
  if (obj.kind === 'DaemonSet') return daemonSetStatusLine(obj as DaemonSet);
  return obj.kind === 'Deployment' ? deploymentStatusLine(obj as Deployment) : statefulSetStatusLine(obj as StatefulSet);
}

/** Without --timeout kubectl waits forever; the simulation gives up after this much simulated time. */
export const STATUS_WAIT_CAP_MS = 15 * 60_000;
const STEP_MS = 1000;

function runStatus(inv: Invocation): void {
  const { flags, ctx } = inv;
  const timeoutMs = parseGoDuration('timeout', flags.string('timeout'));
  if (inv.args.length === 0) throw new KubectlError('required resource not specified');
  if (flags.int('revision') < 0) throw new KubectlError(`revision must be a positive integer: ${flags.int('revision')}`);
  const { targets, errors } = resolveTargets(inv, inv.args, { all: true, selector: flags.string('selector') });
  if (errors.length) throw errors[0];
  if (targets.length !== 1) throw new KubectlError(`rollout status is only supported on individual resources and resource collections - ${targets.length} resources were found`);
  const { info, obj } = targets[0];
  if (info.kind !== 'Deployment' && info.kind !== 'StatefulSet' && info.kind !== 'DaemonSet') throw new KubectlError(`no status viewer has been implemented for ${info.kind}${info.group ? `.${info.group}` : ''}`);
  const ns = obj.metadata.namespace;
  const name = obj.metadata.name;
  let finished = false;
  let failure: string | undefined;
  const show = (o: KubeObject) => {
    if (finished) return;
    const line = statusLine(o);
    if (line.error) {
      failure = line.error;
      finished = true;
      return;
    }
    inv.output.out(line.text);
    if (line.done || !flags.bool('watch')) finished = true;
  };
  show(obj);
  const advance = inv.env.advance;
  if (!finished && advance) {
    const watch = watchWhileBlocked(ctx.store, (e) => {
      if (e.kind !== info.kind || e.object.metadata.namespace !== ns || e.object.metadata.name !== name) return;
      if (e.type === 'DELETED') {
        if (!finished) failure = 'object has been deleted';
        finished = true;
        return;
      }
      show(e.object);
    });
    try {
      const limit = timeoutMs > 0 ? timeoutMs : STATUS_WAIT_CAP_MS;
      for (let waited = 0; !finished && waited < limit; waited += STEP_MS) {
        advance(Math.min(STEP_MS, limit - waited));
        watch.check();
      }
    } finally {
      watch.stop();
    }
    if (!finished) failure = 'timed out waiting for the condition';
  }
  if (failure) throw new KubectlError(failure);
}

export const rolloutStatusCommand: KubectlCommand = {
  name: 'status',
  short: 'Show the status of the rollout',
  usage: 'rollout status (TYPE NAME | TYPE/NAME) [flags]',
  examples: '  # Watch the rollout status of a deployment\n  kubectl rollout status deployment/nginx',
  flags: [
    FILENAME_FLAG, SELECTOR_FLAG,
    { name: 'watch', short: 'w', type: 'bool', default: true, usage: "Watch the status of the rollout until it's done." },
    { name: 'revision', type: 'int', usage: 'Pin to a specific revision for showing its status. Defaults to 0 (last revision).' },
    { name: 'timeout', type: 'string', default: '0s', usage: 'The length of time to wait before ending watch, zero means never. Any other values should contain a corresponding time unit (e.g. 1s, 2m, 3h).' },
  ],
  run(inv) {
    if (inv.args.length === 0 && inv.flags.array('filename').length === 0) throw new KubectlError('required resource not specified');
    if (inv.args.length === 0) throw new KubectlError(NO_RESOURCES_GIVEN);
    runStatus(inv);
  },
};
