// kubectl's human-readable tables: the per-kind column handlers (printers.go) decorated
// the way cli-runtime's table printer does it (NAMESPACE first with -A, `kind/name` with
// several kinds, -L label columns, LABELS with --show-labels), then aligned by the
// tabwriter. Sources: staging/src/k8s.io/cli-runtime/pkg/printers/tableprinter.go
// (decorateTable, printTable), tabwriter.go, pkg/printers/internalversion/printers.go.

import type { EngineContext } from '../../engine/context';
import type { KubeObject } from '../../engine/core/types';
import { ageSince } from './age';
import { AGE, NAME, type Column, type KindTable, type RowEnv } from './columns';
import { configMapTable, serviceAccountTable } from './configuration';
import { endpointSliceTable, endpointsTable } from './endpoints';
import { eventTable } from './events';
import { formatLabels } from './format';
import { ingressClassTable, ingressTable, networkPolicyTable } from './networking';
import { namespaceTable, nodeTable } from './nodes';
import { podTable } from './pods';
import { serviceTable } from './services';
import { TABLE_SETTINGS, tabwrite } from './tabwriter';
import { controllerRevisionTable, daemonSetTable, deploymentTable, replicaSetTable, statefulSetTable } from './workloads';

export interface TableOptions {
  /** `-o wide`: add the priority-1 columns. */
  wide: boolean;
  /** `--show-labels`: a LABELS column. */
  showLabels: boolean;
  /** `-L key`: one column per key. */
  labelColumns: string[];
  /** `-A`: a leading NAMESPACE column. */
  withNamespace: boolean;
  /** Several kinds in one `get`: names print as `kind/name` (e.g. `service/web`). */
  showKind: boolean;
  noHeaders: boolean;
  /**
   * Keep the given order (e.g. `kubectl get pod b a` prints b first). By default rows
   * come in the API server's list order: by namespace, then name (etcd key order).
   */
  preserveOrder?: boolean;
  /** `get -w --output-watch-events`: a leading EVENT column with this event type (tableprinter.go formatEventType). */
  eventType?: 'ADDED' | 'MODIFIED' | 'DELETED';
  /** `get -w`: the column widths of earlier flushes, kept and updated (tabwrite's RememberWidths). */
  rememberedWidths?: number[];
}

/** tableprinter.go formattedEventType: padded to one width. */
const EVENT_CELLS = { ADDED: 'ADDED   ', MODIFIED: 'MODIFIED', DELETED: 'DELETED ' } as const;

const TABLES: Record<string, KindTable> = {
  Pod: podTable,
  Service: serviceTable,
  Endpoints: endpointsTable,
  EndpointSlice: endpointSliceTable,
  Deployment: deploymentTable,
  ReplicaSet: replicaSetTable,
  StatefulSet: statefulSetTable,
  DaemonSet: daemonSetTable,
  ControllerRevision: controllerRevisionTable,
  Namespace: namespaceTable,
  Node: nodeTable,
  Event: eventTable,
  ServiceAccount: serviceAccountTable,
  ConfigMap: configMapTable,
  Ingress: ingressTable,
  IngressClass: ingressClassTable,
  NetworkPolicy: networkPolicyTable,
};

/** Kinds without a handler get the server's default table: NAME, AGE. */
const defaultTable: KindTable = {
  columns: [NAME, AGE],
  row: (obj, env) => [obj.metadata.name ?? '', ageSince(env.nowMs, obj.metadata.creationTimestamp)],
};

const byNamespaceThenName = (a: KubeObject, b: KubeObject): number => {
  const na = a.metadata.namespace ?? '';
  const nb = b.metadata.namespace ?? '';
  if (na !== nb) return na < nb ? -1 : 1;
  const ma = a.metadata.name ?? '';
  const mb = b.metadata.name ?? '';
  return ma < mb ? -1 : ma > mb ? 1 : 0;
};

/** `service`, `deployment.apps`, `endpointslice.discovery.k8s.io`: GroupKind.String() lower-cased. */
function kindPrefix(ctx: EngineContext, kind: string, sample: KubeObject | undefined): string {
  let group = ctx.registry?.info(kind)?.group;
  if (group === undefined && sample) {
    const slash = sample.apiVersion.indexOf('/');
    group = slash >= 0 ? sample.apiVersion.slice(0, slash) : '';
  }
  return (group ? `${kind}.${group}` : kind).toLowerCase();
}

/** One table for objects of one kind, lines ending in '\n'; header included unless noHeaders. */
export function printTable(ctx: EngineContext, kind: string, objects: KubeObject[], opts: TableOptions): string {
  if (objects.length === 0) return '';
  const table = TABLES[kind] ?? defaultTable;
  const env: RowEnv = { ctx, nowMs: ctx.clock.now(), wide: opts.wide };
  const shown: Column[] = table.columns.filter((c) => opts.wide || !c.wide);
  const nameIndex = shown.findIndex((c) => c.isName);
  const prefix = opts.showKind ? kindPrefix(ctx, kind, objects[0]) + '/' : '';
  const rows = opts.preserveOrder ? objects : [...objects].sort(byNamespaceThenName);

  const headers = shown.map((c) => c.name.toUpperCase());
  if (opts.withNamespace) headers.unshift('NAMESPACE');
  for (const key of opts.labelColumns) headers.push(key.slice(key.lastIndexOf('/') + 1).toUpperCase());
  if (opts.showLabels) headers.push('LABELS');
  if (opts.eventType) headers.unshift('EVENT');

  const lines: string[] = [];
  if (!opts.noHeaders) lines.push(headers.join('\t'));
  for (const obj of rows) {
    const cells = table.row(obj, env);
    if (prefix && nameIndex >= 0) cells[nameIndex] = prefix + cells[nameIndex];
    if (opts.withNamespace) cells.unshift(obj.metadata.namespace ?? '');
    const labels = obj.metadata.labels ?? {};
    for (const key of opts.labelColumns) cells.push(labels[key] ?? '');
    if (opts.showLabels) cells.push(formatLabels(labels));
    if (opts.eventType) cells.unshift(EVENT_CELLS[opts.eventType]);
    lines.push(cells.join('\t'));
  }
  return tabwrite(lines.join('\n') + '\n', TABLE_SETTINGS, opts.rememberedWidths);
}
