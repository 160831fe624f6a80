// `kubectl get nodes` and `kubectl get namespaces`.
// Source: pkg/printers/internalversion/printers.go (printNode, findNodeRoles,
// getNodeInternalIP, getNodeExternalIP, printNamespace).

import type { Namespace, Node } from '../../engine/core/types';
import { ageSince } from './age';
import { AGE, NAME, type KindTable } from './columns';

const NODE_ROLE_PREFIX = 'node-role.kubernetes.io/';
const NODE_ROLE_LABEL = 'kubernetes.io/role';

/** Roles from `node-role.kubernetes.io/<role>` labels and `kubernetes.io/role=<role>`, sorted. */
export function nodeRoles(node: Node): string[] {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(node.metadata.labels ?? {})) {
    if (k.startsWith(NODE_ROLE_PREFIX)) {
      const role = k.slice(NODE_ROLE_PREFIX.length);
      if (role) roles.add(role);
    } else if (k === NODE_ROLE_LABEL && v !== '') roles.add(v);
  }
  return [...roles].sort();
}

export function nodeStatus(node: Node): string {
  const status: string[] = [];
  const ready = (node.status?.conditions ?? []).find((c) => c.type === 'Ready');
  if (ready) status.push(ready.status === 'True' ? 'Ready' : 'NotReady');
  if (status.length === 0) status.push('Unknown');
  if (node.spec?.unschedulable) status.push('SchedulingDisabled');
  return status.join(',');
}

function address(node: Node, type: string): string {
  return (node.status?.addresses ?? []).find((a) => a.type === type)?.address ?? '<none>';
}

export const nodeTable: KindTable = {
  columns: [NAME, { name: 'Status' }, { name: 'Roles' }, AGE, { name: 'Version' }, { name: 'Internal-IP', wide: true }, { name: 'External-IP', wide: true }, { name: 'OS-Image', wide: true }, { name: 'Kernel-Version', wide: true }, { name: 'Container-Runtime', wide: true }],
  row(obj, env) {
    const node = obj as Node;
    const info = node.status?.nodeInfo ?? {};
    const cells = [node.metadata.name ?? '', nodeStatus(node), nodeRoles(node).join(',') || '<none>', ageSince(env.nowMs, node.metadata.creationTimestamp), info.kubeletVersion ?? ''];
    if (env.wide) {
      cells.push(address(node, 'InternalIP'), address(node, 'ExternalIP'), info.osImage || '<unknown>', info.kernelVersion || '<unknown>', info.containerRuntimeVersion || '<unknown>');
    }
    return cells;
  },
};

export const namespaceTable: KindTable = {
  columns: [NAME, { name: 'Status' }, AGE],
  row(obj, env) {
    const ns = obj as Namespace;
    return [ns.metadata.name ?? '', ns.status?.phase ?? '', ageSince(env.nowMs, ns.metadata.creationTimestamp)];
  },
};
