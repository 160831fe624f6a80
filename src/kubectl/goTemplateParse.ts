// Parsing of `kubectl get -o go-template` templates (goTemplate.ts): text and {{actions}}
// with `{{-`/`-}}` trimming and comments, pipelines, parenthesised terms, variables and the
// if/with/range/else/end structure; errors read as Go's parser words them (`template: output:1: …`).
// Source: Go text/template/parse (lex.go, parse.go).

import { FUNCS, GoTemplateError } from './goTemplateFuncs';

// ---- lexing: text and actions ----

export type Tok =
  | { t: 'field'; names: string[]; pos: number } // `.a.b` (`.` alone: names = [])
  | { t: 'var'; name: string; names: string[]; pos: number } // `$x.a`
  | { t: 'str' | 'num' | 'ident' | 'bool' | 'nil'; v: string; pos: number }
  | { t: '(' | ')' | '|' | ':=' | '=' | ','; pos: number };

function lexAction(src: string, base: number, err: (m: string) => never): Tok[] {
  const toks: Tok[] = [];
  let i = 0;
  const fieldChain = (): string[] => {
    const names: string[] = [];
    while (src[i] === '.' && /[A-Za-z_]/.test(src[i + 1] ?? '')) {
      const m = /^\.([A-Za-z_][A-Za-z0-9_]*)/.exec(src.slice(i))!;
      names.push(m[1]);
      i += m[0].length;
    }
    return names;
  };
  while (i < src.length) {
    const c = src[i];
    const pos = base + i;
    if (/\s/.test(c)) { i++; continue; }
    if (c === '(' || c === ')' || c === '|' || c === ',') { toks.push({ t: c, pos }); i++; continue; }
    if (src.startsWith(':=', i)) { toks.push({ t: ':=', pos }); i += 2; continue; }
    if (c === '=') { toks.push({ t: '=', pos }); i++; continue; }
    if (c === '"') {
      const m = /^"(?:[^"\\\n]|\\.)*"/.exec(src.slice(i));
      if (!m) err('unterminated quoted string');
      toks.push({ t: 'str', v: unquoteGo(m[0], err), pos });
      i += m[0].length;
      continue;
    }
    if (c === '`') {
      const end = src.indexOf('`', i + 1);
      if (end < 0) err('unterminated raw quoted string');
      toks.push({ t: 'str', v: src.slice(i + 1, end), pos });
      i = end + 1;
      continue;
    }
    if (c === '.') {
      if (/[A-Za-z_]/.test(src[i + 1] ?? '')) { toks.push({ t: 'field', names: fieldChain(), pos }); continue; }
      if (!/[0-9]/.test(src[i + 1] ?? '')) { toks.push({ t: 'field', names: [], pos }); i++; continue; }
    }
    if (c === '$') {
      const m = /^\$[A-Za-z0-9_]*/.exec(src.slice(i))!;
      i += m[0].length;
      toks.push({ t: 'var', name: m[0], names: fieldChain(), pos });
      continue;
    }
    const num = /^[-+]?(?:0x[0-9a-fA-F]+|\d+\.?\d*(?:[eE][-+]?\d+)?|\.\d+(?:[eE][-+]?\d+)?)/.exec(src.slice(i));
    if (num) { toks.push({ t: 'num', v: num[0], pos }); i += num[0].length; continue; }
    const id = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i));
    if (id) {
      const v = id[0];
      toks.push(v === 'true' || v === 'false' ? { t: 'bool', v, pos } : v === 'nil' ? { t: 'nil', v, pos } : { t: 'ident', v, pos });
      i += v.length;
      continue;
    }
    err(`unexpected "${c}" in command`);
  }
  return toks;
}

function unquoteGo(quoted: string, err: (m: string) => never): string {
  return quoted.slice(1, -1).replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|.)/g, (_, e: string) => {
    switch (e[0]) {
      case 'n': return '\n';
      case 't': return '\t';
      case 'r': return '\r';
      case '\\': return '\\';
      case '"': return '"';
      case 'x': case 'u': return String.fromCharCode(parseInt(e.slice(1), 16));
      default: return err('invalid syntax');
    }
  });
}

// ---- parsing ----

export interface Operand { tok: Tok; args?: Pipeline; names?: string[]; text: string; pos: number } // `(pipe).a.b` when args is set
export interface Command { operands: Operand[]; text: string; pos: number }
export interface Pipeline { decl: string[]; assign: boolean; cmds: Command[]; pos: number }
export interface ControlNode { k: 'if' | 'with' | 'range'; pipe: Pipeline; list: Node[]; elseList: Node[] }
export type Node = { k: 'text'; text: string } | { k: 'action'; pipe: Pipeline } | ControlNode;

const KEYWORDS = new Set(['if', 'else', 'end', 'range', 'with', 'define', 'template', 'block', 'break', 'continue']);

export function parseTemplate(source: string): Node[] {
  const line = (pos: number) => source.slice(0, pos).split('\n').length;
  let errPos = 0;
  const err = (m: string): never => { throw new GoTemplateError(`template: output:${line(errPos)}: ${m}`); };
  // Split into text and actions, applying the trim markers.
  type Piece = { text: string } | { action: string; pos: number };
  const pieces: Piece[] = [];
  let i = 0;
  let trimNext = false;
  while (i <= source.length) {
    const open = source.indexOf('{{', i);
    let text = source.slice(i, open < 0 ? source.length : open);
    if (trimNext) text = text.replace(/^\s+/, '');
    if (open < 0) { if (text) pieces.push({ text }); break; }
    const leftTrim = /^\{\{- /.test(source.slice(open, open + 4)) || source.slice(open, open + 4) === '{{-\t' || source.slice(open, open + 4) === '{{-\n';
    if (leftTrim) text = text.replace(/\s+$/, '');
    if (text) pieces.push({ text });
    const start = open + (leftTrim ? 3 : 2);
    errPos = open;
    let close = source.indexOf('}}', start);
    if (source.startsWith('/*', start.valueOf()) || source.slice(start).trimStart().startsWith('/*')) {
      const endComment = source.indexOf('*/', start);
      if (endComment < 0) err('unclosed comment');
      close = source.indexOf('}}', endComment);
    }
    if (close < 0) err('unclosed action');
    const rightTrim = close > start && source[close - 1] === '-' && /\s/.test(source[close - 2] ?? '');
    const body = source.slice(start, rightTrim ? close - 1 : close);
    if (!body.trim().startsWith('/*')) pieces.push({ action: body, pos: start });
    trimNext = rightTrim;
    i = close + 2;
  }

  let p = 0;
  const parsePipe = (toks: Tok[], pos: number, allowDecl: boolean): Pipeline => {
    let decl: string[] = [];
    let assign = false;
    let k = 0;
    // `$x :=`, `$i, $v :=`, `$x =`
    const declEnd = toks.findIndex((t) => t.t === ':=' || t.t === '=');
    if (declEnd > 0 && toks.slice(0, declEnd).every((t) => t.t === 'var' || t.t === ',')) {
      decl = toks.slice(0, declEnd).filter((t): t is Extract<Tok, { t: 'var' }> => t.t === 'var').map((t) => t.name);
      assign = toks[declEnd].t === '=';
      if (!allowDecl && decl.length > 1) err('too many declarations in command');
      k = declEnd + 1;
    }
    const cmds: Command[] = [];
    let cur: Operand[] = [];
    let curPos = toks[k]?.pos ?? pos;
    const flush = () => {
      if (cur.length === 0) err('missing value for command');
      cmds.push({ operands: cur, text: cur.map((o) => o.text).join(' '), pos: curPos });
      cur = [];
    };
    while (k < toks.length) {
      const t = toks[k];
      if (t.t === '|') { flush(); k++; curPos = toks[k]?.pos ?? pos; continue; }
      if (t.t === '(') {
        let depth = 1;
        let j = k + 1;
        for (; j < toks.length && depth > 0; j++) depth += toks[j].t === '(' ? 1 : toks[j].t === ')' ? -1 : 0;
        if (depth > 0) err('unclosed left paren');
        const inner = parsePipe(toks.slice(k + 1, j - 1), t.pos, false);
        let names: string[] = [];
        if (toks[j]?.t === 'field' && toks[j].pos === toks[j - 1].pos + 1) { names = (toks[j] as { names: string[] }).names; j++; }
        cur.push({ tok: t, args: inner, names, pos: t.pos, text: `(${inner.cmds.map((c) => c.text).join(' | ')})${names.map((n) => `.${n}`).join('')}` });
        k = j;
        continue;
      }
      if (t.t === ')') err('unexpected right paren');
      if (t.t === ':=' || t.t === '=' || t.t === ',') err(`unexpected "${t.t}" in operand`);
      if (t.t === 'ident') {
        if (KEYWORDS.has(t.v)) err(`unexpected <${t.v}> in command`);
        if (!(t.v in FUNCS)) err(`function "${t.v}" not defined`);
      }
      cur.push({ tok: t, text: tokText(t), pos: t.pos });
      k++;
    }
    if (cur.length) flush();
    if (cmds.length === 0) err('missing value for command');
    return { decl, assign, cmds, pos };
  };

  const parseList = (ends: string[]): { list: Node[]; end: string; rest?: Tok[] } => {
    const list: Node[] = [];
    while (p < pieces.length) {
      const piece = pieces[p++];
      if ('text' in piece) { list.push({ k: 'text', text: piece.text }); continue; }
      errPos = piece.pos;
      const toks = lexAction(piece.action, piece.pos, err);
      if (toks.length === 0) err('missing value for command');
      const head = toks[0];
      const word = head.t === 'ident' ? head.v : '';
      if (word === 'end' || word === 'else') {
        if (!ends.includes(word)) err(`unexpected {{${word}}}`);
        return { list, end: word, rest: toks.slice(1) };
      }
      if (word === 'if' || word === 'with' || word === 'range') list.push(parseControl(word, toks.slice(1), piece.pos));
      else if (word === 'define' || word === 'template' || word === 'block' || word === 'break' || word === 'continue') err(`{{${word}}} is not supported by the playground`);
      else list.push({ k: 'action', pipe: parsePipe(toks, piece.pos, false) });
    }
    if (ends.length) err('unexpected EOF');
    return { list, end: '' };
  };

  const parseControl = (word: 'if' | 'with' | 'range', toks: Tok[], pos: number): Node => {
    if (toks.length === 0) err(`missing value for ${word}`);
    const pipe = parsePipe(toks, pos, word === 'range');
    const body = parseList(['end', 'else']);
    let elseList: Node[] = [];
    if (body.end === 'else') {
      // `{{else if …}}` / `{{else with …}}` chain into a nested control.
      const rest = body.rest ?? [];
      if (rest.length && rest[0].t === 'ident' && (rest[0].v === 'if' || rest[0].v === 'with') && word !== 'range') {
        elseList = [parseControl(rest[0].v as 'if' | 'with', rest.slice(1), pos)];
        return { k: word, pipe, list: body.list, elseList };
      }
      elseList = parseList(['end']).list;
    }
    return { k: word, pipe, list: body.list, elseList };
  };

  const { list } = parseList([]);
  return list;
}

function tokText(t: Tok): string {
  switch (t.t) {
    case 'field': return t.names.length ? t.names.map((n) => `.${n}`).join('') : '.';
    case 'var': return t.name + t.names.map((n) => `.${n}`).join('');
    case 'str': return JSON.stringify(t.v);
    case 'num': case 'ident': case 'bool': case 'nil': return t.v;
    default: return t.t;
  }
}

