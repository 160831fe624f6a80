// The three patch types `kubectl patch --type` sends and the API server applies:
// JSON merge patch (RFC 7386), JSON patch (RFC 6902) and strategic merge patch
// (strategicPatch.ts: maps merged, lists with a patch merge key merged item by item,
// `$patch`, `$retainKeys` and `$setElementOrder` directives, other lists replaced).
// Sources: github.com/evanphx/json-patch (MergePatch, Patch.Apply and its error
// texts), staging/src/k8s.io/apimachinery/pkg/util/strategicpatch/patch.go.

import { applyStrategicMergePatch } from '../strategicPatch';

type Json = unknown;
type JsonObject = Record<string, Json>;

const isObject = (v: Json): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);
const copy = <T>(v: T): T => (v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T));

function setOwn(o: JsonObject, k: string, v: Json): void {
  Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
}

export class PatchError extends Error {}

/** RFC 7386. */
export function mergePatch(target: Json, patch: Json): Json {
  if (!isObject(patch)) return copy(patch);
  const out: JsonObject = isObject(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else setOwn(out, k, mergePatch(out[k], v));
  }
  return out;
}

/** Strategic merge patch for the kind, as the API server applies it (strategicPatch.ts). */
export function strategicMergePatch(kind: string, target: Json, patch: Json): Json {
  return applyStrategicMergePatch(kind, target, patch);
}

/** JSON pointer tokens (`~1` → `/`, `~0` → `~`). */
function tokens(pointer: string): string[] {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) throw new PatchError(`invalid JSON pointer: ${JSON.stringify(pointer)}`);
  return pointer.slice(1).split('/').map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}

interface Op { op?: string; path?: string; value?: Json; from?: string }

/** The container of the last token, or undefined when a middle step is missing. */
function parentOf(doc: Json, toks: string[]): Json {
  let at = doc;
  for (const t of toks.slice(0, -1)) {
    if (Array.isArray(at)) at = at[Number(t)];
    else if (isObject(at) && Object.prototype.hasOwnProperty.call(at, t)) at = at[t];
    else return undefined;
  }
  return at;
}

function getAt(doc: Json, pointer: string): Json {
  const toks = tokens(pointer);
  if (!toks.length) return doc;
  const parent = parentOf(doc, toks);
  const last = toks[toks.length - 1];
  if (Array.isArray(parent)) return parent[Number(last)];
  return isObject(parent) && Object.prototype.hasOwnProperty.call(parent, last) ? parent[last] : undefined;
}

function applyOp(doc: Json, op: Op): Json {
  const path = op.path ?? '';
  const toks = tokens(path);
  const missing = (what: string) => new PatchError(`${what} operation does not apply: doc is missing path: ${path}: missing value`);
  if (!toks.length) {
    if (op.op === 'add' || op.op === 'replace') return copy(op.value);
    throw missing(op.op ?? '');
  }
  const parent = parentOf(doc, toks);
  const last = toks[toks.length - 1];
  switch (op.op) {
    case 'add': {
      if (Array.isArray(parent)) {
        const i = last === '-' ? parent.length : Number(last);
        if (!Number.isInteger(i) || i < 0 || i > parent.length) throw new PatchError(`add operation does not apply: doc is missing path: ${JSON.stringify(path)}: missing value`);
        parent.splice(i, 0, copy(op.value));
      } else if (isObject(parent)) setOwn(parent, last, copy(op.value));
      else throw missing('add');
      return doc;
    }
    case 'remove':
    case 'replace': {
      const has = Array.isArray(parent) ? Number(last) >= 0 && Number(last) < parent.length : isObject(parent) && Object.prototype.hasOwnProperty.call(parent, last);
      if (!has) throw missing(op.op);
      if (op.op === 'remove') {
        if (Array.isArray(parent)) parent.splice(Number(last), 1);
        else delete (parent as JsonObject)[last];
      } else if (Array.isArray(parent)) parent[Number(last)] = copy(op.value);
      else setOwn(parent as JsonObject, last, copy(op.value));
      return doc;
    }
    case 'test':
      if (JSON.stringify(getAt(doc, path)) !== JSON.stringify(op.value)) throw new PatchError(`testing value ${path} failed: test failed`);
      return doc;
    case 'move':
    case 'copy': {
      const value = getAt(doc, op.from ?? '');
      if (value === undefined) throw new PatchError(`${op.op} operation does not apply: doc is missing from path: ${JSON.stringify(op.from ?? '')}: missing value`);
      if (op.op === 'move') applyOp(doc, { op: 'remove', path: op.from });
      return applyOp(doc, { op: 'add', path, value });
    }
    default:
      throw new PatchError(`Unexpected kind: ${op.op ?? ''}`);
  }
}

/** RFC 6902 on a private copy of `target`. */
export function jsonPatch(target: Json, patch: Json): Json {
  if (!Array.isArray(patch)) throw new PatchError('json: cannot unmarshal object into Go value of type jsonpatch.Patch');
  let doc = copy(target);
  for (const op of patch) doc = applyOp(doc, op as Op);
  return doc;
}
