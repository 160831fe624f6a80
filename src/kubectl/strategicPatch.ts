// Strategic merge patch as apimachinery computes and applies it: the two-way patch
// `kubectl edit` sends, the three-way patch `kubectl apply` sends, and the API server's
// application of a strategic patch (`kubectl patch`, and the server end of the other two).
// Directives: `$patch: replace|delete`, `$retainKeys` (fields tagged
// `patchStrategy:"retainKeys"`: the keys the patch names are all that stay, so switching a
// Deployment to `type: Recreate` drops the defaulted `rollingUpdate`) and
// `$setElementOrder/<list>` (the order of a merged list after the patch, server-only
// items kept where they were; checked against the patch's list) and
// `$deleteFromPrimitiveList/<list>` (values taken out of a merged list of scalars such as
// metadata.finalizers). Ordering and scalar lists: strategicPatchLists.ts.
// Sources: staging/src/k8s.io/apimachinery/pkg/util/strategicpatch/patch.go (diffMaps,
// handleMapDiff, handleSliceDiff, diffLists, diffListsOfMaps, normalizeSliceOrder,
// mergeSortedSlice, mergeMap, applyRetainKeysDirective, mergePatchIntoOriginal, mergeSlice,
// CreateTwoWayMergeMapPatch, CreateThreeWayMergePatch, StrategicMergeMapPatch);
// apimachinery/pkg/util/mergepatch/errors.go (error texts); the patchStrategy/patchMergeKey
// tags of staging/src/k8s.io/api/core/v1/types.go, apps/v1/types.go and
// apimachinery/pkg/apis/meta/v1/types.go (patchMetaFor).

import { jsonEqual } from '../engine/api/apiServer';
import { goPrint } from './patchDecodeError';
import {
  BAD_PRIMITIVE_LIST, BAD_RETAIN_KEYS, BAD_SET_ELEMENT_ORDER, badArgType, deduplicateScalars, deleteFromSlice, diffListsOfScalars, DIRECTIVE,
  enforceOrder, has, isObject, type ItemKey, type Json, type JsonObject, keyText, mapKey, sameKey, scalarKey, SET_ELEMENT_ORDER, sortByOrder,
  StrategicPatchFormatError, validatePatchWithSetOrderList,
} from './strategicPatchLists';

export { StrategicPatchFormatError } from './strategicPatchLists';

const RETAIN_KEYS = '$retainKeys';
const DELETE_FROM_PRIMITIVE_LIST = '$deleteFromPrimitiveList';

const own = (o: JsonObject, k: string): Json => (has(o, k) ? o[k] : undefined);
const copy = <T>(v: T): T => (v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T));
const jsonType = (v: Json) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);
const isScalar = (v: Json) => v === null || typeof v !== 'object';

function setOwn(o: JsonObject, k: string, v: Json): void {
  Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
}

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
 * Lists of scalars tagged `patchStrategy:"merge"`: merged as sets, with removals sent as
 * `$deleteFromPrimitiveList/<list>`. metav1 ObjectMeta.Finalizers (every object's and every
 * pod template's metadata) and core/v1 NodeSpec.PodCIDRs; no other field of the kinds the
 * playground serves has the tag.
 */
function isMergedScalarList(kind: string, path: string[]): boolean {
  const field = path[path.length - 1];
  if (field === 'finalizers') return path[path.length - 2] === 'metadata';
  return kind === 'Node' && path.length === 2 && path[0] === 'spec' && field === 'podCIDRs';
}

/**
 * The struct tags of the field at `path` (names from the root, list items as `[]`):
 * `patchStrategy:"merge"` (with the merge key of a list of maps), and whether it has `retainKeys`.
 */
export function patchMetaFor(kind: string, path: string[]): { merge: boolean; mergeKey?: string; retainKeys: boolean } {
  const mergeKey = mergeKeyFor(kind, path);
  const field = path[path.length - 1];
  // apps/v1 DeploymentSpec.Strategy `patchStrategy:"retainKeys"`; core/v1 PodSpec.Volumes
  // `patchStrategy:"merge,retainKeys"`. (DaemonSetSpec.UpdateStrategy and
  // StatefulSetSpec.UpdateStrategy carry no patch strategy.)
  const retainKeys = (kind === 'Deployment' && path.length === 2 && path[0] === 'spec' && field === 'strategy') || (field === 'volumes' && mergeKey === 'name');
  return { merge: mergeKey !== undefined || isMergedScalarList(kind, path), mergeKey, retainKeys };
}

interface DiffOptions {
  setElementOrder?: boolean;
  ignoreChangesAndAdditions?: boolean;
  ignoreDeletions?: boolean;
  buildRetainKeys?: boolean;
}

/**
 * How a list is merged: item by item by merge key (a merge key, and every item a map that
 * has it), as a set of scalars (`patchStrategy:"merge"` without a key, every item a scalar),
 * or replaced whole (no patch strategy; or items of another shape, which the playground
 * replaces where upstream would fail).
 */
type ListStrategy = { by: 'replace' } | { by: 'mergeKey'; mergeKey: string; keyOf: ItemKey } | { by: 'scalars'; keyOf: ItemKey };

const REPLACE: ListStrategy = { by: 'replace' };
const SCALARS: ListStrategy = { by: 'scalars', keyOf: scalarKey };

function listStrategy(kind: string, path: string[], ...lists: Json[][]): ListStrategy {
  const { merge, mergeKey } = patchMetaFor(kind, path);
  if (!merge) return REPLACE;
  if (mergeKey === undefined) return lists.every((l) => l.every(isScalar)) ? SCALARS : REPLACE;
  return lists.every((l) => l.every((i) => isObject(i) && has(i, mergeKey))) ? { by: 'mergeKey', mergeKey, keyOf: mapKey(mergeKey) } : REPLACE;
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

/**
 * handleSliceDiff: merge-keyed lists item by item with their `$setElementOrder`, merged
 * lists of scalars as additions, `$deleteFromPrimitiveList` and `$setElementOrder`; other
 * lists replaced whole.
 */
function diffSlice(kind: string, path: string[], key: string, original: Json[], modified: Json[], patch: JsonObject, options: DiffOptions): void {
  const strategy = listStrategy(kind, path, original, modified);
  if (strategy.by === 'replace') {
    if (!options.ignoreChangesAndAdditions && !jsonEqual(original, modified)) setOwn(patch, key, modified);
    return;
  }
  if (original.length === 0) {
    if (modified.length && !options.ignoreChangesAndAdditions) setOwn(patch, key, modified);
    return;
  }
  if (strategy.by === 'scalars') return diffScalarSlice(key, original, modified, patch, options);
  const { mergeKey } = strategy;
  const itemOptions = { ...options, buildRetainKeys: patchMetaFor(kind, path).retainKeys };
  const { changes, deletions } = diffListsOfMaps(kind, path, original as JsonObject[], modified as JsonObject[], mergeKey, itemOptions);
  const patchList = [...sortByOrder(changes, modified, strategy.keyOf), ...deletions];
  const orderSame = original.length === modified.length && original.every((o, i) => sameKey((o as JsonObject)[mergeKey], (modified[i] as JsonObject)[mergeKey]));
  if (patchList.length) setOwn(patch, key, patchList);
  const wantOrder = (!options.ignoreChangesAndAdditions && (patchList.length > 0 || !orderSame)) || (!options.ignoreDeletions && patchList.length > 0);
  if (options.setElementOrder && wantOrder) {
    setOwn(patch, `${SET_ELEMENT_ORDER}/${key}`, (modified as JsonObject[]).map((m) => ({ [mergeKey]: m[mergeKey] })));
  }
}

/** diffLists for scalars: the added values in the manifest's order, the removed ones as a parallel deletion list, and the whole new order. */
function diffScalarSlice(key: string, original: Json[], modified: Json[], patch: JsonObject, options: DiffOptions): void {
  const { additions, deletions } = diffListsOfScalars(original, modified, !!options.ignoreChangesAndAdditions, !!options.ignoreDeletions);
  const ordered = sortByOrder(additions, modified, scalarKey);
  if (ordered.length) setOwn(patch, key, ordered);
  if (deletions.length) setOwn(patch, `${DELETE_FROM_PRIMITIVE_LIST}/${key}`, deletions);
  const wantOrder = (!options.ignoreDeletions && deletions.length > 0) || (!options.ignoreChangesAndAdditions && !jsonEqual(original, modified));
  if (options.setElementOrder && wantOrder && modified.length) setOwn(patch, `${SET_ELEMENT_ORDER}/${key}`, modified);
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
      // extractKey: `$deleteFromPrimitiveList/<list>` exactly.
      const slash = rawKey.indexOf('/');
      if (slash < 0 || rawKey.slice(0, slash) !== DELETE_FROM_PRIMITIVE_LIST) throw new StrategicPatchFormatError(BAD_PRIMITIVE_LIST);
      key = rawKey.slice(slash + 1);
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

/**
 * mergePatchIntoOriginal: each `$setElementOrder/<list>` checked against its patch list
 * (validatePatchWithSetOrderList), the two lists merged, then the order enforced. Client
 * side, the directive must agree with the one the other half of the patch carries.
 */
function mergeElementOrderLists(kind: string, path: string[], original: JsonObject, patch: JsonObject, options: MergeOptions): void {
  for (const directiveKey of Object.keys(patch).filter((k) => k.startsWith(SET_ELEMENT_ORDER))) {
    const order = patch[directiveKey];
    if (!options.mergeParallelList) {
      if (!has(original, directiveKey)) setOwn(original, directiveKey, order);
      else if (!jsonEqual(original[directiveKey], order)) throw new StrategicPatchFormatError(BAD_SET_ELEMENT_ORDER);
    }
    delete patch[directiveKey];
    if (!Array.isArray(order)) throw badArgType('[]interface {}', order);
    if (!directiveKey.startsWith(`${SET_ELEMENT_ORDER}/`)) throw new StrategicPatchFormatError(BAD_SET_ELEMENT_ORDER);
    const key = directiveKey.slice(SET_ELEMENT_ORDER.length + 1);
    const current = own(original, key);
    const patchList = own(patch, key);
    if (current !== undefined && !Array.isArray(current)) throw badArgType('[]interface {}', current);
    if (patchList !== undefined && !Array.isArray(patchList)) throw badArgType('[]interface {}', patchList);
    const fieldPath = [...path, key];
    validatePatchWithSetOrderList(patchList, order, patchMetaFor(kind, fieldPath).mergeKey);
    let merged: Json[];
    if (current && patchList) merged = mergeSlice(kind, fieldPath, current, patchList, options, false, false);
    else if (current) merged = current;
    else if (patchList) merged = options.mergeParallelList ? (withoutListDirectives(patchList) as Json[]) : patchList;
    else continue;
    const strategy = listStrategy(kind, fieldPath, merged, order);
    if (strategy.by !== 'replace') merged = enforceOrder(merged, order, current ?? [], strategy.keyOf);
    setOwn(original, key, merged);
    delete patch[key];
  }
}

/**
 * mergeSlice: a merge-keyed list item by item (`$patch: delete|replace` items honoured), a
 * merged list of scalars as a set (or with the values of a `$deleteFromPrimitiveList` taken
 * out), then put in order; other lists replaced (a deletion list too, as upstream's
 * mergeSliceHandler does for a field without `patchStrategy:"merge"`).
 */
function mergeSlice(kind: string, path: string[], original: Json[], patch: Json[], options: MergeOptions, deleteList: boolean, order = true): Json[] {
  const strategy = listStrategy(kind, path, original, patch);
  if (strategy.by === 'replace') return options.mergeParallelList ? (withoutListDirectives(patch) as Json[]) : patch;
  if (strategy.by === 'scalars') {
    if (original.length === 0 && patch.length === 0) return original;
    if (deleteList && options.mergeParallelList) return deleteFromSlice(original, patch);
    const merged = deduplicateScalars([...original, ...patch]);
    return order ? enforceOrder(merged, patch, original, scalarKey) : merged;
  }
  const { mergeKey } = strategy;
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
  return order ? enforceOrder(merged, items, current, strategy.keyOf) : merged;
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
