// Does a request body decode into its kind's Go type? A first, allocation-free pass answers
// yes for every valid body (the common case: each create and update runs it); only a body
// that fails is walked again to word the error as the Go decoders would.
//
// Sources (v1.32): apimachinery pkg/runtime/serializer/json/json.go (Decode: kjson.UnmarshalStrict,
// a type error returned as is); sigs.k8s.io/json internal/golang/encoding/json/decode.go
// (UnmarshalTypeError "json: cannot unmarshal <what> into Go struct field <Struct>.<field.path>
// of type <T>": the first error in body order is kept and decoding goes on, `null` leaves a
// field's zero value; a type's own UnmarshalJSON error ends decoding and is returned without
// that context); apimachinery pkg/util/intstr (IntOrString.UnmarshalJSON: json.Unmarshal into
// int32), pkg/apis/meta/v1/time.go, pkg/api/resource/quantity.go (ErrFormatWrong);
// apimachinery pkg/runtime/converter.go (fromUnstructured: "cannot restore slice from map",
// "cannot restore struct from: slice", "unrecognized type: int32", "cannot convert float64 to int32").
//
// Unknown fields (server-side field validation, KEP 2885; kubectl sends
// fieldValidation=Strict by default since v1.25): a key no field of the struct has, matched
// case-sensitively (sigs.k8s.io/json), is a strict error `unknown field "<path>"`, the path in
// JSON names with list indexes (`spec.ports[0].targetport`, as users' reports show it:
// kubernetes-validate issue 31, Winson-030/dify-kubernetes issue 1). The decoder keeps at most
// 100 of them, in body order; runtime.NewStrictDecodingError joins them with ", " after
// "strict decoding error: ". A type error wins over strict errors (json.go Serializer.Decode
// returns it alone). The unstructured converter (PATCH) reports the same texts sorted
// (converter.go FromUnstructuredWithValidation). What the decoder does not look into (the
// value of an unknown field, an opaque type) holds no unknown fields. Duplicate fields
// (`duplicate field "x"`) cannot reach the server from kubectl: it converts YAML with
// go-yaml's non-strict decoder (the last duplicate wins) and sends re-encoded JSON.

import type { KubeObject } from '../../core/types';
import type { DecodeFailure } from './decodeError';
import { type GoType, kindType } from './goTypes';

const QUANTITY_FORMAT = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;
// 2^63 (a double cannot hold 2^63 - 1): int64's bound as far as JSON numbers in JS go.
const INT64_BOUND = 2 ** 63;

const hasOwn = Object.prototype.hasOwnProperty;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function fitsInt(v: unknown, go: 'int32' | 'int64'): boolean {
  if (typeof v !== 'number' || !Number.isInteger(v)) return false;
  return go === 'int32' ? v >= INT32_MIN && v <= INT32_MAX : v >= -INT64_BOUND && v < INT64_BOUND;
}

/** Set by `decodes` on a `null` list item or map value: Go stores the element type's zero value. */
let sawNullElement = false;
/** Set by `decodes` on a key its struct has no field for. */
let sawUnknownField = false;

/** checkRequestBody's flags for a body that decodes: what the stored copy needs (repair). */
export const HAS_NULLS = 1;
export const HAS_UNKNOWN_FIELDS = 2;

/** The decoder keeps no more strict errors than this (sigs.k8s.io/json saveStrictError). */
const MAX_STRICT_ERRORS = 100;

/** Whether `v` decodes into `t`. `null` and absent values always do (Go keeps the zero value). */
function decodes(v: unknown, t: GoType): boolean {
  if (v === null || v === undefined) return true;
  switch (t.k) {
    case 'string':
    case 'time':
      return typeof v === 'string';
    case 'bool':
      return typeof v === 'boolean';
    case 'int':
      return fitsInt(v, t.go);
    case 'intstr':
      return typeof v === 'string' || fitsInt(v, 'int32');
    case 'quantity':
      return typeof v === 'string' || typeof v === 'number';
    case 'object':
      return isObject(v);
    case 'any':
      return true;
    case 'list':
      if (!Array.isArray(v)) return false;
      for (let i = 0; i < v.length; i++) {
        if (v[i] === null) sawNullElement = true;
        else if (!decodes(v[i], t.of)) return false;
      }
      return true;
    case 'map':
      if (!isObject(v)) return false;
      for (const key in v) {
        if (!hasOwn.call(v, key)) continue;
        if (v[key] === null) sawNullElement = true;
        else if (!decodes(v[key], t.of)) return false;
      }
      return true;
    case 'struct': {
      if (!isObject(v)) return false;
      for (const key in v) {
        if (!hasOwn.call(v, key)) continue;
        const ft = t.fields.get(key);
        if (!ft) sawUnknownField = true;
        else if (!decodes(v[key], ft)) return false;
      }
      return true;
    }
  }
}

/**
 * The check the command line installs (install.ts): the type error if the body does not
 * decode, else the flags HAS_NULLS (`null` list items or map values) and HAS_UNKNOWN_FIELDS,
 * 0 for the common, clean body.
 */
export function checkRequestBody(kind: string, obj: KubeObject): DecodeFailure | number {
  const t = kindType(kind);
  if (!t) return 0;
  sawNullElement = false;
  sawUnknownField = false;
  if (!decodes(obj, t)) return explain(obj, t);
  return (sawNullElement ? HAS_NULLS : 0) | (sawUnknownField ? HAS_UNKNOWN_FIELDS : 0);
}

/** The strict errors of a body flagged HAS_UNKNOWN_FIELDS, in body order (keys sorted, as kubectl sends them). */
export function unknownFields(kind: string, obj: KubeObject): string[] {
  const t = kindType(kind);
  const out: string[] = [];
  if (t) collectUnknown(obj, t, '', out);
  return out;
}

function collectUnknown(v: unknown, t: GoType, path: string, out: string[]): void {
  if (t.k === 'list' && Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) collectUnknown(v[i], t.of, `${path}[${i}]`, out);
  } else if ((t.k === 'map' || t.k === 'struct') && isObject(v)) {
    for (const key of Object.keys(v).sort()) {
      const child = path ? `${path}.${key}` : key;
      const ft = t.k === 'struct' ? t.fields.get(key) : t.of;
      if (ft) collectUnknown(v[key], ft, child, out);
      else out.push(`unknown field "${child}"`);
    }
  }
}

/** Both decoders' words for the unknown fields of a body (Strict validation refuses it). */
export function strictFailure(unknown: readonly string[]): DecodeFailure {
  return {
    json: `strict decoding error: ${unknown.slice(0, MAX_STRICT_ERRORS).join(', ')}`,
    converter: `strict decoding error: ${[...unknown].sort().join(', ')}`,
  };
}

/** The zero value Go decodes `null` into, as JSON: what the API server then stores. */
function zeroValue(t: GoType): unknown {
  switch (t.k) {
    case 'struct':
      return {};
    case 'int':
    case 'intstr':
      return 0;
    case 'bool':
      return false;
    case 'quantity':
      return '0';
    case 'object':
      return {};
    case 'list':
    case 'map':
    case 'time':
    case 'any':
      return null;
    default:
      return '';
  }
}

/**
 * Makes a (private) copy of a body that decodes what the API server stores from it: `null`
 * list items and map values become their zero values, unknown fields are dropped (the Go
 * struct has nowhere to keep them; Warn and Ignore validation go on without them).
 */
export function repairBody(kind: string, obj: KubeObject): void {
  const t = kindType(kind);
  if (t) repair(obj, t);
}

function repair(v: unknown, t: GoType): void {
  if (t.k === 'list' && Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      if (v[i] === null) v[i] = zeroValue(t.of);
      else repair(v[i], t.of);
    }
  } else if ((t.k === 'map' || t.k === 'struct') && isObject(v)) {
    for (const key of Object.keys(v)) {
      const ft = t.k === 'struct' ? t.fields.get(key) : t.of;
      if (!ft) delete v[key];
      else if (v[key] === null && t.k === 'map') v[key] = zeroValue(ft);
      else repair(v[key], ft);
    }
  }
}

/** encoding/json's name for a JSON value in UnmarshalTypeError.Value. */
function jsonKind(v: unknown, numberText: boolean): string {
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'object') return 'object';
  if (typeof v === 'number') return numberText ? `number ${v}` : 'number';
  return typeof v === 'boolean' ? 'bool' : 'string';
}

/** The unstructured (map[string]interface{}) Go kind of a JSON value, as converter.go prints it. */
function unstructuredKind(v: unknown): string {
  if (Array.isArray(v)) return 'slice';
  if (typeof v === 'object') return 'map';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int64' : 'float64';
  return typeof v === 'boolean' ? 'bool' : 'string';
}

/** A type's own UnmarshalJSON failing: the same words on both paths (the converter calls it too). */
function unmarshalerError(v: unknown, t: GoType): string {
  if (t.k === 'quantity') return QUANTITY_FORMAT;
  // IntOrString decodes a non-string into its int32, metav1.Time any value into a string, both
  // with the standard json.Unmarshal: no struct context in the text.
  return t.k === 'intstr'
    ? `json: cannot unmarshal ${jsonKind(v, true)} into Go value of type int32`
    : `json: cannot unmarshal ${jsonKind(v, false)} into Go value of type string`;
}

function converterError(v: unknown, t: GoType): string {
  const from = unstructuredKind(v);
  switch (t.k) {
    case 'struct':
    case 'object':
      return `cannot restore struct from: ${from}`;
    case 'list':
      return `cannot restore slice from ${from}`;
    case 'map':
      return `cannot restore map from ${from}`;
    case 'int':
      // Integers of any size convert (and wrap, which we do not model); fractions do not.
      return from === 'float64' ? `cannot convert float64 to ${t.go}` : `unrecognized type: ${t.go}`;
    default:
      return from === 'int64' && t.k === 'string' ? 'cannot convert int64 to string' : `unrecognized type: ${t.go}`;
  }
}

interface Walk {
  /** The first type error in body order (encoding/json keeps it and decodes on). */
  saved?: DecodeFailure;
  /** The innermost struct whose field is being decoded, and the JSON names leading there. */
  struct: string;
  fields: string[];
}

/**
 * The second pass, over a body that does not decode: keys in sorted order, as kubectl sends
 * them (encoding/json marshals map[string]interface{} sorted). Returns the failure that ends
 * decoding (an UnmarshalJSON error), else records the first type error in `w.saved`.
 */
function walk(v: unknown, t: GoType, w: Walk): DecodeFailure | undefined {
  if (decodes(v, t)) return undefined;
  if (t.k === 'intstr' || t.k === 'time' || t.k === 'quantity') {
    const text = unmarshalerError(v, t);
    return { json: text, converter: text };
  }
  const shapeOk = t.k === 'list' ? Array.isArray(v) : t.k === 'map' || t.k === 'struct' ? isObject(v) : false;
  // (An opaque 'object' that is not an object ends up in the type error below.)
  if (!shapeOk) {
    const numberText = t.k === 'int' && typeof v === 'number';
    w.saved ??= {
      json: `json: cannot unmarshal ${jsonKind(v, numberText)} into Go struct field ${w.struct}.${w.fields.join('.')} of type ${t.go}`,
      converter: converterError(v, t),
    };
    return undefined;
  }
  if (t.k === 'list') {
    const items = v as unknown[];
    for (const item of items) {
      const failed = walk(item, t.of, w);
      if (failed) return failed;
    }
    return undefined;
  }
  const obj = v as Record<string, unknown>;
  for (const key of Object.keys(obj).sort()) {
    const ft = t.k === 'map' ? t.of : t.k === 'struct' ? t.fields.get(key) : undefined;
    if (!ft) continue;
    const outer = w.struct;
    if (t.k === 'struct') {
      w.struct = t.name;
      w.fields.push(key);
    }
    const failed = walk(obj[key], ft, w);
    if (t.k === 'struct') {
      w.struct = outer;
      w.fields.pop();
    }
    if (failed) return failed;
  }
  return undefined;
}

function explain(obj: KubeObject, t: GoType): DecodeFailure {
  const w: Walk = { struct: '', fields: [] };
  // Both passes share `decodes`, so a body the first pass refused always yields an error here.
  return walk(obj, t, w) ?? w.saved!;
}
