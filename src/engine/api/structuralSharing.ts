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

/**
 * Structural sharing for a write: every subtree of the private, not yet stored `next`
 * that is exactly the same JSON as the corresponding subtree of the stored `prev`
 * (same keys in the same order, same values) is replaced by `prev`'s frozen subtree.
 * Returns `prev` itself when nothing differs. The result serialises byte for byte as
 * `next` did; only object identity changes, so storing it freezes and retains just the
 * parts that changed.
 */
export function shareUnchanged<T>(next: T, prev: unknown): T {
  if ((next as unknown) === prev) return next;
  if (typeof next !== 'object' || next === null || typeof prev !== 'object' || prev === null) return next;
  if (Array.isArray(next) !== Array.isArray(prev)) return next;
  // A frozen subtree came from the store (or was shared already): it cannot take shared children.
  if (Object.isFrozen(next)) return sameShape(next, prev) ? (prev as T) : next;
  if (Array.isArray(next)) {
    const xn = next as unknown[];
    const xp = prev as unknown[];
    let same = xn.length === xp.length;
    for (let i = 0; i < xn.length; i++) {
      const v = xn[i];
      if (typeof v !== 'object' || v === null) {
        if (same && (v !== xp[i] || (v === undefined && (i in xn) !== (i in xp)))) same = false;
        continue;
      }
      if (i >= xp.length) {
        same = false;
        continue;
      }
      const shared = shareUnchanged(v, xp[i]);
      if (shared !== v) xn[i] = shared;
      if (same && shared !== xp[i]) same = false;
    }
    return same ? (prev as T) : next;
  }
  const rn = next as Record<string, unknown>;
  const rp = prev as Record<string, unknown>;
  const kp = Object.keys(rp);
  let same = true;
  // for-in over own keys: Object.keys order, without allocating next's key array.
  let i = 0;
  for (const k in rn) {
    if (!Object.prototype.hasOwnProperty.call(rn, k)) continue;
    if (same && kp[i] !== k) same = false;
    i++;
    const v = rn[k];
    if (typeof v !== 'object' || v === null) {
      if (same && v !== rp[k]) same = false;
      continue;
    }
    if (!Object.prototype.hasOwnProperty.call(rp, k)) {
      same = false;
      continue;
    }
    const shared = shareUnchanged(v, rp[k]);
    if (shared !== v) {
      if (k === '__proto__') Object.defineProperty(rn, k, { value: shared, enumerable: true, writable: true, configurable: true });
      else rn[k] = shared;
    }
    if (same && shared !== rp[k]) same = false;
  }
  return same && i === kp.length ? (prev as T) : next;
}
