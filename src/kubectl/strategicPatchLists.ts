// The list machinery of strategic merge patch: ordering (normalizeSliceOrder,
// mergeSortedSlice, normalizeElementOrder), lists of scalars with `patchStrategy:"merge"`
// (diffListsOfScalars, deduplicateScalars, deleteFromSlice) and the check of a
// `$setElementOrder` list against its patch list (validatePatchWithSetOrderList).
// Source: staging/src/k8s.io/apimachinery/pkg/util/strategicpatch/patch.go;
// apimachinery/pkg/util/mergepatch/errors.go (ErrBadArgType, ErrNoMergeKey).

import { jsonEqual } from '../engine/api/apiServer';
import { apiErrors, StatusError } from '../engine/core/errors';
import { goPrint } from './patchDecodeError';

export type Json = unknown;
export type JsonObject = Record<string, Json>;

export const DIRECTIVE = '$patch';
export const SET_ELEMENT_ORDER = '$setElementOrder';

export const isObject = (v: Json): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);
export const has = (o: JsonObject, k: string) => Object.prototype.hasOwnProperty.call(o, k);

/** Go's `%v` of a merge key's value or a scalar: how strategicpatch sorts list items. */
export const keyText = (v: Json) => (typeof v === 'string' ? v : JSON.stringify(v));
/** Go's `==` on two merge key values or two scalars. */
export const sameKey = (a: Json, b: Json) => a === b || (typeof a === 'object' && a !== null && jsonEqual(a, b));

/** What identifies a list item: its merge key's value (lists of maps) or the item itself (lists of scalars). */
export type ItemKey = (item: Json) => Json;
export const scalarKey: ItemKey = (item) => item;
export const mapKey = (mergeKey: string): ItemKey => (item) => (isObject(item) ? item[mergeKey] : undefined);

export const BAD_RETAIN_KEYS = 'invalid patch format of retainKeys';
export const BAD_SET_ELEMENT_ORDER = 'invalid patch format of setElementOrder list';
export const BAD_PRIMITIVE_LIST = 'invalid patch format of primitive list';

/**
 * A strategic patch the server cannot apply: the mergepatch format errors are a 400
 * BadRequest (apiserver handlers/patch.go interpretStrategicMergePatchError), the others a
 * 500 with no reason (ErrorToAPIStatus), which kubectl prints as `Error from server: <message>`.
 */
export class StrategicPatchFormatError extends Error {
  status(): StatusError {
    if ([BAD_RETAIN_KEYS, BAD_SET_ELEMENT_ORDER, BAD_PRIMITIVE_LIST].includes(this.message)) return apiErrors.badRequest(this.message);
    return new StatusError({ kind: 'Status', apiVersion: 'v1', status: 'Failure', code: 500, reason: '', message: this.message });
  }
}

/** reflect.TypeOf of a value json.Unmarshal produced (UnmarshalCaseSensitivePreserveInts: whole numbers are int64). */
function goTypeName(v: Json): string {
  if (v === null || v === undefined) return '%!s(<nil>)';
  if (Array.isArray(v)) return '[]interface {}';
  if (typeof v === 'object') return 'map[string]interface {}';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int64' : 'float64';
  return typeof v === 'boolean' ? 'bool' : 'string';
}

/** mergepatch.ErrBadArgType. */
export const badArgType = (expected: '[]interface {}' | 'map[string]interface {}', actual: Json) =>
  new StrategicPatchFormatError(`expected a ${expected}, but received a ${goTypeName(actual)}`);

/** normalizeSliceOrder: items sorted (stably) by where their key stands in `order`; `$patch: delete` items of map lists last. */
export function sortByOrder<T extends Json>(items: T[], order: Json[], keyOf: ItemKey): T[] {
  const at = (i: Json) => order.findIndex((o) => sameKey(keyOf(o), keyOf(i)));
  const isDelete = (i: Json) => isObject(i) && i[DIRECTIVE] === 'delete';
  const ranked = items.filter((i) => !isDelete(i)).map((item, n) => ({ item, n, at: at(item) }));
  ranked.sort((a, b) => (a.at >= 0 && b.at >= 0 && a.at !== b.at ? a.at - b.at : a.n - b.n));
  return [...ranked.map((r) => r.item), ...items.filter(isDelete)];
}

/**
 * mergeSortedSlice: server-only items (`left`) inserted among the patch's items (`right`),
 * each before the first patch item that the live list (`serverOrder`) has after it.
 */
function mergeSortedSlice<T extends Json>(left: T[], right: T[], serverOrder: Json[], keyOf: ItemKey): T[] {
  const index = (v: Json) => serverOrder.findIndex((s) => sameKey(keyOf(s), keyOf(v)));
  const out: T[] = [];
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

/**
 * partitionMapsByPresentInList / partitionPrimitivesByPresentInList, then normalizeElementOrder:
 * the merged list's patch items in `patchOrder`, server-only items where the live list had them.
 */
export function enforceOrder<T extends Json>(merged: T[], patchOrder: Json[], serverOrder: Json[], keyOf: ItemKey): T[] {
  const inPatch = (v: Json) => patchOrder.some((p) => keyOf(p) !== undefined && sameKey(keyOf(p), keyOf(v)));
  const patchItems = merged.filter(inPatch);
  const serverOnly = merged.filter((v) => !inPatch(v));
  return mergeSortedSlice(sortByOrder(serverOnly, serverOrder, keyOf), sortByOrder(patchItems, patchOrder, keyOf), serverOrder, keyOf);
}

/** deduplicateScalars, with its swap-from-the-end, so a list with repeats comes out in upstream's order. */
export function deduplicateScalars(list: Json[]): Json[] {
  const s = [...list];
  let length = s.length - 1;
  for (let i = 0; i < length; i++) {
    for (let j = i + 1; j <= length; j++) {
      if (sameKey(s[i], s[j])) {
        s[j] = s[length];
        s.length = length;
        length--;
        j--;
      }
    }
  }
  return s;
}

/** deleteFromSlice: the `$deleteFromPrimitiveList/<list>` values taken out of the list. */
export const deleteFromSlice = (current: Json[], toDelete: Json[]) => current.filter((v) => !toDelete.some((d) => sameKey(d, v)));

/** sortScalars' order: by the Go `%v` text. */
const byText = (a: Json, b: Json) => (keyText(a) < keyText(b) ? -1 : keyText(a) > keyText(b) ? 1 : 0);

/** diffListsOfScalars: the values `modified` adds and the (deduplicated) values it drops, both walked in `%v` order. */
export function diffListsOfScalars(original: Json[], modified: Json[], ignoreChangesAndAdditions: boolean, ignoreDeletions: boolean) {
  const originalSorted = [...original].sort(byText);
  const modifiedSorted = [...modified].sort(byText);
  const additions: Json[] = [];
  const deletions: Json[] = [];
  let i = 0;
  let j = 0;
  while (i < originalSorted.length || j < modifiedSorted.length) {
    const o = i < originalSorted.length ? keyText(originalSorted[i]) : undefined;
    const m = j < modifiedSorted.length ? keyText(modifiedSorted[j]) : undefined;
    if (o !== undefined && m !== undefined && o === m) {
      i++;
      j++;
    } else if (o === undefined || (m !== undefined && o > m)) {
      if (!ignoreChangesAndAdditions) additions.push(modifiedSorted[j]);
      j++;
    } else {
      if (!ignoreDeletions) deletions.push(originalSorted[i]);
      i++;
    }
  }
  return { additions, deletions: deduplicateScalars(deletions) };
}

/** mergeKeyValueEqual: two items of a list of maps compared by merge key (each must be a map that has it); scalars by `==`. */
function mergeKeyValueEqual(left: Json, right: Json, mergeKey: string | undefined): boolean {
  if (!mergeKey) return sameKey(left, right);
  for (const item of [left, right]) {
    if (!isObject(item)) throw badArgType('map[string]interface {}', item);
    if (!has(item, mergeKey)) throw new StrategicPatchFormatError(`map: ${goPrint(item)} does not contain declared merge key: ${mergeKey}`);
  }
  return sameKey((left as JsonObject)[mergeKey], (right as JsonObject)[mergeKey]);
}

/**
 * validatePatchWithSetOrderList: the patch list's items (`$patch: delete` ones aside) must
 * appear in the `$setElementOrder` list, in the same relative order. The error is not one
 * the API server maps to a 400, so kubectl shows it as `Error from server: The order in …`.
 */
export function validatePatchWithSetOrderList(patchList: Json[] | undefined, order: Json[], mergeKey: string | undefined): void {
  if (!patchList || patchList.length === 0 || order.length === 0) return;
  let nonDelete = patchList;
  if (mergeKey) {
    for (const item of patchList) if (!isObject(item)) throw badArgType('map[string]interface {}', item);
    nonDelete = patchList.filter((item) => (item as JsonObject)[DIRECTIVE] !== 'delete');
  }
  let p = 0;
  let s = 0;
  while (p < nonDelete.length && s < order.length) {
    if (isObject(nonDelete[p]) && has(nonDelete[p] as JsonObject, DIRECTIVE)) {
      p++;
      continue;
    }
    if (mergeKeyValueEqual(nonDelete[p], order[s], mergeKey)) p++;
    s++;
  }
  if (p < nonDelete.length && s >= order.length) {
    throw new StrategicPatchFormatError(`The order in patch list:\n${goPrint(patchList)}\n doesn't match ${SET_ELEMENT_ORDER} list:\n${goPrint(order)}\n`);
  }
}
