// Client-side `kubectl apply`: the live object patched by the difference
// between the last applied configuration and the new manifest, as a strategic
// merge patch would do it. Lists with a patch merge key are merged item by item
// (so server-side defaults inside a container or port survive); other lists are
// replaced; fields the last apply set and the new manifest drops are removed;
// fields only the server set are kept.
// Sources: staging/src/k8s.io/apimachinery/pkg/util/strategicpatch/patch.go
// (CreateThreeWayMergePatch), merge keys from the `patchMergeKey` tags in
// staging/src/k8s.io/api/core/v1/types.go.

type Json = unknown;
type JsonObject = Record<string, Json>;

function isObject(v: Json): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

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

/** An own property only: `constructor` or `__proto__` never reach Object.prototype. */
function own(o: Json, k: string): Json {
  return isObject(o) && Object.prototype.hasOwnProperty.call(o, k) ? o[k] : undefined;
}

function clone<T>(v: T): T {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T);
}

function mergeValue(kind: string, path: string[], original: Json, modified: Json, current: Json): Json {
  if (isObject(modified) && isObject(current)) {
    const out: JsonObject = {};
    for (const [k, v] of Object.entries(current)) setOwn(out, k, v);
    for (const [k, v] of Object.entries(modified)) {
      if (v === null) {
        delete out[k]; // an explicit null in a manifest removes the field
        continue;
      }
      setOwn(out, k, mergeValue(kind, [...path, k], own(original, k), v, own(current, k)));
    }
    if (isObject(original)) {
      for (const k of Object.keys(original)) if (!Object.prototype.hasOwnProperty.call(modified, k)) delete out[k];
    }
    return out;
  }
  if (Array.isArray(modified) && Array.isArray(current)) {
    const key = mergeKeyFor(kind, path);
    if (key && [...modified, ...current].every((i) => isObject(i) && i[key] !== undefined)) {
      return mergeList(kind, path, key, Array.isArray(original) ? original : [], modified as JsonObject[], current as JsonObject[]);
    }
  }
  return clone(modified);
}

function mergeList(kind: string, path: string[], key: string, original: Json[], modified: JsonObject[], current: JsonObject[]): Json[] {
  const id = (i: JsonObject) => JSON.stringify(i[key]);
  const currentById = new Map(current.map((i) => [id(i), i]));
  const originalById = new Map(original.filter(isObject).map((i) => [id(i), i]));
  const inModified = new Set(modified.map(id));
  const out: Json[] = [];
  const itemPath = [...path, '[]'];
  for (const m of modified) {
    const c = currentById.get(id(m));
    out.push(c ? mergeValue(kind, itemPath, originalById.get(id(m)), m, c) : clone(m));
  }
  // Items only the server (or another writer) added stay; items the last apply added and this one dropped go.
  for (const c of current) {
    const k = id(c);
    if (!inModified.has(k) && !originalById.has(k)) out.push(c);
  }
  return out;
}

/** The object `kubectl apply` leaves: `current` patched by (original → modified). Inputs are not mutated. */
export function threeWayMerge(kind: string, original: JsonObject | undefined, modified: JsonObject, current: JsonObject): JsonObject {
  return mergeValue(kind, [], original, modified, current) as JsonObject;
}

/** A JSON merge patch from `from` to `to` (for error texts that quote the patch). */
export function diffPatch(from: Json, to: Json): Json {
  if (!isObject(from) || !isObject(to)) return to;
  const patch: JsonObject = {};
  for (const [k, v] of Object.entries(to)) {
    if (!Object.prototype.hasOwnProperty.call(from, k)) setOwn(patch, k, v);
    else if (JSON.stringify(from[k]) !== JSON.stringify(v)) setOwn(patch, k, diffPatch(from[k], v));
  }
  for (const k of Object.keys(from)) if (!Object.prototype.hasOwnProperty.call(to, k)) setOwn(patch, k, null);
  return patch;
}
