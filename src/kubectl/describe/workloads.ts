// describe Deployment, ReplicaSet, StatefulSet and DaemonSet. Source: describe.go (describeDeployment,
// printReplicaSetsByLabels, describeReplicaSet, describeStatefulSet, describeDaemonSet,
// getPodStatusForController).

import type { EngineContext } from '../../engine/context';
import type { DaemonSet, Deployment, KubeEvent, KubeObject, Pod, ReplicaSet, StatefulSet } from '../../engine/core/types';
import { fromLabelSelector } from '../../engine/core/labels';
import { formatRFC1123Z } from '../printers/age';
import { formatLabels, formatLabelSelector, labelSelectorString } from '../printers/format';
import { describePodTemplate } from './containers';
import { describeEvents } from './events';
import { controllerOf, DescribeWriter, LEVEL_0, LEVEL_1, printAnnotationsMultiline, printLabelsMultiline } from './writer';

type Status = Record<string, unknown> | undefined;
const n = (s: Status, key: string): number => (typeof s?.[key] === 'number' ? (s[key] as number) : 0);

/** Pods selected by the controller's selector and controlled by it, counted by phase. */
function podsStatus(ctx: EngineContext, owner: KubeObject, selector: Parameters<typeof fromLabelSelector>[0]): string {
  const counts = { Running: 0, Pending: 0, Succeeded: 0, Failed: 0 };
  const pods = ctx.store.podIndex.match(owner.metadata.namespace ?? '', fromLabelSelector(selector)) as Pod[];
  for (const pod of pods) {
    const ref = pod.metadata.ownerReferences?.find((r) => r.controller);
    if (!ref || ref.uid !== owner.metadata.uid) continue;
    const phase = pod.status?.phase as keyof typeof counts | undefined;
    if (phase && phase in counts) counts[phase]++;
  }
  return `${counts.Running} Running / ${counts.Pending} Waiting / ${counts.Succeeded} Succeeded / ${counts.Failed} Failed`;
}

function conditionsTable(w: DescribeWriter, status: Status): void {
  const conditions = (status?.conditions ?? []) as { type: string; status: string; reason?: string }[];
  if (conditions.length === 0) return;
  w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tReason\n');
  w.write(LEVEL_1, '----\t------\t------\n');
  for (const c of conditions) w.write(LEVEL_1, `${c.type} \t${c.status}\t${c.reason ?? ''}\n`);
}

/** EqualIgnoreHash: a canonical form of a pod template without the pod-template-hash label. */
function templateKey(template: unknown): string {
  const canon = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(canon);
    if (v && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const k of Object.keys(v).sort()) out[k] = canon((v as Record<string, unknown>)[k]);
      return out;
    }
    return v;
  };
  const t = template as { metadata?: { labels?: Record<string, string> } } | undefined;
  const labels = { ...(t?.metadata?.labels ?? {}) };
  delete labels['pod-template-hash'];
  return JSON.stringify(canon({ ...t, metadata: { ...t?.metadata, labels } }));
}

const rsSummary = (list: ReplicaSet[]): string =>
  list.map((rs) => `${rs.metadata.name} (${n(rs.status, 'replicas')}/${rs.spec.replicas ?? 0} replicas created)`).join(', ') || '<none>';

export function describeDeployment(ctx: EngineContext, d: Deployment, events: KubeEvent[]): string {
  const w = new DescribeWriter();
  const st = d.status;
  w.write(LEVEL_0, `Name:\t${d.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${d.metadata.namespace ?? ''}\n`);
  w.write(LEVEL_0, `CreationTimestamp:\t${formatRFC1123Z(d.metadata.creationTimestamp)}\n`);
  printLabelsMultiline(w, 'Labels', d.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', d.metadata.annotations);
  w.write(LEVEL_0, `Selector:\t${labelSelectorString(d.spec.selector)}\n`);
  w.write(LEVEL_0, `Replicas:\t${d.spec.replicas ?? 0} desired | ${n(st, 'updatedReplicas')} updated | ${n(st, 'replicas')} total | ${n(st, 'availableReplicas')} available | ${n(st, 'unavailableReplicas')} unavailable\n`);
  w.write(LEVEL_0, `StrategyType:\t${d.spec.strategy?.type ?? ''}\n`);
  w.write(LEVEL_0, `MinReadySeconds:\t${d.spec.minReadySeconds ?? 0}\n`);
  const ru = d.spec.strategy?.rollingUpdate;
  if (ru) w.write(LEVEL_0, `RollingUpdateStrategy:\t${ru.maxUnavailable ?? ''} max unavailable, ${ru.maxSurge ?? ''} max surge\n`);
  describePodTemplate(w, d.spec.template);
  conditionsTable(w, st);
  // deploymentutil.GetAllReplicaSets: the owned ReplicaSets; the new one has the
  // Deployment's pod template (ignoring the pod-template-hash label), all others are old.
  const owned = ctx.store.list<ReplicaSet>('ReplicaSet', d.metadata.namespace).filter((rs) => rs.metadata.ownerReferences?.some((r) => r.controller && r.uid === d.metadata.uid));
  const wanted = templateKey(d.spec.template);
  const newRSs = owned.filter((rs) => templateKey(rs.spec.template) === wanted).slice(0, 1);
  const oldRSs = owned.filter((rs) => !newRSs.includes(rs));
  if (owned.length > 0) {
    w.write(LEVEL_0, `OldReplicaSets:\t${rsSummary(oldRSs)}\n`);
    w.write(LEVEL_0, `NewReplicaSet:\t${rsSummary(newRSs)}\n`);
  }
  describeEvents(w, events, ctx.clock.now());
  return w.toString();
}

export function describeReplicaSet(ctx: EngineContext, rs: ReplicaSet, events: KubeEvent[]): string {
  const w = new DescribeWriter();
  w.write(LEVEL_0, `Name:\t${rs.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${rs.metadata.namespace ?? ''}\n`);
  w.write(LEVEL_0, `Selector:\t${formatLabelSelector(rs.spec.selector)}\n`);
  printLabelsMultiline(w, 'Labels', rs.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', rs.metadata.annotations);
  const controlledBy = controllerOf(rs.metadata);
  if (controlledBy) w.write(LEVEL_0, `Controlled By:\t${controlledBy}\n`);
  w.write(LEVEL_0, `Replicas:\t${n(rs.status as Status, 'replicas')} current / ${rs.spec.replicas ?? 0} desired\n`);
  w.write(LEVEL_0, `Pods Status:\t${podsStatus(ctx, rs, rs.spec.selector)}\n`);
  describePodTemplate(w, rs.spec.template);
  conditionsTable(w, rs.status as Status);
  describeEvents(w, events, ctx.clock.now());
  return w.toString();
}

export function describeStatefulSet(ctx: EngineContext, sts: StatefulSet, events: KubeEvent[]): string {
  const w = new DescribeWriter();
  w.write(LEVEL_0, `Name:\t${sts.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${sts.metadata.namespace ?? ''}\n`);
  w.write(LEVEL_0, `CreationTimestamp:\t${formatRFC1123Z(sts.metadata.creationTimestamp)}\n`);
  w.write(LEVEL_0, `Selector:\t${labelSelectorString(sts.spec.selector)}\n`);
  printLabelsMultiline(w, 'Labels', sts.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', sts.metadata.annotations);
  w.write(LEVEL_0, `Replicas:\t${sts.spec.replicas ?? 0} desired | ${n(sts.status, 'replicas')} total\n`);
  w.write(LEVEL_0, `Update Strategy:\t${sts.spec.updateStrategy?.type ?? ''}\n`);
  const partition = sts.spec.updateStrategy?.rollingUpdate?.partition;
  if (partition !== undefined) w.write(LEVEL_1, `Partition:\t${partition}\n`);
  w.write(LEVEL_0, `Pods Status:\t${podsStatus(ctx, sts, sts.spec.selector)}\n`);
  describePodTemplate(w, sts.spec.template);
  w.write(LEVEL_0, 'Volume Claims:\t<none>\n');
  describeEvents(w, events, ctx.clock.now());
  return w.toString();
}

export function describeDaemonSet(ctx: EngineContext, ds: DaemonSet, events: KubeEvent[]): string {
  const w = new DescribeWriter();
  const st = ds.status as Status;
  w.write(LEVEL_0, `Name:\t${ds.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${ds.metadata.namespace ?? ''}\n`);
  w.write(LEVEL_0, `Selector:\t${labelSelectorString(ds.spec.selector)}\n`);
  w.write(LEVEL_0, `Node-Selector:\t${formatLabels(ds.spec.template?.spec?.nodeSelector)}\n`);
  printLabelsMultiline(w, 'Labels', ds.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', ds.metadata.annotations);
  w.write(LEVEL_0, `Desired Number of Nodes Scheduled: ${n(st, 'desiredNumberScheduled')}\n`);
  w.write(LEVEL_0, `Current Number of Nodes Scheduled: ${n(st, 'currentNumberScheduled')}\n`);
  w.write(LEVEL_0, `Number of Nodes Scheduled with Up-to-date Pods: ${n(st, 'updatedNumberScheduled')}\n`);
  w.write(LEVEL_0, `Number of Nodes Scheduled with Available Pods: ${n(st, 'numberAvailable')}\n`);
  w.write(LEVEL_0, `Number of Nodes Misscheduled: ${n(st, 'numberMisscheduled')}\n`);
  w.write(LEVEL_0, `Pods Status:\t${podsStatus(ctx, ds, ds.spec.selector)}\n`);
  describePodTemplate(w, ds.spec.template);
  describeEvents(w, events, ctx.clock.now());
  return w.toString();
}
