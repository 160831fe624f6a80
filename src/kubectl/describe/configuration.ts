// `kubectl describe serviceaccount` and `kubectl describe configmap`.
// Source: staging/src/k8s.io/kubectl/pkg/describe/describe.go (describeServiceAccount: the
// three headers in sorted order, padded to one width; ConfigMapDescriber.Describe: data
// values under `----`, binaryData as byte counts; Go's map order is random, keys print
// sorted here).

import { base64Length } from '../../engine/api/strategies/configMap';
import type { KubeEvent, KubeObject } from '../../engine/core/types';
import { describeEvents } from './events';
import { DescribeWriter, LEVEL_0, printAnnotationsMultiline, printLabelsMultiline } from './writer';

interface ServiceAccountLike extends KubeObject {
  secrets?: { name?: string }[];
  imagePullSecrets?: { name?: string }[];
}

const EMPTY_HEADER = '                   ';
const PULL_HEADER = 'Image pull secrets:';
const MOUNT_HEADER = 'Mountable secrets: ';
const TOKEN_HEADER = 'Tokens:            ';

const names = (refs: { name?: string }[] | undefined): string[] => (Array.isArray(refs) ? refs.map((r) => r?.name ?? '') : []);

/** Referenced Secrets print `(not found)`: the playground serves no Secrets, so none exists. */
export function describeServiceAccount(sa: ServiceAccountLike, events: KubeEvent[], nowMs: number): string {
  const w = new DescribeWriter();
  w.write(LEVEL_0, `Name:\t${sa.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${sa.metadata.namespace}\n`);
  printLabelsMultiline(w, 'Labels', sa.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', sa.metadata.annotations);
  // Token Secrets are those of type kubernetes.io/service-account-token naming this account:
  // none on a 1.24+ cluster, and the playground has no Secrets at all.
  const sections: [string, string[]][] = [[PULL_HEADER, names(sa.imagePullSecrets)], [MOUNT_HEADER, names(sa.secrets)], [TOKEN_HEADER, []]];
  for (const [header, list] of sections) {
    if (list.length === 0) {
      w.write(LEVEL_0, `${header}\t<none>\n`);
      continue;
    }
    let prefix = header;
    for (const name of list) {
      w.write(LEVEL_0, `${prefix}\t${name} (not found)\n`);
      prefix = EMPTY_HEADER;
    }
  }
  describeEvents(w, events, nowMs);
  return w.toString();
}

interface ConfigMapLike extends KubeObject {
  data?: Record<string, string>;
  binaryData?: Record<string, string>;
}

export function describeConfigMap(cm: ConfigMapLike, events: KubeEvent[], nowMs: number): string {
  const w = new DescribeWriter();
  w.write(LEVEL_0, `Name:\t${cm.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${cm.metadata.namespace}\n`);
  printLabelsMultiline(w, 'Labels', cm.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', cm.metadata.annotations);
  w.write(LEVEL_0, '\nData\n====\n');
  for (const key of Object.keys(cm.data ?? {}).sort()) {
    w.write(LEVEL_0, `${key}:\n----\n`);
    w.write(LEVEL_0, `${cm.data![key]}\n`);
  }
  w.write(LEVEL_0, '\nBinaryData\n====\n');
  for (const key of Object.keys(cm.binaryData ?? {}).sort()) w.write(LEVEL_0, `${key}: ${base64Length(String(cm.binaryData![key]))} bytes\n`);
  w.write(LEVEL_0, '\n');
  describeEvents(w, events, nowMs);
  return w.toString();
}
