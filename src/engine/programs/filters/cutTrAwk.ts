// cut, tr and a small awk. cut and tr follow GNU coreutils (src/cut.c: a line without the
// delimiter is printed whole unless -s; src/tr.c: SET2 is padded with its last character).
// awk runs only the programs people type after kubectl — `{print $1}`, `NR>1 {print $1, $3}`,
// `/web/ {print $NF}` — and refuses any other program instead of guessing at it.

import { fail } from '../../exec';
import type { FilterStart, ProgramEnv, StreamFilter } from '../types';
import { eachFile, feedAll, inputFiles, LineFilter, reading } from './lineFilter';
import { parseOptions, tryHelp } from './options';
import { translateRegex } from './posixRegex';

type Range = [number, number];

function parseList(list: string, kind: 'fields' | 'positions'): Range[] | string {
  const ranges: Range[] = [];
  for (const part of list.split(',')) {
    const m = /^(\d*)(-?)(\d*)$/.exec(part);
    if (!m || (m[1] === '' && m[3] === '')) return `cut: invalid ${kind === 'fields' ? 'field value' : 'byte or character position'} ‘${part}’\n`;
    const from = m[1] === '' ? 1 : Number(m[1]);
    const to = m[2] === '' ? from : m[3] === '' ? Infinity : Number(m[3]);
    if (from === 0 || to === 0) return kind === 'fields' ? 'cut: fields are numbered from 1\n' : 'cut: byte/character positions are numbered from 1\n';
    if (to < from) return 'cut: invalid decreasing range\n';
    ranges.push([from, to]);
  }
  return ranges;
}

const selected = (ranges: Range[], n: number) => ranges.some(([a, b]) => n >= a && n <= b);

class CutFilter extends LineFilter {
  constructor(private readonly o: { ranges: Range[]; delimiter: string | undefined; onlyDelimited: boolean }) {
    super();
  }
  protected line(text: string): string {
    const { ranges, delimiter, onlyDelimited } = this.o;
    if (delimiter === undefined) return `${[...text].filter((_, i) => selected(ranges, i + 1)).join('')}\n`;
    if (!text.includes(delimiter)) return onlyDelimited ? '' : `${text}\n`;
    return `${text.split(delimiter).filter((_, i) => selected(ranges, i + 1)).join(delimiter)}\n`;
  }
}

export const startCut: FilterStart = (env: ProgramEnv, argv: string[]) => {
  const parsed = parseOptions('cut', argv.slice(1), {
    flags: 'sn',
    withArgument: 'dfbc',
    long: { delimiter: { key: 'd', argument: true }, fields: { key: 'f', argument: true }, bytes: { key: 'b', argument: true }, characters: { key: 'c', argument: true }, 'only-delimited': { key: 's', argument: false } },
  });
  const usage = (text: string) => fail(`${text}${tryHelp('cut')}`, 1);
  if ('error' in parsed) return usage(`${parsed.error}\n`);
  const lists = parsed.options.filter(([k]) => 'fbc'.includes(k));
  if (lists.length === 0) return usage('cut: you must specify a list of bytes, characters, or fields\n');
  if (new Set(lists.map(([k]) => k)).size > 1) return usage('cut: only one type of list may be specified\n');
  const [kind, list] = lists.at(-1)!;
  const delimiter = parsed.options.filter(([k]) => k === 'd').at(-1)?.[1];
  if (delimiter !== undefined && [...delimiter].length !== 1) return usage('cut: the delimiter must be a single character\n');
  if (delimiter !== undefined && kind !== 'f') return usage('cut: an input delimiter may be specified only when operating on fields\n');
  const ranges = parseList(list ?? '', kind === 'f' ? 'fields' : 'positions');
  if (typeof ranges === 'string') return usage(ranges);
  const make = () => new CutFilter({ ranges, delimiter: kind === 'f' ? delimiter ?? '\t' : undefined, onlyDelimited: parsed.options.some(([k]) => k === 's') });
  const files = inputFiles(env, parsed.operands);
  if (!files) return reading(make());
  return eachFile('cut', files, (text) => feedAll(make(), text));
};

const TR_CLASSES: Record<string, string> = {
  upper: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', lower: 'abcdefghijklmnopqrstuvwxyz', digit: '0123456789',
  space: ' \t\n\r\f\v', blank: ' \t',
};
const TR_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', f: '\f', v: '\v', '\\': '\\' };

/** A tr SET as its characters: escapes, ranges (a-z) and the classes [:upper:] and friends. */
function expandSet(set: string): string[] | string {
  const chars: string[] = [];
  for (let i = 0; i < set.length; i++) {
    const cls = /^\[:([a-z]+):\]/.exec(set.slice(i));
    if (cls) {
      const members = TR_CLASSES[cls[1]] ?? (cls[1] === 'alpha' ? TR_CLASSES.upper + TR_CLASSES.lower : cls[1] === 'alnum' ? TR_CLASSES.digit + TR_CLASSES.upper + TR_CLASSES.lower : undefined);
      if (members === undefined) return cls[1] === 'punct' || cls[1] === 'cntrl' || cls[1] === 'print' || cls[1] === 'graph' || cls[1] === 'xdigit' ? `tr: [:${cls[1]}:] is not simulated in the playground\n` : `tr: invalid character class ‘${cls[1]}’\n`;
      chars.push(...members);
      i += cls[0].length - 1;
      continue;
    }
    let c = set[i];
    if (c === '\\' && i + 1 < set.length) c = TR_ESCAPES[set[++i]] ?? set[i];
    if (set[i + 1] === '-' && i + 2 < set.length) {
      const end = set[i + 2];
      if (end < c) return `tr: range-endpoints of ‘${c}-${end}’ are in reverse collating sequence order\n`;
      for (let code = c.charCodeAt(0); code <= end.charCodeAt(0); code++) chars.push(String.fromCharCode(code));
      i += 2;
      continue;
    }
    chars.push(c);
  }
  return chars;
}

class TrFilter implements StreamFilter {
  private last: string | undefined;
  closed = false;
  exitCode = 0;
  constructor(private readonly map: Map<string, string>, private readonly remove: Set<string>, private readonly squeeze: Set<string>) {}
  write(text: string): string {
    let out = '';
    for (const ch of text) {
      if (this.remove.has(ch)) continue;
      const c = this.map.get(ch) ?? ch;
      if (c === this.last && this.squeeze.has(c)) continue;
      out += c;
      this.last = c;
    }
    return out;
  }
  end(): string {
    this.closed = true;
    return '';
  }
}

export const startTr: FilterStart = (_env, argv) => {
  const parsed = parseOptions('tr', argv.slice(1), {
    flags: 'dscCt',
    withArgument: '',
    long: { delete: { key: 'd', argument: false }, 'squeeze-repeats': { key: 's', argument: false } },
  });
  if ('error' in parsed) return fail(`${parsed.error}\n${tryHelp('tr')}`, 1);
  const has = (k: string) => parsed.options.some(([key]) => key === k);
  const refused = parsed.options.find(([k]) => 'cCt'.includes(k));
  if (refused) return fail(`tr: option -${refused[0]} is not simulated in the playground\n`, 1);
  const [set1, set2, extra] = parsed.operands;
  const translating = !has('d') && !(has('s') && set2 === undefined);
  if (set1 === undefined) return fail(`tr: missing operand\n${tryHelp('tr')}`, 1);
  if (set2 === undefined && (translating || (has('d') && has('s')))) {
    const why = has('d') ? 'Two strings must be given when both deleting and squeezing repeats.' : 'Two strings must be given when translating.';
    return fail(`tr: missing operand after ‘${set1}’\n${why}\n${tryHelp('tr')}`, 1);
  }
  if (extra !== undefined || (has('d') && !has('s') && set2 !== undefined)) {
    const operand = extra ?? set2;
    return fail(`tr: extra operand ‘${operand}’\n${has('d') && extra === undefined ? 'Only one string may be given when deleting without squeezing repeats.\n' : ''}${tryHelp('tr')}`, 1);
  }
  const chars1 = expandSet(set1);
  const chars2 = set2 === undefined ? [] : expandSet(set2);
  if (typeof chars1 === 'string') return fail(chars1, 1);
  if (typeof chars2 === 'string') return fail(chars2, 1);
  const map = new Map<string, string>();
  if (translating) chars1.forEach((c, i) => map.set(c, chars2[Math.min(i, chars2.length - 1)]));
  const remove = new Set(has('d') ? chars1 : []);
  const squeeze = new Set(has('s') ? (set2 === undefined ? chars1 : chars2) : []);
  return reading(new TrFilter(map, remove, squeeze));
};

/** One thing awk prints: a concatenation of fields ($1, $NF), NR, NF and "strings". */
type Term = { field: number | 'NF' } | { variable: 'NR' | 'NF' } | { text: string };

const AWK_REFUSAL = "awk: the playground's awk runs only '{print …}' of fields ($1, $NF, $0), NR, NF and \"strings\", after an optional NR comparison (NR>1) or /regex/\n";

function parseAwk(program: string): { condition: (nr: number, line: string) => boolean; items: Term[][] } | undefined {
  const m = /^\s*(?:(NR\s*(==|!=|>=|<=|>|<)\s*(\d+)|\/((?:[^/\\]|\\.)*)\/)\s*)?\{\s*print\b\s*(.*?)\s*;?\s*\}\s*$/s.exec(program);
  if (!m) return undefined;
  let condition = (_nr: number, _line: string) => true;
  if (m[2]) {
    const n = Number(m[3]);
    const compare: Record<string, (a: number) => boolean> = { '==': (a) => a === n, '!=': (a) => a !== n, '>=': (a) => a >= n, '<=': (a) => a <= n, '>': (a) => a > n, '<': (a) => a < n };
    condition = (nr) => compare[m[2]](nr);
  } else if (m[4] !== undefined) {
    const t = translateRegex(m[4], true);
    if ('error' in t) return undefined;
    const re = new RegExp(t.source);
    condition = (_nr, line) => re.test(line);
  }
  const items: Term[][] = [];
  const body = m[5];
  if (body === '') return { condition, items: [[{ field: 0 }]] };
  for (const item of body.split(',')) {
    const terms: Term[] = [];
    const term = /\s*(?:\$(\d+|NF)|(NR|NF)|"((?:[^"\\]|\\.)*)")/y;
    let at = 0;
    while (at < item.length && item.slice(at).trim() !== '') {
      term.lastIndex = at;
      const t = term.exec(item);
      if (!t) return undefined;
      if (t[1] !== undefined) terms.push({ field: t[1] === 'NF' ? 'NF' : Number(t[1]) });
      else if (t[2] !== undefined) terms.push({ variable: t[2] as 'NR' | 'NF' });
      else terms.push({ text: t[3].replace(/\\([nt"\\])/g, (_, c: string) => (c === 'n' ? '\n' : c === 't' ? '\t' : c)) });
      at = term.lastIndex;
    }
    if (terms.length === 0) return undefined;
    items.push(terms);
  }
  return { condition, items };
}

class AwkFilter extends LineFilter {
  private nr = 0;
  constructor(private readonly program: NonNullable<ReturnType<typeof parseAwk>>, private readonly separator: string | undefined) {
    super();
  }
  protected line(text: string): string {
    this.nr++;
    if (!this.program.condition(this.nr, text)) return '';
    const sep = this.separator;
    const fields = sep === undefined ? text.split(/[ \t\n]+/).filter(Boolean) : sep.length === 1 ? text.split(sep) : text.split(new RegExp(sep));
    const value = (t: Term): string => {
      if ('text' in t) return t.text;
      if ('variable' in t) return String(t.variable === 'NR' ? this.nr : fields.length);
      const n = t.field === 'NF' ? fields.length : t.field;
      return n === 0 ? text : fields[n - 1] ?? '';
    };
    return `${this.program.items.map((terms) => terms.map(value).join('')).join(' ')}\n`;
  }
}

export const startAwk: FilterStart = (_env, argv) => {
  const args = argv.slice(1);
  let separator: string | undefined;
  if (args[0]?.startsWith('-F')) {
    const value = args[0] === '-F' ? args.splice(0, 2)[1] : args.shift()!.slice(2);
    if (value === undefined) return fail(AWK_REFUSAL, 2);
    separator = value === ' ' ? undefined : value === '\\t' || value === 't' ? '\t' : value;
  }
  if (args.length === 0) return fail(AWK_REFUSAL, 2);
  if (args.length > 1) return fail('awk: reading files is not simulated in the playground: pipe into awk\n', 2);
  const program = parseAwk(args[0]);
  if (!program) return fail(AWK_REFUSAL, 2);
  return reading(new AwkFilter(program, separator));
};
