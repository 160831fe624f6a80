// Deployments, ReplicaSets, StatefulSets, DaemonSets and ControllerRevisions.
// Source: pkg/printers/internalversion/printers.go (printDeployment, printReplicaSet,
// printStatefulSet, printDaemonSet, printControllerRevision, layoutContainerCells, formatResourceName).

import type { DaemonSet, Deployment, KubeObject, ReplicaSet, StatefulSet } from '../../engine/core/types';
import { ageSince } from './age';
import { AGE, NAME, type KindTable } from './columns';
import { containerCells, formatLabels, formatLabelSelector, labelSelectorString } from './format';

const num = (v: unknown): number => (typeof v === 'number' ? v : 0);
const CONTAINERS = { name: 'Containers', wide: true };
const IMAGES = { name: 'Images', wide: true };
const SELECTOR = { name: 'Selector', wide: true };

export const deploymentTable: KindTable = {
  columns: [NAME, { name: 'Ready' }, { name: 'Up-to-date' }, { name: 'Available' }, AGE, CONTAINERS, IMAGES, SELECTOR],
  row(obj, env) {
    const d = obj as Deployment;
    const st = d.status ?? {};
    const cells = [
      d.metadata.name ?? '',
      `${num(st.readyReplicas)}/${d.spec.replicas ?? 0}`,
      String(num(st.updatedReplicas)),
      String(num(st.availableReplicas)),
      ageSince(env.nowMs, d.metadata.creationTimestamp),
    ];
    if (env.wide) cells.push(...containerCells(d.spec.template?.spec?.containers), labelSelectorString(d.spec.selector));
    return cells;
  },
};

export const replicaSetTable: KindTable = {
  columns: [NAME, { name: 'Desired' }, { name: 'Current' }, { name: 'Ready' }, AGE, CONTAINERS, IMAGES, SELECTOR],
  row(obj, env) {
    const rs = obj as ReplicaSet;
    const st = rs.status;
    const cells = [rs.metadata.name ?? '', String(rs.spec.replicas ?? 0), String(num(st?.replicas)), String(num(st?.readyReplicas)), ageSince(env.nowMs, rs.metadata.creationTimestamp)];
    if (env.wide) cells.push(...containerCells(rs.spec.template?.spec?.containers), formatLabelSelector(rs.spec.selector));
    return cells;
  },
};

export const statefulSetTable: KindTable = {
  columns: [NAME, { name: 'Ready' }, AGE, CONTAINERS, IMAGES],
  row(obj, env) {
    const sts = obj as StatefulSet;
    const cells = [sts.metadata.name ?? '', `${num(sts.status?.readyReplicas)}/${sts.spec.replicas ?? 0}`, ageSince(env.nowMs, sts.metadata.creationTimestamp)];
    if (env.wide) cells.push(...containerCells(sts.spec.template?.spec?.containers));
    return cells;
  },
};

export const daemonSetTable: KindTable = {
  columns: [NAME, { name: 'Desired' }, { name: 'Current' }, { name: 'Ready' }, { name: 'Up-to-date' }, { name: 'Available' }, { name: 'Node Selector' }, AGE, CONTAINERS, IMAGES, SELECTOR],
  row(obj, env) {
    const ds = obj as DaemonSet;
    const st = ds.status;
    const cells = [
      ds.metadata.name ?? '',
      String(num(st?.desiredNumberScheduled)),
      String(num(st?.currentNumberScheduled)),
      String(num(st?.numberReady)),
      String(num(st?.updatedNumberScheduled)),
      String(num(st?.numberAvailable)),
      formatLabels(ds.spec.template?.spec?.nodeSelector),
      ageSince(env.nowMs, ds.metadata.creationTimestamp),
    ];
    if (env.wide) cells.push(...containerCells(ds.spec.template?.spec?.containers), formatLabelSelector(ds.spec.selector));
    return cells;
  },
};

/** formatResourceName(GroupKind, name, withKind): `statefulset.apps/web`. */
export function kindPrefixedName(apiVersion: string, kind: string, name: string): string {
  const slash = apiVersion.indexOf('/');
  const group = slash >= 0 ? apiVersion.slice(0, slash) : '';
  return `${(group ? `${kind}.${group}` : kind).toLowerCase()}/${name}`;
}

export const controllerRevisionTable: KindTable = {
  columns: [NAME, { name: 'Controller' }, { name: 'Revision' }, AGE],
  row(obj: KubeObject, env) {
    const ref = obj.metadata.ownerReferences?.find((r) => r.controller);
    const controller = ref ? kindPrefixedName(ref.apiVersion, ref.kind, ref.name) : '<none>';
    return [obj.metadata.name ?? '', controller, String(num(obj.revision)), ageSince(env.nowMs, obj.metadata.creationTimestamp)];
  },
};
