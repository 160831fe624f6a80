// describe Node and Namespace. Source: describe.go (describeNode, describeNodeLease,
// describeNodeResource, describeNamespace, DescribeResourceQuotas, DescribeLimitRanges).
// The playground has no Lease objects: the lease shown is the one the kubelet would
// hold (holder = node name, renewed every 10 s while the node runs; see leaseRenewTime).

import type { EngineContext } from '../../engine/context';
import type { KubeEvent, Namespace, Node, Pod } from '../../engine/core/types';
import { ageSince, formatRFC1123Z } from '../printers/age';
import { nodeRoles } from '../printers/nodes';
import { describeEvents } from './events';
import { DescribeWriter, LEVEL_0, LEVEL_1, printAnnotationsMultiline, printLabelsMultiline } from './writer';

/** Millicores of a cpu quantity or bytes of a memory quantity ("100m", "1", "64Mi", "1G"). */
export function parseQuantity(q: unknown): number {
  const s = String(q ?? '0');
  const m = /^([0-9.]+)(m|k|M|G|T|Ki|Mi|Gi|Ti)?$/.exec(s);
  if (!m) return 0;
  const v = parseFloat(m[1]);
  const mult: Record<string, number> = { m: 1e-3, k: 1e3, M: 1e6, G: 1e9, T: 1e12, Ki: 1024, Mi: 1024 ** 2, Gi: 1024 ** 3, Ti: 1024 ** 4 };
  return v * (m[2] ? mult[m[2]] : 1);
}

function formatCPU(cores: number): string {
  const milli = Math.round(cores * 1000);
  return milli % 1000 === 0 ? String(milli / 1000) : `${milli}m`;
}

function formatMemory(bytes: number): string {
  if (bytes === 0) return '0';
  for (const [suffix, size] of [['Gi', 1024 ** 3], ['Mi', 1024 ** 2], ['Ki', 1024]] as const) if (bytes % size === 0) return `${bytes / size}${suffix}`;
  return String(bytes);
}

function podResources(pod: Pod, kind: 'requests' | 'limits'): { cpu: number; memory: number } {
  let cpu = 0;
  let memory = 0;
  for (const c of pod.spec.containers) {
    const list = ((c.resources as Record<string, Record<string, unknown>> | undefined)?.[kind] ?? {});
    cpu += parseQuantity(list.cpu);
    memory += parseQuantity(list.memory);
  }
  return { cpu, memory };
}

/**
 * How often a kubelet renews its node Lease: renewIntervalFraction 0.25 × the default
 * nodeLeaseDurationSeconds 40 (pkg/kubelet/kubelet.go, k8s.io/component-helpers
 * apimachinery/lease/controller.go, which renews at start and then every interval).
 */
export const NODE_LEASE_RENEW_INTERVAL_MS = 10_000;

/**
 * The Lease's spec.renewTime: the last 10-s renewal since the kubelet last started (the Ready
 * condition's heartbeat, which the engine sets at boot and at `sim node start`), up to now while
 * the node runs, or up to the moment it was powered off (`sim node stop`): from then on the
 * lease goes stale, which is what the node controller watches for.
 */
function leaseRenewTime(ctx: EngineContext, node: Node): string | undefined {
  const ready = node.status?.conditions.find((c) => c.type === 'Ready');
  const startedAt = Date.parse(ready?.lastHeartbeatTime ?? '');
  if (Number.isNaN(startedAt)) return undefined;
  const until = ctx.sim.stoppedNodes.get(node.metadata.name!) ?? ctx.clock.now();
  if (until < startedAt) return ready!.lastHeartbeatTime;
  return new Date(startedAt + Math.floor((until - startedAt) / NODE_LEASE_RENEW_INTERVAL_MS) * NODE_LEASE_RENEW_INTERVAL_MS).toISOString();
}

const compareKeys = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const pct = (part: number, whole: number) => (whole > 0 ? Math.trunc((part / whole) * 100) : 0);

export function describeNode(ctx: EngineContext, node: Node, events: KubeEvent[]): string {
  const nowMs = ctx.clock.now();
  const w = new DescribeWriter();
  const st = node.status ?? { addresses: [], conditions: [] };
  w.write(LEVEL_0, `Name:\t${node.metadata.name}\n`);
  w.write(LEVEL_0, `Roles:\t${nodeRoles(node).join(',') || '<none>'}\n`);
  printLabelsMultiline(w, 'Labels', node.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', node.metadata.annotations);
  w.write(LEVEL_0, `CreationTimestamp:\t${formatRFC1123Z(node.metadata.creationTimestamp)}\n`);
  const taints = [...(node.spec?.taints ?? [])].sort((a, b) => (`${a.effect},${a.key}` < `${b.effect},${b.key}` ? -1 : 1));
  w.write(LEVEL_0, 'Taints:\t');
  if (taints.length === 0) w.writeLine('<none>');
  taints.forEach((t, i) => w.write(LEVEL_0, `${i ? '\t' : ''}${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}\n`));
  w.write(LEVEL_0, `Unschedulable:\t${node.spec?.unschedulable ? 'true' : 'false'}\n`);
  w.write(LEVEL_0, 'Lease:\n');
  w.write(LEVEL_1, `HolderIdentity:\t${node.metadata.name}\n`);
  w.write(LEVEL_1, 'AcquireTime:\t<unset>\n');
  // describeNodeLease prints lease.Spec.RenewTime.Time.Format(time.RFC1123Z) (pkg/describe/describe.go).
  w.write(LEVEL_1, `RenewTime:\t${formatRFC1123Z(leaseRenewTime(ctx, node))}\n`);
  if (st.conditions.length > 0) {
    w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n');
    w.write(LEVEL_1, '----\t------\t-----------------\t------------------\t------\t-------\n');
    for (const c of st.conditions) {
      w.write(LEVEL_1, `${c.type} \t${c.status} \t${formatRFC1123Z(c.lastHeartbeatTime)} \t${formatRFC1123Z(c.lastTransitionTime)} \t${c.reason ?? ''} \t${c.message ?? ''}\n`);
    }
  }
  w.write(LEVEL_0, 'Addresses:\n');
  for (const a of st.addresses) w.write(LEVEL_1, `${a.type}:\t${a.address}\n`);
  for (const [title, list] of [['Capacity', st.capacity], ['Allocatable', st.allocatable]] as const) {
    if (!list || Object.keys(list).length === 0) continue;
    w.write(LEVEL_0, `${title}:\n`);
    for (const k of Object.keys(list).sort()) w.write(LEVEL_0, `  ${k}:\t${list[k]}\n`);
  }
  const info = st.nodeInfo ?? {};
  w.write(LEVEL_0, 'System Info:\n');
  const infoRows: [string, string][] = [['Machine ID', 'machineID'], ['System UUID', 'systemUUID'], ['Boot ID', 'bootID'], ['Kernel Version', 'kernelVersion'], ['OS Image', 'osImage'], ['Operating System', 'operatingSystem'], ['Architecture', 'architecture'], ['Container Runtime Version', 'containerRuntimeVersion'], ['Kubelet Version', 'kubeletVersion']];
  for (const [label, key] of infoRows) w.write(LEVEL_0, `  ${label}:\t${info[key] ?? ''}\n`);
  if (node.spec?.podCIDR) w.write(LEVEL_0, `PodCIDR:\t${node.spec.podCIDR}\n`);
  if ((node.spec?.podCIDRs ?? []).length > 0) w.write(LEVEL_0, `PodCIDRs:\t${node.spec.podCIDRs!.join(',')}\n`);

  // Non-terminated pods on this node (a one-off scan: describe is not on a hot path).
  // The API server lists them by namespace, then name (its storage key order).
  const pods = ctx.store.list<Pod>('Pod')
    .filter((p) => p.spec.nodeName === node.metadata.name && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed')
    .sort((a, b) => compareKeys(a.metadata.namespace!, b.metadata.namespace!) || compareKeys(a.metadata.name!, b.metadata.name!));
  const alloc = st.allocatable ?? st.capacity ?? {};
  const allocCPU = parseQuantity(alloc.cpu);
  const allocMem = parseQuantity(alloc.memory);
  w.write(LEVEL_0, `Non-terminated Pods:\t(${pods.length} in total)\n`);
  w.write(LEVEL_1, 'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n');
  w.write(LEVEL_1, '---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n');
  const total = { rc: 0, lc: 0, rm: 0, lm: 0 };
  for (const p of pods) {
    const req = podResources(p, 'requests');
    const lim = podResources(p, 'limits');
    total.rc += req.cpu; total.lc += lim.cpu; total.rm += req.memory; total.lm += lim.memory;
    w.write(LEVEL_1, `${p.metadata.namespace}\t${p.metadata.name}\t\t${formatCPU(req.cpu)} (${pct(req.cpu, allocCPU)}%)\t${formatCPU(lim.cpu)} (${pct(lim.cpu, allocCPU)}%)\t${formatMemory(req.memory)} (${pct(req.memory, allocMem)}%)\t${formatMemory(lim.memory)} (${pct(lim.memory, allocMem)}%)\t${ageSince(nowMs, p.metadata.creationTimestamp)}\n`);
  }
  w.write(LEVEL_0, 'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n');
  w.write(LEVEL_1, 'Resource\tRequests\tLimits\n');
  w.write(LEVEL_1, '--------\t--------\t------\n');
  w.write(LEVEL_1, `cpu\t${formatCPU(total.rc)} (${pct(total.rc, allocCPU)}%)\t${formatCPU(total.lc)} (${pct(total.lc, allocCPU)}%)\n`);
  w.write(LEVEL_1, `memory\t${formatMemory(total.rm)} (${pct(total.rm, allocMem)}%)\t${formatMemory(total.lm)} (${pct(total.lm, allocMem)}%)\n`);
  w.write(LEVEL_1, 'ephemeral-storage\t0 (0%)\t0 (0%)\n');
  describeEvents(w, events, nowMs);
  return w.toString();
}

export function describeNamespace(ns: Namespace): string {
  const w = new DescribeWriter();
  w.write(LEVEL_0, `Name:\t${ns.metadata.name}\n`);
  printLabelsMultiline(w, 'Labels', ns.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', ns.metadata.annotations);
  w.write(LEVEL_0, `Status:\t${ns.status?.phase ?? ''}\n`);
  // The playground has no ResourceQuota or LimitRange objects.
  w.write(LEVEL_0, '\nNo resource quota.\n');
  w.write(LEVEL_0, '\nNo LimitRange resource.\n');
  return w.toString();
}
