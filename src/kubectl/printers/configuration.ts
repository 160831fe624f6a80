// `kubectl get serviceaccounts` and `kubectl get configmaps`.
// Source: pkg/printers/internalversion/printers.go (serviceAccountColumnDefinitions,
// printServiceAccount: SECRETS counts .secrets, 0 on 1.24+ clusters, which create no token
// Secrets; configMapColumnDefinitions, printConfigMap: DATA counts data and binaryData keys).

import type { KubeObject } from '../../engine/core/types';
import { ageSince } from './age';
import { AGE, NAME, type KindTable } from './columns';

const count = (v: unknown): number => (Array.isArray(v) ? v.length : v && typeof v === 'object' ? Object.keys(v).length : 0);

export const serviceAccountTable: KindTable = {
  columns: [NAME, { name: 'Secrets' }, AGE],
  row(obj, env) {
    const sa = obj as KubeObject & { secrets?: unknown };
    return [obj.metadata.name ?? '', String(count(sa.secrets)), ageSince(env.nowMs, obj.metadata.creationTimestamp)];
  },
};

export const configMapTable: KindTable = {
  columns: [NAME, { name: 'Data' }, AGE],
  row(obj, env) {
    const cm = obj as KubeObject & { data?: unknown; binaryData?: unknown };
    return [obj.metadata.name ?? '', String(count(cm.data) + count(cm.binaryData)), ageSince(env.nowMs, obj.metadata.creationTimestamp)];
  },
};
