// Strategic merge patch as apimachinery computes and applies it: the two-way patch
// `kubectl edit` sends, the three-way patch `kubectl apply` sends, and the API server's
// application of a strategic patch (`kubectl patch`, and the server end of the other two).
// Directives: `$patch: replace|delete`, `$retainKeys` (fields tagged
// `patchStrategy:"retainKeys"`: the keys the patch names are all that stay, so switching a
// Deployment to `type: Recreate` drops the defaulted `rollingUpdate`) and
// `$setElementOrder/<list>` (the order of a merge-keyed list after the patch, server-only
// items kept where they were).
// Sources: staging/src/k8s.io/apimachinery/pkg/util/strategicpatch/patch.go (diffMaps,
// handleMapDiff, handleSliceDiff, diffLists, diffListsOfMaps, normalizeSliceOrder,
// mergeSortedSlice, mergeMap, applyRetainKeysDirective, mergePatchIntoOriginal, mergeSlice,
// CreateTwoWayMergeMapPatch, CreateThreeWayMergePatch, StrategicMergeMapPatch);
// apimachinery/pkg/util/mergepatch/errors.go (error texts); the patchStrategy/patchMergeKey
// tags of staging/src/k8s.io/api/core/v1/types.go and apps/v1/types.go (patchMetaFor).

import { jsonEqual } from '../engine/api/apiServer';
import { apiErrors, StatusError } from '../engine/core/errors';
import { goPrint } from './patchDecodeError';

type Json = unknown;
type JsonObject = Record<string, Json>;

const RETAIN_KEYS = '$retainKeys';
const SET_ELEMENT_ORDER = '$setElementOrder';
const DELETE_FROM_PRIMITIVE_LIST = '$deleteFromPrimitiveList';
const DIRECTIVE = '$patch';

/**
 * A strategic patch the server cannot apply: the mergepatch format errors are a 400
 * BadRequest (apiserver handlers/patch.go interpretStrategicMergePatchError), the others a
 * 500 with no reason (ErrorToAPIStatus).
 */
export class StrategicPatchFormatError extends Error {
  status(): StatusError {
    if (this.message === BAD_RETAIN_KEYS || this.message === BAD_SET_ELEMENT_ORDER) return apiErrors.badRequest(this.message);
    return new StatusError({ kind: 'Status', apiVersion: 'v1', status: 'Failure', code: 500, reason: '', message: this.message });
  }
}

const BAD_RETAIN_KEYS = 'invalid patch format of retainKeys';
const BAD_SET_ELEMENT_ORDER = 'invalid patch format of setElementOrder list';

const isObject = (v: Json): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);
const has = (o: JsonObject, k: string) => Object.prototype.hasOwnProperty.call(o, k);
const own = (o: JsonObject, k: string): Json => (has(o, k) ? o[k] : undefined);
const copy = <T>(v: T): T => (v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T));
const jsonType = (v: Json) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

function setOwn(o: JsonObject, k: string, v: Json): void {
  Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
}

/** Go's `%v` of a merge key's value: how strategicpatch sorts list items. */
const keyText = (v: Json) => (typeof v === 'string' ? v : JSON.stringify(v));
/** Go's `==` on two merge key values (strings or numbers). */
const sameKey = (a: Json, b: Json) => a === b || (typeof a === 'object' && a !== null && jsonEqual(a, b));

/**
 * The merge key of the list at `path` (field names from the root; list items as `[]`),
 * or undefined for lists that are replaced whole.
 */
export function mergeKeyFor(kind: string, path: string[]): string | undefined {
  const field = path[path.length - 1];
  const parent = path[path.length - 2];
  switch (field) {
    case 'containers':
    case 'initContainers':
    case 'ephemeralContainers':
    case 'env':
    case 'volumes':
    case 'imagePullSecrets':
      return 'name';
    case 'volumeMounts':
      return 'mountPath';
    case 'volumeDevices':
      return 'devicePath';
    case 'hostAliases':
      return 'ip';
    case 'ownerReferences':
      return 'uid';
    case 'conditions':
      return 'type';
    case 'ports':
      if (parent === '[]' && ['containers', 'initContainers', 'ephemeralContainers'].includes(path[path.length - 3])) return 'containerPort';
      if (kind === 'Service' && path.length === 2 && path[0] === 'spec') return 'port';
      return undefined;
    default:
      return undefined;
  }
}

/**
 * The struct tags of the field at `path` (names from the root, list items as `[]`):
 * the merge key of a `patchStrategy:"merge"` list, and whether it has `retainKeys`.
 */
export function patchMetaFor(kind: string, path: string[]): { mergeKey?: string; retainKeys: boolean } {
  const mergeKey = mergeKeyFor(kind, path);
  const field = path[path.length - 1];
  // apps/v1 DeploymentSpec.Strategy `patchStrategy:"retainKeys"`; core/v1 PodSpec.Volumes
  // `patchStrategy:"merge,retainKeys"`. (DaemonSetSpec.UpdateStrategy and
  // StatefulSetSpec.UpdateStrategy carry no patch strategy.)
  const retainKeys = (kind === 'Deployment' && path.length === 2 && path[0] === 'spec' && field === 'strategy') || (field === 'volumes' && mergeKey === 'name');
  return { mergeKey, retainKeys };
}

interface DiffOptions {
  setElementOrder?: boolean;
  ignoreChangesAndAdditions?: boolean;
  ignoreDeletions?: boolean;
  buildRetainKeys?: boolean;
}

/** Whether a list is merged item by item: a merge key and every item a map that has it. */
function mergeKeyOfList(kind: string, path: string[], ...lists: Json[][]): string | undefined {
  const { mergeKey } = patchMetaFor(kind, path);
  return mergeKey && lists.every((l) => l.every((i) => isObject(i) && has(i, mergeKey))) ? mergeKey : undefined;
}

function diffMaps(kind: string, path: string[], original: JsonObject, modified: JsonObject, options: DiffOptions): JsonObject {
  const patch: JsonObject = {};
  const retainKeys: string[] = [];
  for (const [key, m] of Object.entries(modified)) {
    if (options.buildRetainKeys && m !== null) retainKeys.push(key);
    if (!has(original, key)) {
      if (!options.ignoreChangesAndAdditions) setOwn(patch, key, m);
      continue;
    }
    const o = original[key];
    if (key === DIRECTIVE) {
      if (o !== m) setOwn(patch, key, m);
      continue;
    }
    if (jsonType(o) !== jsonType(m)) {
      if (!options.ignoreChangesAndAdditions) setOwn(patch, key, m);
      continue;
    }
    const fieldPath = [...path, key];
    if (isObject(o) && isObject(m)) {
      const sub = diffMaps(kind, fieldPath, o, m, { ...options, buildRetainKeys: patchMetaFor(kind, fieldPath).retainKeys });
      if (Object.keys(sub).length) setOwn(patch, key, sub);
    } else if (Array.isArray(o) && Array.isArray(m)) {
      diffSlice(kind, fieldPath, key, o, m, patch, options);
    } else if (!options.ignoreChangesAndAdditions && !jsonEqual(o, m)) {
      setOwn(patch, key, m);
    }
  }
  if (!options.ignoreDeletions) for (const key of Object.keys(original)) if (!has(modified, key)) setOwn(patch, key, null);
  const clearsMore = Object.entries(original).some(([k, v]) => v !== null && !has(modified, k));
  if (retainKeys.length && (Object.keys(patch).length || clearsMore)) setOwn(patch, RETAIN_KEYS, retainKeys.sort());
  return patch;
}

/** handleSliceDiff: merge-keyed lists item by item with their `$setElementOrder`; other lists replaced whole. */
function diffSlice(kind: string, path: string[], key: string, original: Json[], modified: Json[], patch: JsonObject, options: DiffOptions): void {
  const mergeKey = mergeKeyOfList(kind, path, original, modified);
  if (!mergeKey) {
    if (!options.ignoreChangesAndAdditions && !jsonEqual(original, modified)) setOwn(patch, key, modified);
    return;
  }
  const itemOptions = { ...options, buildRetainKeys: patchMetaFor(kind, path).retainKeys };
  if (original.length === 0) {
    if (modified.length && !options.ignoreChangesAndAdditions) setOwn(patch, key, modified);
    return;
  }
  const { changes, deletions } = diffListsOfMaps(kind, path, original as JsonObject[], modified as JsonObject[], mergeKey, itemOptions);
  const patchList = [...sortByOrder(changes, modified, mergeKey), ...deletions];
  const orderSame = original.length === modified.length && original.every((o, i) => sameKey((o as JsonObject)[mergeKey], (modified[i] as JsonObject)[mergeKey]));
  if (patchList.length) setOwn(patch, key, patchList);
  const wantOrder = (!options.ignoreChangesAndAdditions && (patchList.length > 0 || !orderSame)) || (!options.ignoreDeletions && patchList.length > 0);
  if (options.setElementOrder && wantOrder) {
    setOwn(patch, `${SET_ELEMENT_ORDER}/${key}`, (modified as JsonObject[]).map((m) => ({ [mergeKey]: m[mergeKey] })));
  }
}

/** diffListsOfMaps: both lists walked sorted by the merge key's text. */
function diffListsOfMaps(kind: string, path: string[], original: JsonObject[], modified: JsonObject[], mergeKey: string, options: DiffOptions) {
  const sorted = (l: JsonObject[]) => [...l].sort((a, b) => (keyText(a[mergeKey]) < keyText(b[mergeKey]) ? -1 : keyText(a[mergeKey]) > keyText(b[mergeKey]) ? 1 : 0));
  const originalSorted = sorted(original);
  const modifiedSorted = sorted(modified);
  const changes: JsonObject[] = [];
  const deletions: JsonObject[] = [];
  let i = 0;
  let j = 0;
  while (i < originalSorted.length || j < modifiedSorted.length) {
    const o = originalSorted[i];
    const m = modifiedSorted[j];
    const ok = o === undefined ? undefined : keyText(o[mergeKey]);
    const mk = m === undefined ? undefined : keyText(m[mergeKey]);
    if (ok !== undefined && mk !== undefined && ok === mk) {
      const sub = diffMaps(kind, [...path, '[]'], o, m, options);
      if (Object.keys(sub).length) {
        setOwn(sub, mergeKey, m[mergeKey]);
        changes.push(sub);
      }
      i++;
      j++;
    } else if (ok === undefined || (mk !== undefined && ok > mk)) {
      if (!options.ignoreChangesAndAdditions) changes.push(m);
      j++;
    } else {
      if (!options.ignoreDeletions) deletions.push({ [mergeKey]: o[mergeKey], [DIRECTIVE]: 'delete' });
      i++;
    }
  }
  return { changes, deletions };
}

/** normalizeSliceOrder: items sorted (stably) by where their merge key stands in `order`; `$patch: delete` items last. */
function sortByOrder(items: JsonObject[], order: Json[], mergeKey: string): JsonObject[] {
  const at = (i: JsonObject) => order.findIndex((o) => isObject(o) && sameKey(o[mergeKey], i[mergeKey]));
  const kept = items.filter((i) => i[DIRECTIVE] !== 'delete');
  const deleted = items.filter((i) => i[DIRECTIVE] === 'delete');
  const ranked = kept.map((item, n) => ({ item, n, at: at(item) }));
  ranked.sort((a, b) => (a.at >= 0 && b.at >= 0 && a.at !== b.at ? a.at - b.at : a.n - b.n));
  return [...ranked.map((r) => r.item), ...deleted];
}

/**
 * mergeSortedSlice: server-only items (`left`) inserted among the patch's items (`right`),
 * each before the first patch item that the live list (`serverOrder`) has after it.
 */
function mergeSortedSlice(left: JsonObject[], right: JsonObject[], serverOrder: Json[], mergeKey: string): JsonObject[] {
  const index = (v: JsonObject) => serverOrder.findIndex((s) => isObject(s) && sameKey(s[mergeKey], v[mergeKey]));
  const out: JsonObject[] = [];
  let i = 0;
  let j = 0;
  while (i < left.length || j < right.length) {
    if (i >= left.length) out.push(right[j++]);
    else if (j >= right.length) out.push(left[i++]);
    else {
      const li = index(left[i]);
      const ri = index(right[j]);
      if (li >= 0 && ri >= 0 && li < ri) out.push(left[i++]);
      else out.push(right[j++]);
    }
  }
  return out;
}

/** normalizeElementOrder over a merged list: patch items in `patchOrder`, server-only items where the live list had them. */
function enforceOrder(merged: JsonObject[], patchOrder: Json[], serverOrder: Json[], mergeKey: string): JsonObject[] {
  const inPatch = (v: JsonObject) => patchOrder.some((p) => isObject(p) && has(p, mergeKey) && sameKey(p[mergeKey], v[mergeKey]));
  const patchItems = merged.filter(inPatch);
  const serverOnly = merged.filter((v) => !inPatch(v));
  return mergeSortedSlice(sortByOrder(serverOnly, serverOrder, mergeKey), sortByOrder(patchItems, patchOrder, mergeKey), serverOrder, mergeKey);
}

interface MergeOptions {
  /** Server side: directives are carried out. Client side (merging the two halves of a three-way patch): kept. */
  mergeParallelList: boolean;
  ignoreUnmatchedNulls: boolean;
}

/** Values taken from a patch where the target has nothing: `$patch` items of lists dropped (they have nothing to act on). */
const withoutListDirectives = (v: Json): Json => (Array.isArray(v) ? v.filter((i) => !(isObject(i) && has(i, DIRECTIVE))) : v);

/** mergeMap: mutates and returns `original` (a private copy). */
function mergeMap(kind: string, path: string[], original: JsonObject, patch: JsonObject, options: MergeOptions): JsonObject {
  if (has(patch, DIRECTIVE)) {
    const directive = patch[DIRECTIVE];
    if (directive === 'replace') {
      delete patch[DIRECTIVE];
      return patch;
    }
    if (directive === 'delete') return {};
    throw new StrategicPatchFormatError(`unknown patch type: ${String(directive)} in map: ${goPrint(patch)}`);
  }
  applyRetainKeys(original, patch, options);
  mergeElementOrderLists(kind, path, original, patch, options);
  for (const [rawKey, patchValue] of Object.entries(patch)) {
    let key = rawKey;
    let deleteList = false;
    if (rawKey.startsWith(DELETE_FROM_PRIMITIVE_LIST)) {
      if (!options.mergeParallelList) {
        setOwn(original, rawKey, patchValue);
        continue;
      }
      key = rawKey.slice(DELETE_FROM_PRIMITIVE_LIST.length + 1);
      deleteList = true;
    } else if (rawKey.startsWith('$')) continue; // no other directive is a field
    if (patchValue === null) {
      delete original[key];
      if (options.ignoreUnmatchedNulls) continue;
    }
    if (!has(original, key)) {
      setOwn(original, key, options.mergeParallelList ? withoutListDirectives(patchValue) : patchValue);
      continue;
    }
    const current = original[key];
    const fieldPath = [...path, key];
    if (jsonType(current) !== jsonType(patchValue)) setOwn(original, key, withoutListDirectives(patchValue));
    else if (isObject(current) && isObject(patchValue)) setOwn(original, key, mergeMap(kind, fieldPath, current, patchValue, options));
    else if (Array.isArray(current) && Array.isArray(patchValue)) setOwn(original, key, mergeSlice(kind, fieldPath, current, patchValue, options, deleteList));
    else setOwn(original, key, patchValue);
  }
  return original;
}

/** applyRetainKeysDirective: only the keys the directive names stay (server side); checked and carried (client side). */
function applyRetainKeys(original: JsonObject, patch: JsonObject, options: MergeOptions): void {
  if (!has(patch, RETAIN_KEYS)) return;
  const retain = patch[RETAIN_KEYS];
  delete patch[RETAIN_KEYS];
  if (!options.mergeParallelList) {
    if (!has(original, RETAIN_KEYS)) setOwn(original, RETAIN_KEYS, retain);
    else if (!jsonEqual(original[RETAIN_KEYS], retain)) throw new StrategicPatchFormatError(`${goPrint(original[RETAIN_KEYS])} and ${goPrint(retain)} are not deep equal: this may happen when calculating the 3-way diff patch`);
    return;
  }
  if (!Array.isArray(retain)) throw new StrategicPatchFormatError(BAD_RETAIN_KEYS);
  const kept = new Set(retain.map(String));
  for (const [k, v] of Object.entries(patch)) {
    if (v === null || k.startsWith(DELETE_FROM_PRIMITIVE_LIST) || k.startsWith(SET_ELEMENT_ORDER)) continue;
    if (!kept.has(k)) throw new StrategicPatchFormatError(BAD_RETAIN_KEYS);
  }
  for (const k of Object.keys(original)) if (!kept.has(k)) delete original[k];
}

/** mergePatchIntoOriginal: each `$setElementOrder/<list>` merged with its list, then the order enforced. */
function mergeElementOrderLists(kind: string, path: string[], original: JsonObject, patch: JsonObject, options: MergeOptions): void {
  for (const directiveKey of Object.keys(patch).filter((k) => k.startsWith(SET_ELEMENT_ORDER))) {
    const order = patch[directiveKey];
    if (!options.mergeParallelList) {
      if (!has(original, directiveKey)) setOwn(original, directiveKey, order);
      else if (!jsonEqual(original[directiveKey], order)) throw new StrategicPatchFormatError(BAD_SET_ELEMENT_ORDER);
    }
    delete patch[directiveKey];
    if (!Array.isArray(order) || !directiveKey.startsWith(`${SET_ELEMENT_ORDER}/`)) throw new StrategicPatchFormatError(BAD_SET_ELEMENT_ORDER);
    const key = directiveKey.slice(SET_ELEMENT_ORDER.length + 1);
    const current = own(original, key);
    const patchList = own(patch, key);
    if (current !== undefined && !Array.isArray(current)) continue;
    if (patchList !== undefined && !Array.isArray(patchList)) continue;
    const fieldPath = [...path, key];
    let merged: Json[];
    if (current && patchList) merged = mergeSlice(kind, fieldPath, current, patchList, options, false, false);
    else if (current) merged = current;
    else if (patchList) merged = options.mergeParallelList ? (withoutListDirectives(patchList) as Json[]) : patchList;
    else continue;
    const mergeKey = mergeKeyOfList(kind, fieldPath, merged, order);
    if (mergeKey) merged = enforceOrder(merged as JsonObject[], order, current ?? [], mergeKey);
    setOwn(original, key, merged);
    delete patch[key];
  }
}

/** mergeSlice: a merge-keyed list item by item (`$patch: delete|replace` items honoured), then put in order; other lists replaced. */
function mergeSlice(kind: string, path: string[], original: Json[], patch: Json[], options: MergeOptions, deleteList: boolean, order = true): Json[] {
  const mergeKey = mergeKeyOfList(kind, path, original, patch);
  if (!mergeKey) {
    if (deleteList && options.mergeParallelList) return original.filter((o) => !patch.some((p) => jsonEqual(o, p)));
    return options.mergeParallelList ? (withoutListDirectives(patch) as Json[]) : patch;
  }
  let current = original as JsonObject[];
  const items: JsonObject[] = [];
  let replace = false;
  for (const item of patch as JsonObject[]) {
    if (!has(item, DIRECTIVE)) items.push(item);
    else if (item[DIRECTIVE] === 'delete') current = current.filter((c) => !sameKey(c[mergeKey], item[mergeKey]));
    else if (item[DIRECTIVE] === 'replace') replace = true;
    else if (item[DIRECTIVE] === 'merge') throw new StrategicPatchFormatError('merging lists cannot yet be specified in the patch');
    else throw new StrategicPatchFormatError(`unknown patch type: ${String(item[DIRECTIVE])} in map: ${goPrint(item)}`);
  }
  if (replace) return items;
  const merged = [...current];
  for (const item of items) {
    const at = merged.findIndex((c) => sameKey(c[mergeKey], item[mergeKey]));
    if (at >= 0) merged[at] = mergeMap(kind, [...path, '[]'], merged[at], item, options);
    else merged.push(item);
  }
  return order ? enforceOrder(merged, items, current, mergeKey) : merged;
}

/** The patch with `$retainKeys` and `$setElementOrder` where upstream's two-way diff puts them (kubectl edit). */
export function createTwoWayMergePatch(kind: string, original: JsonObject, modified: JsonObject): JsonObject {
  return diffMaps(kind, [], original, modified, { setElementOrder: true });
}

/**
 * The patch `kubectl apply` sends: the changes from `current` to `modified` (no deletions)
 * with the deletions from `original` (the last-applied configuration) to `modified`.
 */
export function createThreeWayMergePatch(kind: string, original: JsonObject | undefined, modified: JsonObject, current: JsonObject): JsonObject {
  const delta = diffMaps(kind, [], copy(current), copy(modified), { ignoreDeletions: true, setElementOrder: true });
  const deletions = diffMaps(kind, [], copy(original ?? {}), copy(modified), { ignoreChangesAndAdditions: true, setElementOrder: true });
  return mergeMap(kind, [], deletions, delta, { mergeParallelList: false, ignoreUnmatchedNulls: false });
}

/** StrategicMergeMapPatch: `patch` applied to `target` as the API server does it. Inputs are not mutated. */
export function applyStrategicMergePatch(kind: string, target: Json, patch: Json): Json {
  if (!isObject(patch)) return copy(patch);
  return mergeMap(kind, [], isObject(target) ? copy(target) : {}, copy(patch), { mergeParallelList: true, ignoreUnmatchedNulls: true });
}
