// describe Pod. Source: describe.go (describePod, describePodIPs, printController),
// staging/src/k8s.io/kubectl/pkg/util/qos (GetPodQOS).

import type { ContainerStatus, KubeEvent, Pod } from '../../engine/core/types';
import { ageSince, formatRFC1123Z } from '../printers/age';
import { describeContainers, describeVolumes, printTolerations } from './containers';
import { describeEvents } from './events';
import { controllerOf, DescribeWriter, LEVEL_0, LEVEL_1, printAnnotationsMultiline, printLabelsMultiline } from './writer';

type Resources = { requests?: Record<string, unknown>; limits?: Record<string, unknown> } | undefined;

/** qos.GetPodQOS, simplified to cpu and memory: status.qosClass when the kubelet set it. */
export function podQOS(pod: Pod): string {
  if (pod.status?.qosClass) return pod.status.qosClass;
  const containers = [...pod.spec.containers, ...(pod.spec.initContainers ?? [])];
  let any = false;
  let guaranteed = true;
  for (const c of containers) {
    const r = c.resources as Resources;
    const req = r?.requests ?? {};
    const lim = r?.limits ?? {};
    if (Object.keys(req).length + Object.keys(lim).length > 0) any = true;
    for (const res of ['cpu', 'memory']) {
      if (lim[res] === undefined) guaranteed = false;
      else if (req[res] !== undefined && String(req[res]) !== String(lim[res])) guaranteed = false;
    }
  }
  if (!any) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}

export function describePod(pod: Pod, events: KubeEvent[], nowMs: number): string {
  const w = new DescribeWriter();
  const spec = pod.spec;
  const status = pod.status ?? {};
  const extra = spec as unknown as { priorityClassName?: string; runtimeClassName?: string };
  w.write(LEVEL_0, `Name:\t${pod.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${pod.metadata.namespace ?? ''}\n`);
  if (spec.priority !== undefined) w.write(LEVEL_0, `Priority:\t${spec.priority}\n`);
  if (extra.priorityClassName) w.write(LEVEL_0, `Priority Class Name:\t${extra.priorityClassName}\n`);
  if (extra.runtimeClassName) w.write(LEVEL_0, `Runtime Class Name:\t${extra.runtimeClassName}\n`);
  if (spec.serviceAccountName) w.write(LEVEL_0, `Service Account:\t${spec.serviceAccountName}\n`);
  w.write(LEVEL_0, spec.nodeName ? `Node:\t${spec.nodeName}/${status.hostIP ?? ''}\n` : 'Node:\t<none>\n');
  if (status.startTime) w.write(LEVEL_0, `Start Time:\t${formatRFC1123Z(status.startTime)}\n`);
  printLabelsMultiline(w, 'Labels', pod.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', pod.metadata.annotations);
  if (pod.metadata.deletionTimestamp && status.phase !== 'Failed' && status.phase !== 'Succeeded') {
    w.write(LEVEL_0, `Status:\tTerminating (lasts ${ageSince(nowMs, pod.metadata.deletionTimestamp)})\n`);
    w.write(LEVEL_0, `Termination Grace Period:\t${pod.metadata.deletionGracePeriodSeconds ?? 0}s\n`);
  } else {
    w.write(LEVEL_0, `Status:\t${status.phase ?? ''}\n`);
  }
  if (status.reason) w.write(LEVEL_0, `Reason:\t${status.reason}\n`);
  if (status.message) w.write(LEVEL_0, `Message:\t${status.message}\n`);
  w.write(LEVEL_0, `IP:\t${status.podIP ?? ''}\n`);
  if ((status.podIPs ?? []).length === 0) {
    w.write(LEVEL_0, 'IPs:\t<none>\n');
  } else {
    w.write(LEVEL_0, 'IPs:\n');
    for (const ip of status.podIPs!) w.write(LEVEL_1, `IP:\t${ip.ip}\n`);
  }
  const controlledBy = controllerOf(pod.metadata);
  if (controlledBy) w.write(LEVEL_0, `Controlled By:\t${controlledBy}\n`);
  const nominated = (status as { nominatedNodeName?: string }).nominatedNodeName;
  if (nominated) w.write(LEVEL_0, `NominatedNodeName:\t${nominated}\n`);
  if ((spec.initContainers ?? []).length > 0) {
    const initStatuses = (status as { initContainerStatuses?: ContainerStatus[] }).initContainerStatuses;
    describeContainers(w, 'Init Containers', spec.initContainers!, initStatuses, pod, '');
  }
  describeContainers(w, 'Containers', spec.containers, status.containerStatuses, pod, '');
  if ((spec.readinessGates ?? []).length > 0) {
    w.write(LEVEL_0, 'Readiness Gates:\n  Type\tStatus\n');
    for (const g of spec.readinessGates!) {
      const c = (status.conditions ?? []).find((cond) => cond.type === g.conditionType);
      w.write(LEVEL_1, `${g.conditionType} \t${c ? c.status : '<none>'} \n`);
    }
  }
  if ((status.conditions ?? []).length > 0) {
    w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\n');
    for (const c of status.conditions!) w.write(LEVEL_1, `${c.type} \t${c.status} \n`);
  }
  describeVolumes(w, spec, '');
  w.write(LEVEL_0, `QoS Class:\t${podQOS(pod)}\n`);
  printLabelsMultiline(w, 'Node-Selectors', spec.nodeSelector);
  printTolerations(w, 'Tolerations', spec.tolerations as never);
  describeEvents(w, events, nowMs);
  return w.toString();
}
