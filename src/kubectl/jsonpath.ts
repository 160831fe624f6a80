// kubectl's JSONPath templates: a port of k8s.io/client-go/util/jsonpath (parser.go,
// jsonpath.go) over plain JSON values, with the same grammar, the same odd corners
// (results of one `{…}` joined by spaces, `{range}`/`{end}` loops, filters with
// `[?(@.type=="Ready")]`, unions `[0,2]`, slices `[1:3]`, recursive descent `..name`)
// and the same error texts. Maps and lists print as compact JSON (as kubectl ≥ 1.20 does).

import { utf8Bytes } from '../engine/core/utf8';

type Json = unknown;

interface Param { value: number; known: boolean; derived: boolean }

export type JPNode =
  | { type: 'list'; nodes: JPNode[] }
  | { type: 'text'; text: string }
  | { type: 'field'; name: string }
  | { type: 'array'; params: [Param, Param, Param] }
  | { type: 'filter'; left: JPNode & { type: 'list' }; right: JPNode & { type: 'list' }; op: string }
  | { type: 'int'; value: number }
  | { type: 'float'; value: number }
  | { type: 'bool'; value: boolean }
  | { type: 'wildcard' }
  | { type: 'recursive' }
  | { type: 'union'; nodes: (JPNode & { type: 'list' })[] }
  | { type: 'identifier'; name: string };

type ListNode = JPNode & { type: 'list' };

export class JSONPathError extends Error {}

const list = (): ListNode => ({ type: 'list', nodes: [] });
const isSpace = (r: string) => r === ' ' || r === '\t';
const isEndOfLine = (r: string) => r === '\r' || r === '\n';
const isDigit = (r: string) => /^\p{Nd}$/u.test(r);
const isAlphaNumeric = (r: string) => r === '_' || /^[\p{L}\p{Nd}]$/u.test(r);
const isTerminator = (r: string) => r === '' || isSpace(r) || isEndOfLine(r) || '.,[]$@{}'.includes(r);
const SLICE_RE = /^(-?\d*)(:-?\d*)?(:-?\d*)?$/;

/** Go's strconv.Unquote, extended to single quotes (UnquoteExtend). */
function unquote(s: string): string {
  const q = s[0];
  if (s.length < 2 || q !== s[s.length - 1] || (q !== '"' && q !== "'")) throw new JSONPathError('invalid syntax');
  const body = s.slice(1, -1);
  const escapes: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', '"': '"', "'": "'", a: '\x07', b: '\b', f: '\f', v: '\v' };
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === q) throw new JSONPathError('invalid syntax');
    if (c !== '\\') { out += c; continue; }
    const e = body[++i];
    if (e in escapes && !(e === "'" && q === '"') && !(e === '"' && q === "'")) out += escapes[e];
    else if (e === 'x' || e === 'u' || e === 'U') {
      const n = e === 'x' ? 2 : e === 'u' ? 4 : 8;
      const hex = body.slice(i + 1, i + 1 + n);
      if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== n) throw new JSONPathError('invalid syntax');
      out += String.fromCodePoint(parseInt(hex, 16));
      i += n;
    } else throw new JSONPathError('invalid syntax');
  }
  return out;
}

class Parser {
  root: ListNode = list();
  private input = '';
  private pos = 0;
  private start = 0;
  private width = 0;

  parse(text: string): ListNode {
    this.input = text;
    this.root = list();
    this.pos = 0;
    this.start = 0;
    this.parseText(this.root);
    return this.root;
  }

  private consume(): string {
    const v = this.input.slice(this.start, this.pos);
    this.start = this.pos;
    return v;
  }
  private next(): string {
    if (this.pos >= this.input.length) { this.width = 0; return ''; }
    const r = String.fromCodePoint(this.input.codePointAt(this.pos)!);
    this.width = r.length;
    this.pos += r.length;
    return r;
  }
  private peek(): string { const r = this.next(); this.backup(); return r; }
  private backup(): void { this.pos -= this.width; }

  private parseText(cur: ListNode): void {
    for (;;) {
      if (this.input.startsWith('{', this.pos)) {
        if (this.pos > this.start) cur.nodes.push({ type: 'text', text: this.consume() });
        this.pos += 1;
        this.consume();
        const node = list();
        cur.nodes.push(node);
        this.parseInsideAction(node);
        return;
      }
      if (this.next() === '') break;
    }
    if (this.pos > this.start) cur.nodes.push({ type: 'text', text: this.consume() });
  }

  private parseInsideAction(cur: ListNode): void {
    for (;;) {
      const rest = this.input.slice(this.pos);
      if (rest.startsWith('}')) { this.pos += 1; this.consume(); this.parseText(this.root); return; }
      if (rest.startsWith('[?(')) { this.parseFilter(cur); continue; }
      if (rest.startsWith('..')) { this.parseRecursive(cur); continue; }
      const r = this.next();
      if (r === '' || isEndOfLine(r)) throw new JSONPathError('unclosed action');
      if (r === ' ' || r === '@' || r === '$') { this.consume(); continue; }
      if (r === '[') { this.parseArray(cur); continue; }
      if (r === '"' || r === "'") { this.parseQuote(cur, r); continue; }
      if (r === '.') { this.parseField(cur); continue; }
      if (r === '+' || r === '-' || isDigit(r)) { this.backup(); this.parseNumber(cur); continue; }
      if (isAlphaNumeric(r)) { this.backup(); this.parseIdentifier(cur); continue; }
      const cp = r.codePointAt(0)!;
      throw new JSONPathError(`unrecognized character in action: U+${cp.toString(16).toUpperCase().padStart(4, '0')} '${r}'`);
    }
  }

  private parseIdentifier(cur: ListNode): void {
    for (;;) { if (isTerminator(this.next())) { this.backup(); break; } }
    const v = this.consume();
    cur.nodes.push(v === 'true' || v === 'false' ? { type: 'bool', value: v === 'true' } : { type: 'identifier', name: v });
  }

  private parseRecursive(cur: ListNode): void {
    if (cur.nodes[cur.nodes.length - 1]?.type === 'recursive') throw new JSONPathError('invalid multiple recursive descent');
    this.pos += 2;
    this.consume();
    cur.nodes.push({ type: 'recursive' });
    if (isAlphaNumeric(this.peek())) this.parseField(cur);
  }

  private parseNumber(cur: ListNode): void {
    const r = this.peek();
    if (r === '+' || r === '-') this.next();
    for (;;) { const c = this.next(); if (c !== '.' && !isDigit(c)) { this.backup(); break; } }
    const v = this.consume();
    if (/^[+-]?\d+$/.test(v)) cur.nodes.push({ type: 'int', value: Number(v) });
    else if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(v)) cur.nodes.push({ type: 'float', value: Number(v) });
    else throw new JSONPathError(`cannot parse number ${v}`);
  }

  private parseArray(cur: ListNode): void {
    for (;;) {
      const r = this.next();
      if (r === '' || r === '\n') throw new JSONPathError('unterminated array');
      if (r === ']') break;
    }
    let text = this.consume().slice(1, -1);
    if (text === '*') text = ':';
    const parts = text.split(',');
    if (parts.length > 1) {
      cur.nodes.push({ type: 'union', nodes: parts.map((p) => parseAction(`[${p.trim()}]`)) });
      return;
    }
    const dict = /^'([^']*)'$/.exec(text);
    if (dict) {
      cur.nodes.push(...parseAction(`.${dict[1]}`).nodes);
      return;
    }
    const m = SLICE_RE.exec(text);
    if (!m) throw new JSONPathError(`invalid array index ${text}`);
    const params: Param[] = [];
    for (let i = 0; i < 3; i++) {
      let v = m[i + 1] ?? '';
      if (v !== '') {
        if (i > 0) v = v.slice(1);
        if (i > 0 && v === '') params.push({ value: 0, known: false, derived: false });
        else {
          if (!/^[+-]?\d+$/.test(v)) throw new JSONPathError(`array index ${v} is not a number`);
          params.push({ value: Number(v), known: true, derived: false });
        }
      } else if (i === 1) params.push({ value: params[0].value + 1, known: true, derived: true });
      else params.push({ value: 0, known: false, derived: false });
    }
    cur.nodes.push({ type: 'array', params: params as [Param, Param, Param] });
  }

  private parseFilter(cur: ListNode): void {
    this.pos += 3;
    this.consume();
    let begin = false;
    let end = false;
    let pair = '';
    for (;;) {
      const r = this.next();
      if (r === '' || r === '\n') throw new JSONPathError('unterminated filter');
      if (r === '"' || r === "'") {
        if (!begin) { begin = true; pair = r; continue; }
        if (this.input[this.pos - 2] !== '\\' && r === pair) end = true;
      } else if (r === ')' && begin === end) break;
    }
    if (this.next() !== ']') throw new JSONPathError('unclosed array expect ]');
    const text = this.consume().slice(0, -2);
    const m = /^([^!<>=]+)([!<>=]+)(.+?)$/s.exec(text);
    if (!m) cur.nodes.push({ type: 'filter', left: parseAction(text), right: list(), op: 'exists' });
    else cur.nodes.push({ type: 'filter', left: parseAction(m[1]), right: parseAction(m[3]), op: m[2] });
  }

  private parseQuote(cur: ListNode, quote: string): void {
    for (;;) {
      const r = this.next();
      if (r === '' || r === '\n') throw new JSONPathError('unterminated quoted string');
      if (r === quote && this.input[this.pos - 2] !== '\\') break;
    }
    const v = this.consume();
    let s: string;
    try { s = unquote(v); } catch (e) { throw new JSONPathError(`unquote string ${v} error ${(e as Error).message}`); }
    cur.nodes.push({ type: 'text', text: s });
  }

  private parseField(cur: ListNode): void {
    this.consume();
    for (;;) {
      const r = this.next();
      if (r === '\\') { this.next(); continue; }
      if (isTerminator(r)) { this.backup(); break; }
    }
    const v = this.consume();
    cur.nodes.push(v === '*' ? { type: 'wildcard' } : { type: 'field', name: v.replace(/\\/g, '') });
  }
}

function parseAction(text: string): ListNode {
  const root = new Parser().parse(`{${text}}`);
  return root.nodes[0] as ListNode;
}

/** Parses a template; throws JSONPathError with the parser's message. */
export function parseJSONPath(template: string): ListNode {
  return new Parser().parse(template);
}

// ---- evaluation (jsonpath.go) ----

type Kind = 'bool' | 'int' | 'float' | 'string' | 'other';
function basicKind(v: Json): Kind {
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float';
  if (typeof v === 'string') return 'string';
  return 'other';
}

/** text/template's eq/lt (forked in client-go): same basic kind required. */
function compare(op: string, left: Json, right: Json): boolean {
  const lk = basicKind(left);
  const rk = basicKind(right);
  if (op === '==' || op === '!=') {
    if (lk === 'other' || rk === 'other') throw new JSONPathError('invalid type for comparison');
    if (lk !== rk) throw new JSONPathError('incompatible types for comparison');
    return (left === right) === (op === '==');
  }
  if (lk === 'other' || rk === 'other' || lk === 'bool' || rk === 'bool') throw new JSONPathError('invalid type for comparison');
  if (lk !== rk) throw new JSONPathError('incompatible types for comparison');
  const l = left as number | string;
  const r = right as number | string;
  switch (op) {
    case '<': return l < r;
    case '>': return l > r;
    case '<=': return l <= r;
    case '>=': return l >= r;
    default: throw new JSONPathError(`unrecognized filter operator ${op}`);
  }
}


const isMap = (v: Json): v is Record<string, Json> => v !== null && typeof v === 'object' && !Array.isArray(v);
const children = (v: Json): Json[] => (Array.isArray(v) ? v : isMap(v) ? Object.keys(v).sort().map((k) => v[k]) : typeof v === 'string' ? utf8Bytes(v) : []); // a Go string indexes to bytes

class Evaluator {
  private stack: Json[][] = [];
  private cur: Json[] = [];
  private beginRange = 0;
  private inRange = 0;
  private endRange = 0;

  constructor(private readonly allowMissingKeys: boolean) {}

  findResults(data: Json, nodes: JPNode[]): Json[][] {
    this.cur = [data];
    const full: Json[][] = [];
    for (let i = 0; i < nodes.length; i++) {
      const results = this.walk(this.cur, nodes[i]);
      if (this.endRange > 0 && this.endRange <= this.inRange) {
        this.endRange--;
        break;
      }
      if (this.beginRange > 0) {
        this.beginRange--;
        this.inRange++;
        if (results.length === 0) {
          // Nothing to range over: carry on after the matching {end}.
          this.inRange--;
          this.stack.pop();
          i = matchingEnd(nodes, i);
          continue;
        }
        results.forEach((value, k) => {
          if (k === results.length - 1) this.inRange--;
          full.push(...this.findResults(value, nodes.slice(i + 1)));
        });
        break;
      }
      full.push(results);
    }
    return full;
  }

  private walk(input: Json[], node: JPNode): Json[] {
    switch (node.type) {
      case 'list': {
        let v = input;
        for (const n of node.nodes) v = this.walk(v, n);
        return v;
      }
      case 'text': return [node.text];
      case 'int': case 'float': case 'bool': return input.map(() => node.value);
      case 'field': return this.evalField(input, node.name);
      case 'array': return this.evalArray(input, node.params);
      case 'filter': return this.evalFilter(input, node);
      case 'wildcard': return input.flatMap((v) => (v === null || v === undefined ? [] : children(v)));
      case 'recursive': return this.evalRecursive(input);
      case 'union': return node.nodes.flatMap((l) => this.walk(input, l));
      case 'identifier': return this.evalIdentifier(input, node.name);
    }
  }

  private evalIdentifier(input: Json[], name: string): Json[] {
    if (name === 'range') {
      this.stack.push(this.cur);
      this.beginRange++;
      return input;
    }
    if (name === 'end') {
      if (this.endRange < this.inRange) { this.endRange++; return []; }
      const top = this.stack.pop();
      if (top === undefined) throw new JSONPathError('not in range, nothing to end');
      this.cur = top;
      return [];
    }
    throw new JSONPathError(`unrecognized identifier ${name}`);
  }

  private evalField(input: Json[], name: string): Json[] {
    const out: Json[] = [];
    for (const v of input) {
      if (isMap(v) && Object.prototype.hasOwnProperty.call(v, name) && v[name] !== undefined) out.push(v[name]);
    }
    if (out.length === 0 && input.length > 0 && !this.allowMissingKeys) throw new JSONPathError(`${name} is not found`);
    return out;
  }

  private evalArray(input: Json[], node: [Param, Param, Param]): Json[] {
    const out: Json[] = [];
    for (const value of input) {
      if (value === null || value === undefined) continue;
      if (!Array.isArray(value)) throw new JSONPathError(`${goTypeName(value)} is not array or slice`);
      const p = node.map((x) => ({ ...x }));
      const len = value.length;
      if (!p[0].known) p[0].value = 0;
      if (p[0].value < 0) p[0].value += len;
      if (!p[1].known) p[1].value = len;
      if (p[1].value < 0 || (p[1].value === 0 && p[1].derived)) p[1].value += len;
      if (p[1].value === p[0].value) return out;
      if (p[0].value >= len || p[0].value < 0) throw new JSONPathError(`array index out of bounds: index ${p[0].value}, length ${len}`);
      if (p[1].value > len || p[1].value < 0) throw new JSONPathError(`array index out of bounds: index ${p[1].value - 1}, length ${len}`);
      if (p[0].value > p[1].value) throw new JSONPathError(`starting index ${p[0].value} is greater than ending index ${p[1].value}`);
      let step = 1;
      if (p[2].known) {
        if (p[2].value <= 0) throw new JSONPathError('step must be > 0');
        step = p[2].value;
      }
      const slice = value.slice(p[0].value, p[1].value);
      for (let i = 0; i < slice.length; i += step) out.push(slice[i]);
    }
    return out;
  }

  private evalFilter(input: Json[], node: JPNode & { type: 'filter' }): Json[] {
    const out: Json[] = [];
    for (const value of input) {
      if (!Array.isArray(value)) throw new JSONPathError(`${goPlain(value)} is not array or slice and cannot be filtered`);
      for (const item of value) {
        let lefts: Json[];
        try { lefts = this.walk([item], node.left); } catch (e) { if (node.op === 'exists') continue; throw e; }
        if (node.op === 'exists') { if (lefts.length > 0) out.push(item); continue; }
        if (lefts.length === 0) continue;
        if (lefts.length > 1) throw new JSONPathError('can only compare one element at a time');
        const rights = this.walk([item], node.right);
        if (rights.length === 0) continue;
        if (rights.length > 1) throw new JSONPathError('can only compare one element at a time');
        if (compare(node.op, lefts[0], rights[0])) out.push(item);
      }
    }
    return out;
  }

  private evalRecursive(input: Json[]): Json[] {
    const out: Json[] = [];
    for (const v of input) {
      if (v === null || v === undefined) continue;
      const kids = children(v);
      if (kids.length) {
        out.push(v);
        out.push(...this.evalRecursive(kids));
      }
    }
    return out;
  }
}

function matchingEnd(nodes: JPNode[], from: number): number {
  let depth = 0;
  for (let k = from; k < nodes.length; k++) {
    const n = nodes[k];
    const ident = n.type === 'list' && n.nodes[0]?.type === 'identifier' ? n.nodes[0].name : '';
    if (ident === 'range') depth++;
    else if (ident === 'end' && --depth === 0) return k;
  }
  return nodes.length;
}

function goTypeName(v: Json): string {
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int64' : 'float64';
  return 'map[string]interface {}';
}

/** encoding/json Marshal: compact, map keys sorted, HTML-safe escapes. */
export function goJSON(v: Json): string {
  const sortDeep = (x: Json): Json => (Array.isArray(x) ? x.map(sortDeep) : isMap(x) ? Object.fromEntries(Object.keys(x).sort().map((k) => [k, sortDeep(x[k])])) : x);
  return JSON.stringify(sortDeep(v) ?? null)
    .replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** fmt's %v of a decoded JSON value: `map[a:1 b:x]`, `[a b]`, `<nil>`. */
export function goPlain(v: Json): string {
  if (v === null || v === undefined) return '<nil>';
  if (Array.isArray(v)) return `[${v.map(goPlain).join(' ')}]`;
  if (isMap(v)) return `map[${Object.keys(v).sort().map((k) => `${k}:${goPlain(v[k])}`).join(' ')}]`;
  return String(v);
}

/** fmt's %#v of a decoded JSON value (the object dump in jsonpath execution errors). */
export function goSyntax(v: Json): string {
  if (v === null || v === undefined) return 'interface {}(nil)';
  if (Array.isArray(v)) return `[]interface {}{${v.map(goSyntax).join(', ')}}`;
  if (isMap(v)) return `map[string]interface {}{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${goSyntax(v[k])}`).join(', ')}}`;
  return typeof v === 'string' ? JSON.stringify(v) : String(v);
}

function textOf(v: Json): string {
  if (Array.isArray(v) || isMap(v)) return goJSON(v);
  if (v === null || v === undefined) return '<nil>';
  return String(v);
}

export interface CompiledJSONPath {
  /** Results per template node, as FindResults returns them. */
  findResults(data: Json): Json[][];
  /** Execute: every node's results, values of one node joined by a space. */
  execute(data: Json): string;
}

export function compileJSONPath(template: string, opts: { allowMissingKeys?: boolean } = {}): CompiledJSONPath {
  const root = parseJSONPath(template);
  const allow = opts.allowMissingKeys ?? false;
  const findResults = (data: Json) => new Evaluator(allow).findResults(data, root.nodes);
  return {
    findResults,
    execute: (data) => findResults(data).map((results) => results.map(textOf).join(' ')).join(''),
  };
}

/** `.metadata.name`, `metadata.name`, `{.metadata.name}` → `{.metadata.name}` (get.RelaxedJSONPathExpression). */
export function relaxedJSONPathExpression(expr: string): string {
  if (expr === '') return expr;
  const m = /^\{\.?([^{}]+)\}$|^\.?([^{}]+)$/.exec(expr);
  if (!m) throw new JSONPathError("unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'");
  return `{.${m[1] || m[2]}}`;
}
