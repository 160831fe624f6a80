// ConfigMap strategy. Sources: pkg/registry/core/configmap/strategy.go (no defaulting;
// update validation runs create validation too), pkg/apis/core/validation/validation.go
// (ValidateConfigMap, ValidateConfigMapUpdate), apimachinery/pkg/util/validation
// (IsConfigMapKey, hasChDirPrefix), pkg/apis/core/types.go (MaxSecretSize, 1 MiB).

import type { EngineContext } from '../../context';
import { field, type FieldError } from '../../core/errors';
import type { KubeObject } from '../../core/types';
import { utf8Length } from '../../core/utf8';
import { jsonEqual } from '../apiServer';
import { KINDS } from '../kinds';
import type { KindStrategy } from '../registry';
import { isDNS1123Subdomain, maxLenError, regexError, validateObjectMeta } from '../validation/common';

export interface ConfigMap extends KubeObject {
  kind: 'ConfigMap';
  data?: Record<string, string>;
  /** Base64 in JSON and YAML, as Go's []byte. */
  binaryData?: Record<string, string>;
  immutable?: boolean;
}

/** core.MaxSecretSize: the total of data and binaryData values. */
export const MAX_CONFIG_MAP_SIZE = 1024 * 1024;
const DNS1123_SUBDOMAIN_MAX_LENGTH = 253;
const CONFIG_MAP_KEY_FMT = '[-._a-zA-Z0-9]+';
const CONFIG_MAP_KEY_RE = /^[-._a-zA-Z0-9]+$/;
const CONFIG_MAP_KEY_ERROR = regexError("a valid config key must consist of alphanumeric characters, '-', '_' or '.'", CONFIG_MAP_KEY_FMT, 'key.name', 'KEY_NAME', 'key-name');
const IMMUTABLE = 'field is immutable when `immutable` is set';

/** validation.IsConfigMapKey: the messages for an invalid key (none when valid). */
export function isConfigMapKey(key: string): string[] {
  const errs: string[] = [];
  if (key.length > DNS1123_SUBDOMAIN_MAX_LENGTH) errs.push(maxLenError(DNS1123_SUBDOMAIN_MAX_LENGTH));
  if (!CONFIG_MAP_KEY_RE.test(key)) errs.push(CONFIG_MAP_KEY_ERROR);
  // hasChDirPrefix
  if (key === '.') errs.push("must not be '.'");
  else if (key === '..') errs.push("must not be '..'");
  else if (key.startsWith('..')) errs.push("must not start with '..'");
  return errs;
}

/** Decoded length of a base64 value ([]byte in Go): also what `kubectl describe cm` prints for binaryData. */
export function base64Length(s: string): number {
  const body = s.replace(/=+$/, '');
  return Math.floor((body.length * 3) / 4);
}

const stringMap = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

/** ValidateConfigMap (map keys in sorted order, where Go's map order is random). */
export function validateConfigMap(cm: ConfigMap): FieldError[] {
  const errs = validateObjectMeta(cm.metadata, true, isDNS1123Subdomain);
  const data = stringMap(cm.data);
  const binary = stringMap(cm.binaryData);
  let total = 0;
  for (const key of Object.keys(data).sort()) {
    for (const m of isConfigMapKey(key)) errs.push(field.invalid(`data[${key}]`, key, m));
    if (key in binary) errs.push(field.invalid(`data[${key}]`, key, 'duplicate of key present in binaryData'));
    // Go's len(): bytes in UTF-8.
    total += utf8Length(String(data[key] ?? ''));
  }
  for (const key of Object.keys(binary).sort()) {
    for (const m of isConfigMapKey(key)) errs.push(field.invalid(`binaryData[${key}]`, key, m));
    total += base64Length(String(binary[key] ?? ''));
  }
  // field.NewPath(""): the whole object, which Path.String() prints as `[]`.
  if (total > MAX_CONFIG_MAP_SIZE) errs.push({ type: 'FieldValueTooLong', field: '[]', detail: `may not be more than ${MAX_CONFIG_MAP_SIZE} bytes` });
  return errs;
}

/** ValidateConfigMapUpdate: an immutable ConfigMap keeps its data, binaryData and `immutable: true`. */
export function validateConfigMapUpdate(cm: ConfigMap, old: ConfigMap): FieldError[] {
  const errs: FieldError[] = [];
  if (old.immutable === true) {
    if (cm.immutable !== true) errs.push(field.forbidden('immutable', IMMUTABLE));
    if (!jsonEqual(cm.data, old.data)) errs.push(field.forbidden('data', IMMUTABLE));
    if (!jsonEqual(cm.binaryData, old.binaryData)) errs.push(field.forbidden('binaryData', IMMUTABLE));
  }
  return [...errs, ...validateConfigMap(cm)];
}

export function createConfigMapStrategy(_ctx: EngineContext): KindStrategy<ConfigMap> {
  return { info: KINDS.ConfigMap, validate: validateConfigMap, validateUpdate: validateConfigMapUpdate };
}
