// The reconcilers reuse a stored (frozen) object in place of one they would build
// only when it serializes the same, key order included: this is that key check.

/** Whether `obj`'s keys are exactly `keys`, in that order (then it serializes as one built in that order). */
export function keysAre(obj: object, keys: readonly string[]): boolean {
  let i = 0;
  for (const k in obj) if (k !== keys[i++]) return false;
  return i === keys.length;
}
