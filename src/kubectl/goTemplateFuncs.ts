// The values and functions of `kubectl get -o go-template` (goTemplate.ts): what an
// action prints (fmt's %v of a decoded JSON value), text/template's truth, and the builtin
// functions plus kubectl's exists and base64decode.
// Sources: Go text/template (exec.go printValue, IsTrue; funcs.go builtins), fmt (print.go);
// k8s.io/cli-runtime/pkg/printers/template.go (the FuncMap).

import { goPlain } from './jsonpath';

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
/** `undefined` is Go's invalid reflect.Value: a missing map key (`<no value>` when printed). */
export type Value = Json | undefined;

export class GoTemplateError extends Error {}

export const isMap = (v: Value): v is { [k: string]: Json } => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The Go type a decoded JSON value has, for error messages. */
export function goType(v: Value): string {
  if (v === null || v === undefined) return 'interface {}';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int64' : 'float64';
  return Array.isArray(v) ? '[]interface {}' : 'map[string]interface {}';
}

/** text/template's truth: false, 0, "", empty map/slice, nil and no value are false. */
export function truth(v: Value): boolean {
  if (v === undefined || v === null) return false;
  if (typeof v === 'object') return Array.isArray(v) ? v.length > 0 : Object.keys(v).length > 0;
  return v !== false && v !== 0 && v !== '';
}

/** fmt's %v of a float64: strconv's 'g' with the shortest digits, %e when the exponent is < -4 or >= 6 (1e+06). */
function goFloat(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return String(n);
  const [digits, expText] = n.toExponential().split('e');
  const exp = Number(expText);
  if (exp < -4 || exp >= 6) return `${digits}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  return String(n);
}

/** What an action prints: text/template's printValue (fmt.Fprint of the value). */
export function printed(v: Value): string {
  if (v === undefined || v === null) return '<no value>';
  if (typeof v === 'number') return goFloat(v);
  if (typeof v === 'object') return goPlain(v);
  return String(v);
}

export type Fn = (args: Value[], fail: (m: string) => never) => Value;

function compareBasic(a: Value, b: Value, fail: (m: string) => never): number {
  if (typeof a !== typeof b || (typeof a !== 'number' && typeof a !== 'string')) {
    if (typeof a === 'object' || typeof b === 'object' || typeof a !== typeof b) fail('incompatible types for comparison');
    fail('invalid type for comparison');
  }
  return a! < b! ? -1 : a! > b! ? 1 : 0;
}

function sprintf(format: string, args: Value[]): string {
  let n = 0;
  return format.replace(/%([-+# 0]*)(\d*)(?:\.(\d+))?([svdqtfx%])/g, (_all, flags: string, width: string, prec: string | undefined, verb: string) => {
    if (verb === '%') return '%';
    if (n >= args.length) return `%!${verb}(MISSING)`;
    const a = args[n++];
    let s: string;
    switch (verb) {
      case 'q': s = JSON.stringify(typeof a === 'string' ? a : printed(a)); break;
      case 'd': s = typeof a === 'number' && Number.isInteger(a) ? String(a) : `%!d(${goType(a)}=${printed(a)})`; break;
      case 'f': s = typeof a === 'number' ? a.toFixed(prec === undefined ? 6 : Number(prec)) : `%!f(${goType(a)}=${printed(a)})`; break;
      case 'x': s = typeof a === 'number' ? a.toString(16) : Array.from(String(a)).map((ch) => ch.charCodeAt(0).toString(16)).join(''); break;
      default: s = a === undefined ? '<nil>' : a === null ? '<nil>' : typeof a === 'object' ? goPlain(a) : typeof a === 'number' ? goFloat(a) : String(a);
    }
    const w = Number(width || 0);
    return s.length >= w ? s : flags.includes('-') ? s.padEnd(w) : s.padStart(w, flags.includes('0') && verb !== 's' ? '0' : ' ');
  });
}

/** fmt.Sprint: spaces only between operands when neither is a string. */
function sprint(args: Value[]): string {
  return args.reduce<string>((out, a, i) => {
    const sep = i > 0 && typeof a !== 'string' && typeof args[i - 1] !== 'string' ? ' ' : '';
    return out + sep + (a === undefined || a === null ? '<nil>' : typeof a === 'object' ? goPlain(a) : typeof a === 'number' ? goFloat(a) : String(a));
  }, '');
}

export const FUNCS: Record<string, Fn> = {
  and: (a) => a.find((v) => !truth(v)) ?? a[a.length - 1],
  or: (a) => a.find((v) => truth(v)) ?? a[a.length - 1],
  not: (a) => !truth(a[0]),
  len: (a, fail) => {
    const v = a[0];
    if (typeof v === 'string') return v.length;
    if (Array.isArray(v)) return v.length;
    if (isMap(v)) return Object.keys(v).length;
    return fail(`error calling len: len of type ${goType(v)}`);
  },
  index: (a, fail) => {
    let v = a[0];
    for (const key of a.slice(1)) {
      if (Array.isArray(v)) {
        if (typeof key !== 'number') return fail(`error calling index: cannot index slice/array with type ${goType(key)}`);
        if (key < 0 || key >= v.length) fail(`error calling index: index out of range: ${key}`);
        v = v[key];
      } else if (isMap(v)) {
        if (typeof key !== 'string') return fail(`error calling index: value has type ${goType(key)}; should be string`);
        // A missing key gives the map's zero value: a nil interface, printed as <no value>.
        v = Object.prototype.hasOwnProperty.call(v, key) ? v[key] : null;
      } else if (v === null || v === undefined) {
        fail('error calling index: index of untyped nil');
      } else {
        fail(`error calling index: can't index item of type ${goType(v)}`);
      }
    }
    return v;
  },
  print: (a) => sprint(a),
  println: (a) => `${a.map((v) => sprint([v])).join(' ')}\n`,
  printf: (a) => sprintf(String(a[0] ?? ''), a.slice(1)),
  eq: (a, fail) => a.slice(1).some((b) => compareBasic(a[0], b, fail) === 0),
  ne: (a, fail) => compareBasic(a[0], a[1], fail) !== 0,
  lt: (a, fail) => compareBasic(a[0], a[1], fail) < 0,
  le: (a, fail) => compareBasic(a[0], a[1], fail) <= 0,
  gt: (a, fail) => compareBasic(a[0], a[1], fail) > 0,
  ge: (a, fail) => compareBasic(a[0], a[1], fail) >= 0,
  // kubectl's own (printers/template.go): exists walks keys/indexes; base64decode decodes.
  exists: (a) => {
    let v: Value = a[0];
    for (const key of a.slice(1)) {
      if (isMap(v) && typeof key === 'string' && key in v) v = v[key];
      else if (Array.isArray(v) && typeof key === 'number' && key >= 0 && key < v.length) v = v[key];
      else return false;
    }
    return true;
  },
  base64decode: (a, fail) => {
    const decoded = base64Decode(String(a[0] ?? ''));
    return typeof decoded === 'string' ? decoded : fail(`error calling base64decode: base64 decode failed: illegal base64 data at input byte ${decoded.badByte}`);
  },
};

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** base64.StdEncoding.DecodeString (padding required), the bytes read as UTF-8. */
function base64Decode(text: string): string | { badByte: number } {
  const bytes: number[] = [];
  if (text.length % 4 !== 0) return { badByte: text.length - (text.length % 4) };
  for (let i = 0; i < text.length; i += 4) {
    let bits = 0;
    let pad = 0;
    for (let j = 0; j < 4; j++) {
      const ch = text[i + j];
      const last = i + 4 === text.length;
      if (ch === '=' && last && j >= 2 && (j === 3 || text[i + 3] === '=')) { pad++; bits <<= 6; continue; }
      const n = B64.indexOf(ch);
      if (n < 0 || pad) return { badByte: i + j };
      bits = (bits << 6) | n;
    }
    bytes.push((bits >> 16) & 255);
    if (pad < 2) bytes.push((bits >> 8) & 255);
    if (pad < 1) bytes.push(bits & 255);
  }
  try {
    return decodeURIComponent(bytes.map((b) => `%${b.toString(16).padStart(2, '0')}`).join(''));
  } catch {
    return String.fromCharCode(...bytes); // not UTF-8: one character per byte
  }
}

