// The object an API write works on: a deep copy of the caller's input, or with
// WriteOptions.handOver the input itself when keeping it stores exactly what the copy
// would (same JSON, same keys in the same order).

import { holdsUndefined } from '../core/store';
import type { KubeObject } from '../core/types';

/**
 * Deep copy of a JSON value (objects in the store are plain JSON). A hand-written walk:
 * several times faster than a JSON round trip, and writes are the engine's hot path.
 * Own keys are copied with defineProperty-free assignment into fresh objects, so keys such
 * as `__proto__` that a parser produced as own properties stay plain data.
 */
export function clone<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const out = new Array(value.length);
    for (let i = 0; i < value.length; i++) out[i] = clone(value[i]);
    return out as T;
  }
  const out: Record<string, unknown> = {};
  // for-in over own keys visits them in Object.keys order without allocating the key array.
  for (const k in value) {
    if (!Object.prototype.hasOwnProperty.call(value, k)) continue;
    const v = (value as Record<string, unknown>)[k];
    if (v === undefined) continue;
    if (k === '__proto__') Object.defineProperty(out, k, { value: clone(v), enumerable: true, writable: true, configurable: true });
    else out[k] = clone(v);
  }
  return out as T;
}

/**
 * The object a write works on: a copy of the input, or with WriteOptions.handOver the
 * input itself when that stores exactly what the copy would (see storableAsIs). Its
 * metadata, which the server writes and which often carries a stored version's keys
 * (`{ ...existing.metadata }`, undefined `generation` included), is copied shallowly as
 * clone would copy it, dropping undefined values.
 */
export function writable<T extends KubeObject>(input: KubeObject, handOver: boolean | undefined): T {
  if (!handOver || !canHandOver(input)) return clone(input) as T;
  if (input.metadata !== undefined) input.metadata = copyDefined(input.metadata);
  return input as T;
}

/**
 * Whether a handed-over input can be kept: the object is the caller's own (the server
 * writes its fields), and below it and its metadata every object the caller built is
 * plain JSON without undefined values (clone drops undefined keys and turns holes into
 * undefined elements), and every frozen part (from stored objects) holds no undefined
 * value either. A walk that only reads, cheaper than the copy it saves. An object reached
 * twice stays one object where the copy would make two: the same JSON, and defaulting
 * writes the same values into it either way.
 */
function canHandOver(input: KubeObject): boolean {
  if (Object.isFrozen(input) || !isPlainObject(input)) return false;
  for (const k in input) {
    if (!Object.prototype.hasOwnProperty.call(input, k)) return false;
    const v = (input as unknown as Record<string, unknown>)[k];
    if (k !== 'metadata') {
      if (!storableAsIs(v)) return false;
    } else if (v !== undefined) {
      if (v === null || typeof v !== 'object' || !isPlainObject(v)) return false;
      for (const m in v) {
        if (!Object.prototype.hasOwnProperty.call(v, m)) return false;
        const mv = (v as Record<string, unknown>)[m];
        if (mv !== undefined && !storableAsIs(mv)) return false;
      }
    }
  }
  return true;
}

function isPlainObject(value: object): boolean {
  return Object.getPrototypeOf(value) === Object.prototype;
}

/** Whether clone(value) would be the same JSON with the same keys, value itself kept. */
function storableAsIs(value: unknown): boolean {
  if (value === undefined) return false;
  if (value === null || typeof value !== 'object') return true;
  if (Object.isFrozen(value)) return !holdsUndefined(value);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (!storableAsIs(value[i])) return false;
    return true;
  }
  if (!isPlainObject(value)) return false;
  for (const k in value) {
    // An inherited enumerable key: the copy would leave it out.
    if (!Object.prototype.hasOwnProperty.call(value, k)) return false;
    if (!storableAsIs((value as Record<string, unknown>)[k])) return false;
  }
  return true;
}

/** A shallow copy of an object's own keys whose values are defined, as clone copies keys. */
function copyDefined<T extends object>(value: T): T {
  const out: Record<string, unknown> = {};
  for (const k in value) {
    if (!Object.prototype.hasOwnProperty.call(value, k)) continue;
    const v = (value as Record<string, unknown>)[k];
    if (v === undefined) continue;
    if (k === '__proto__') Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
    else out[k] = v;
  }
  return out as T;
}
