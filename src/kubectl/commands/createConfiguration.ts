// kubectl create serviceaccount NAME and kubectl create configmap NAME
// [--from-literal=key=value] [--from-file=[key=]path], as kubectl v1.32 builds them.
// Sources: staging/src/k8s.io/kubectl/pkg/cmd/create/create_serviceaccount.go,
// create_configmap.go (handleConfigMapFromLiteralSources, handleConfigMapFromFileSources,
// addKeyFromLiteralToConfigMap, validateNewConfigMap), pkg/util/util.go (ParseLiteralSource,
// ParseFileSource). Files are read from the playground's workspace.

import { isConfigMapKey } from '../../engine/api/strategies/configMap';
import type { KubeObject } from '../../engine/core/types';
import type { Invocation, KubectlCommand } from '../command';
import { DRY_RUN_FLAG, OUTPUT_FLAG, SAVE_CONFIG_FLAG, VALIDATE_FLAG } from '../commonFlags';
import { KubectlError } from '../errors';
import { generatorName, sendGenerated, sliceFlag } from './createService';

export const createServiceAccountCommand: KubectlCommand = {
  name: 'serviceaccount',
  aliases: ['sa'],
  short: 'Create a service account with the specified name',
  usage: 'create serviceaccount NAME [--dry-run=server|client|none]',
  examples: '  # Create a new service account named my-service-account\n  kubectl create serviceaccount my-service-account',
  flags: [OUTPUT_FLAG, DRY_RUN_FLAG, VALIDATE_FLAG, SAVE_CONFIG_FLAG],
  run(inv) {
    const name = generatorName(inv);
    const sa: KubeObject = { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { creationTimestamp: null, name } };
    sendGenerated(inv, sa, 'serviceaccount', 'serviceaccount');
  },
};

/** ParseLiteralSource: split at the first `=`, quotes trimmed from the value. */
export function parseLiteralSource(source: string): [string, string] {
  const eq = source.indexOf('=');
  if (eq <= 0) throw new KubectlError(`invalid literal source ${source}, expected key=value`);
  return [source.slice(0, eq), source.slice(eq + 1).replace(/^["']+|["']+$/g, '')];
}

/** ParseFileSource: `path` (key = base name) or `key=path`. */
export function parseFileSource(source: string): [string, string] {
  const separators = source.split('=').length - 1;
  if (separators === 0) return [source.slice(source.lastIndexOf('/') + 1), source];
  if (separators === 1 && source.startsWith('=')) throw new KubectlError(`key name for file path ${source.slice(1)} missing`);
  if (separators === 1 && source.endsWith('=')) throw new KubectlError(`file path for key name ${source.slice(0, -1)} missing`);
  if (separators > 1) throw new KubectlError("key names or file paths cannot contain '='");
  const [key, path] = source.split('=');
  return [key, path];
}

/** addKeyFromLiteralToConfigMap (validateNewConfigMap first). */
function addKey(data: Record<string, string>, configMapName: string, key: string, value: string): void {
  const errs = isConfigMapKey(key);
  if (errs.length) throw new KubectlError(`${JSON.stringify(key)} is not a valid key name for a ConfigMap: ${errs.join(',')}`);
  if (key in data) throw new KubectlError(`cannot add key ${JSON.stringify(key)}, another key by that name already exists in Data for ConfigMap ${JSON.stringify(configMapName)}`);
  data[key] = value;
}

export function generateConfigMap(inv: Invocation, name: string, fileSources: string[], literalSources: string[]): KubeObject {
  const data: Record<string, string> = {};
  for (const source of fileSources) {
    const [key, path] = parseFileSource(source);
    const text = inv.env.workspace.read(path);
    if (text === undefined) throw new KubectlError(`error reading ${path}: no such file or directory`);
    addKey(data, name, key, text);
  }
  for (const source of literalSources) {
    const [key, value] = parseLiteralSource(source);
    addKey(data, name, key, value);
  }
  // Data is `omitempty`: a ConfigMap made without sources has none.
  const cm: KubeObject & { data?: Record<string, string> } = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { creationTimestamp: null, name } };
  if (Object.keys(data).length) cm.data = data;
  return cm;
}

export const createConfigMapCommand: KubectlCommand = {
  name: 'configmap',
  aliases: ['cm'],
  short: 'Create a config map from a local file, directory or literal value',
  usage: 'create configmap NAME [--from-file=[key=]source] [--from-literal=key1=value1] [--dry-run=server|client|none]',
  examples: "  # Create a new config map named my-config with key1=config1 and key2=config2\n  kubectl create configmap my-config --from-literal=key1=config1 --from-literal=key2=config2\n\n  # Create a new config map named my-config based on file bar\n  kubectl create configmap my-config --from-file=key1=/path/to/bar",
  flags: [
    OUTPUT_FLAG, DRY_RUN_FLAG, VALIDATE_FLAG, SAVE_CONFIG_FLAG,
    { name: 'from-file', type: 'stringArray', usage: 'Key file can be specified using its file path, in which case file basename will be used as configmap key, or optionally with a key and file path, in which case the given key will be used.  Specifying a directory will iterate each named file in the directory whose basename is a valid configmap key.' },
    { name: 'from-literal', type: 'stringArray', usage: 'Specify a key and literal value to insert in configmap (i.e. mykey=somevalue)' },
  ],
  run(inv) {
    const name = generatorName(inv);
    const cm = generateConfigMap(inv, name, sliceFlag(inv, 'from-file'), inv.flags.array('from-literal'));
    sendGenerated(inv, cm, 'configmap', 'configmap');
  },
};
