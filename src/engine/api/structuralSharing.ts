// Structural sharing between a stored object and the next version a write
// produces: the parts that did not change stay the stored (frozen) objects, so
// equality checks and the store's freeze walk only what changed, and old and
// new versions share memory. Only object identity changes: the result is the
// same JSON, key order included.

/** Exactly the same JSON, key order and explicit undefined keys included. */
function sameShape(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const arr = Array.isArray(a);
  if (arr !== Array.isArray(b)) return false;
  if (arr) {
    const xa = a as unknown[];
    const xb = b as unknown[];
    if (xa.length !== xb.length) return false;
    for (let i = 0; i < xa.length; i++) {
      // A hole and an undefined element both read back undefined but differ as own keys.
      if (xa[i] === undefined && xb[i] === undefined && (i in xa) !== (i in xb)) return false;
      if (!sameShape(xa[i], xb[i])) return false;
    }
    return true;
  }
  const ka = Object.keys(a as object);
  const kb = Object.keys(b as object);
  if (ka.length !== kb.length) return false;
  for (let i = 0; i < ka.length; i++) {
    if (ka[i] !== kb[i]) return false;
    if (!sameShape((a as Record<string, unknown>)[ka[i]], (b as Record<string, unknown>)[kb[i]])) return false;
  }
  return true;
}

/** Compares two JSON values structurally (keys whose value is undefined count as absent). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const arr = Array.isArray(a);
  if (arr !== Array.isArray(b)) return false;
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  if (arr) {
    // Arrays of JSON have no undefined holes worth counting apart from their length.
    const xa = a as unknown[];
    const xb = b as unknown[];
    if (xa.length === xb.length) {
      for (let i = 0; i < xa.length; i++) if (!jsonEqual(xa[i], xb[i])) return false;
      return true;
    }
  }
  // No allocation: count a's defined keys while comparing, then count b's.
  let na = 0;
  for (const k in ra) {
    if (!Object.prototype.hasOwnProperty.call(ra, k)) continue;
    const v = ra[k];
    if (v === undefined) continue;
    na++;
    if (!jsonEqual(v, rb[k])) return false;
  }
  let nb = 0;
  for (const k in rb) if (Object.prototype.hasOwnProperty.call(rb, k) && rb[k] !== undefined) nb++;
  return na === nb;
}

/**
 * Set by `share` when it met a difference that makes jsonEqual(next, prev) false for
 * sure: a defined primitive that is not the stored one, or a value of another type,
 * at a path that jsonEqual compares key by key (or index by index) as `share` walks it.
 * Differences `share` cannot judge alone (key order, undefined keys, a missing key)
 * leave it unset, and the write falls back to jsonEqual.
 */
let provenDifferent = false;

/**
 * Keys of the objects `share` is walking, each call's above its caller's: for-in fills it
 * in Object.keys order without allocating an array per object. Entries above `keysTop`
 * are left over from finished calls and never read.
 */
const keyStack: string[] = [];
let keysTop = 0;

/**
 * What a write stores: `prev` itself when `next` is the same JSON (jsonEqual: key order
 * and undefined keys aside), else `next` with its unchanged subtrees shared with `prev`.
 * Most writes change a primitive somewhere, which the sharing walk notices: then the
 * second, comparing walk is skipped.
 */
export function shareForWrite<T>(next: T, prev: T): T {
  provenDifferent = false;
  keysTop = 0;
  const shared = share(next, prev);
  if (shared === prev || provenDifferent) return shared;
  return jsonEqual(shared, prev) ? prev : shared;
}

/**
 * Structural sharing for a write: every subtree of the private, not yet stored `next`
 * that is exactly the same JSON as the corresponding subtree of the stored `prev`
 * (same keys in the same order, same values) is replaced by `prev`'s frozen subtree.
 * Returns `prev` itself when nothing differs. The result serialises byte for byte as
 * `next` did; only object identity changes, so storing it freezes and retains just the
 * parts that changed.
 */
function share<T>(next: T, prev: unknown): T {
  if ((next as unknown) === prev) return next;
  if (typeof next !== 'object' || next === null) {
    provenDifferent = true;
    return next;
  }
  if (typeof prev !== 'object' || prev === null || Array.isArray(next) !== Array.isArray(prev)) {
    provenDifferent = true;
    return next;
  }
  // A frozen subtree came from the store (or was shared already): it cannot take shared children.
  if (Object.isFrozen(next)) return sameShape(next, prev) ? (prev as T) : next;
  if (Array.isArray(next)) {
    const xn = next as unknown[];
    const xp = prev as unknown[];
    let same = xn.length === xp.length;
    for (let i = 0; i < xn.length; i++) {
      const v = xn[i];
      if (typeof v !== 'object' || v === null) {
        if ((same || !provenDifferent) && (v !== xp[i] || (v === undefined && (i in xn) !== (i in xp)))) {
          same = false;
          // jsonEqual compares every index of a defined element.
          if (v !== undefined) provenDifferent = true;
        }
        continue;
      }
      if (i >= xp.length) {
        same = false;
        provenDifferent = true;
        continue;
      }
      const shared = share(v, xp[i]);
      if (shared !== v) xn[i] = shared;
      if (same && shared !== xp[i]) same = false;
    }
    return same ? (prev as T) : next;
  }
  const rn = next as Record<string, unknown>;
  const rp = prev as Record<string, unknown>;
  // prev's keys in order, on the shared stack above the callers' (no array per node).
  const base = keysTop;
  for (const k in rp) if (Object.prototype.hasOwnProperty.call(rp, k)) keyStack[keysTop++] = k;
  const np = keysTop - base;
  let same = true;
  // for-in over own keys: Object.keys order, without allocating next's key array.
  let i = 0;
  for (const k in rn) {
    if (!Object.prototype.hasOwnProperty.call(rn, k)) continue;
    if (same && (i >= np || keyStack[base + i] !== k)) same = false;
    i++;
    const v = rn[k];
    if (typeof v !== 'object' || v === null) {
      if ((same || !provenDifferent) && v !== rp[k]) {
        same = false;
        // jsonEqual compares every key of a defined value with prev's value under that key.
        if (v !== undefined) provenDifferent = true;
      }
      continue;
    }
    if (!Object.prototype.hasOwnProperty.call(rp, k)) {
      same = false;
      continue;
    }
    const shared = share(v, rp[k]);
    if (shared !== v) {
      if (k === '__proto__') Object.defineProperty(rn, k, { value: shared, enumerable: true, writable: true, configurable: true });
      else rn[k] = shared;
    }
    if (same && shared !== rp[k]) same = false;
  }
  keysTop = base;
  return same && i === np ? (prev as T) : next;
}
