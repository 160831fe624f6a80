// Hashes that name workload objects: the Deployment's pod-template-hash and the
// StatefulSet's ControllerRevision hash.
//
// Upstream (pkg/controller/controller_utils.go ComputeHash) feeds FNV-32a with a
// go-spew dump of the PodTemplateSpec (hashutil.DeepHashObject) plus the
// collisionCount, then prints Sum32 in decimal and maps every digit through
// rand.SafeEncodeString. Go's spew dump cannot be reproduced byte for byte, so the
// pod-template-hash here is FNV-32a over the key-sorted JSON of the template (plus
// the collisionCount as 4 little-endian bytes, as ComputeHash writes it). The shape
// is the real one: 9–10 characters from "4-9bcdf", e.g. `7c5ddbdf54`.
//
// ControllerRevision hashes (pkg/controller/history/controller_history.go
// HashControllerRevision) use FNV-32 (not 32a) over the revision's raw JSON patch,
// which Go marshals from a map with sorted keys, so `canonicalJson` matches it.

import { utf8Bytes } from '../../core/utf8';

export { utf8Bytes };

/** apimachinery/pkg/util/rand alphanums: no vowels, no 0, 1, 3. */
const ALPHANUMS = 'bcdfghjklmnpqrstvwxz2456789';

/** rand.SafeEncodeString: each character (code point) maps to ALPHANUMS[code % 27]. */
export function safeEncodeString(s: string): string {
  let out = '';
  for (const ch of s) out += ALPHANUMS[ch.codePointAt(0)! % ALPHANUMS.length];
  return out;
}


const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** hash/fnv New32a, continued over `bytes` from `hash`. */
export function fnv32a(bytes: readonly number[], hash = FNV_OFFSET): number {
  let h = hash >>> 0;
  for (const b of bytes) {
    h ^= b;
    h = Math.imul(h, FNV_PRIME) >>> 0;
  }
  return h;
}

/** hash/fnv New32 (multiply, then xor), continued over `bytes` from `hash`. */
export function fnv32(bytes: readonly number[], hash = FNV_OFFSET): number {
  let h = hash >>> 0;
  for (const b of bytes) {
    h = Math.imul(h, FNV_PRIME) >>> 0;
    h = (h ^ b) >>> 0;
  }
  return h;
}

/** Go's encoding/json string escaping (HTML-safe: <, >, & and U+2028/2029 as \u escapes). */
function goJsonString(s: string): string {
  const json = JSON.stringify(s);
  if (!/[<>&\u2028\u2029]|\\[bf]/.test(json)) return json;
  return json.replace(/[<>&\u2028\u2029]|\\[bf]/g, (m) => {
    if (m === '\\b') return '\\u0008';
    if (m === '\\f') return '\\u000c';
    return `\\u${m.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

/** JSON with object keys sorted, as Go's json.Marshal writes a map[string]interface{}. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return goJsonString(value);
  if (typeof value === 'number' || typeof value === 'boolean') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj).filter((k) => obj[k] !== undefined).sort();
  return `{${keys.map((k) => `${goJsonString(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
}

/** The Deployment controller's pod-template-hash for a template and collisionCount (see the header). */
export function computePodTemplateHash(template: unknown, collisionCount?: number): string {
  let h = fnv32a(utf8Bytes(canonicalJson(template)));
  if (collisionCount !== undefined && collisionCount !== null) {
    // ComputeHash: binary.LittleEndian.PutUint32(collisionCountBytes, uint32(*collisionCount)).
    const c = collisionCount >>> 0;
    h = fnv32a([c & 255, (c >>> 8) & 255, (c >>> 16) & 255, (c >>> 24) & 255], h);
  }
  return safeEncodeString(String(h));
}

/** history.HashControllerRevision: FNV-32 over the raw data, then the probe (collisionCount) in decimal. */
export function hashControllerRevision(rawData: string, probe?: number): string {
  let h = fnv32(utf8Bytes(rawData));
  if (probe !== undefined && probe !== null) h = fnv32(utf8Bytes(String(probe)), h);
  return safeEncodeString(String(h));
}
