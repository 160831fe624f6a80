// sort and uniq as GNU coreutils runs them, in the C locale (byte order; a person's
// en_US.UTF-8 locale would collate differently). sort: -r -n -u -f -b, -k N[,M] with per-key
// flags, -t SEP; equal keys fall back to comparing whole lines, as sort does without -s.
// uniq: adjacent duplicates, -c as "%7d ", -d, -u, -i. Sources: coreutils src/sort.c
// (key fields begin with the blanks before them unless -b; keycompare, compare), src/uniq.c.

import { fail, ok } from '../../exec';
import type { FilterStart, ProgramEnv } from '../types';
import { feedAll, inputFiles, LineFilter, reading } from './lineFilter';
import { parseOptions, tryHelp } from './options';

interface Key {
  startField: number;
  /** Last field of the key, 0: to the end of the line. */
  endField: number;
  numeric: boolean;
  reverse: boolean;
  fold: boolean;
  blanks: boolean;
}

const isBlank = (c: string | undefined) => c === ' ' || c === '\t';

/** The text of one key in a line: fields counted as sort counts them. */
function keyText(line: string, key: Key, separator: string | undefined): string {
  const fieldStart = (n: number): number => {
    let i = 0;
    for (let f = 1; f < n; f++) {
      if (separator !== undefined) {
        const next = line.indexOf(separator, i);
        if (next < 0) return line.length;
        i = next + 1;
      } else {
        while (isBlank(line[i])) i++;
        while (i < line.length && !isBlank(line[i])) i++;
      }
    }
    return i;
  };
  let start = fieldStart(key.startField);
  if (key.blanks) while (isBlank(line[start])) start++;
  let end = line.length;
  if (key.endField > 0) {
    end = fieldStart(key.endField);
    if (separator !== undefined) {
      const next = line.indexOf(separator, end);
      end = next < 0 ? line.length : next;
    } else {
      while (isBlank(line[end])) end++;
      while (end < line.length && !isBlank(line[end])) end++;
    }
  }
  return start < end ? line.slice(start, end) : '';
}

/** sort -n: the leading number (blanks, a sign, digits, a decimal point); none is 0. */
function leadingNumber(text: string): number {
  const m = /^[ \t]*(-?(?:\d+\.?\d*|\.\d+))/.exec(text);
  return m ? Number(m[1]) : 0;
}

const byteOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function compareKeys(a: string, b: string, keys: Key[], separator: string | undefined): number {
  for (const key of keys) {
    let ka = keyText(a, key, separator);
    let kb = keyText(b, key, separator);
    if (key.fold) { ka = ka.toUpperCase(); kb = kb.toUpperCase(); }
    const c = key.numeric ? Math.sign(leadingNumber(ka) - leadingNumber(kb)) : byteOrder(ka, kb);
    if (c !== 0) return key.reverse ? -c : c;
  }
  return 0;
}

class SortFilter extends LineFilter {
  private lines: string[] = [];
  constructor(private readonly keys: Key[], private readonly separator: string | undefined, private readonly unique: boolean, private readonly reverse: boolean) {
    super();
  }
  protected line(text: string): string {
    this.lines.push(text);
    return '';
  }
  protected override finish(): string {
    const { keys, separator, unique, reverse } = this;
    const sorted = this.lines.sort((a, b) => {
      const c = compareKeys(a, b, keys, separator);
      if (c !== 0 || unique) return c;
      const last = byteOrder(a, b);
      return reverse ? -last : last;
    });
    const out = unique ? sorted.filter((l, i) => i === 0 || compareKeys(sorted[i - 1], l, keys, separator) !== 0) : sorted;
    return out.map((l) => `${l}\n`).join('');
  }
}

const SORT_NOT_SIMULATED = 'hVMgRcCmozTS';

export const startSort: FilterStart = (env: ProgramEnv, argv: string[]) => {
  const parsed = parseOptions('sort', argv.slice(1), {
    flags: 'rnufbs' + SORT_NOT_SIMULATED.replace(/[oTS]/g, ''),
    withArgument: 'kt' + 'oTS',
    long: {
      reverse: { key: 'r', argument: false }, 'numeric-sort': { key: 'n', argument: false }, unique: { key: 'u', argument: false },
      'ignore-case': { key: 'f', argument: false }, 'ignore-leading-blanks': { key: 'b', argument: false }, stable: { key: 's', argument: false },
      key: { key: 'k', argument: true }, 'field-separator': { key: 't', argument: true },
    },
  });
  if ('error' in parsed) return fail(`${parsed.error}\n${tryHelp('sort')}`, 2);
  const has = (k: string) => parsed.options.some(([key]) => key === k);
  const refused = parsed.options.find(([k]) => SORT_NOT_SIMULATED.includes(k));
  if (refused) return fail(`sort: option -${refused[0]} is not simulated in the playground\n`, 2);
  const separator = parsed.options.filter(([k]) => k === 't').at(-1)?.[1];
  if (separator !== undefined && [...separator].length !== 1) return fail(`sort: multi-character tab ‘${separator}’\n`, 2);
  const global = { numeric: has('n'), reverse: has('r'), fold: has('f'), blanks: has('b') };
  const keys: Key[] = [];
  for (const [k, spec] of parsed.options) {
    if (k !== 'k') continue;
    const m = /^(\d+)([bfnr]*)(?:,(\d+)([bfnr]*))?$/.exec(spec ?? '');
    if (!m) {
      if (/^\d+\./.test(spec ?? '') || /,\d+\./.test(spec ?? '')) return fail('sort: character positions in -k (N.C) are not simulated in the playground\n', 2);
      return fail(`sort: invalid number at field start: invalid count at start of ‘${spec}’\n`, 2);
    }
    if (m[1] === '0' || m[3] === '0') return fail(`sort: field number is zero: invalid field specification ‘${spec}’\n`, 2);
    const flags = m[2] + (m[4] ?? '');
    const own = flags !== '';
    keys.push({
      startField: Number(m[1]), endField: m[3] ? Number(m[3]) : 0,
      numeric: own ? flags.includes('n') : global.numeric, reverse: own ? flags.includes('r') : global.reverse,
      fold: own ? flags.includes('f') : global.fold, blanks: own ? flags.includes('b') : global.blanks,
    });
  }
  if (keys.length === 0) keys.push({ startField: 1, endField: 0, ...global });
  const filter = new SortFilter(keys, separator, has('u'), global.reverse);
  const files = inputFiles(env, parsed.operands);
  if (!files) return reading(filter);
  const missing = files.find((f) => f.text === undefined);
  if (missing) return fail(`sort: cannot read: ${missing.name}: No such file or directory\n`, 2);
  // sort reads every file as one input.
  return ok(feedAll(filter, files.map((f) => (f.text!.endsWith('\n') || f.text === '' ? f.text! : `${f.text}\n`)).join('')));
};

class UniqFilter extends LineFilter {
  private current: string | undefined;
  private repeats = 0;
  constructor(private readonly o: { count: boolean; repeated: boolean; unique: boolean; fold: boolean }) {
    super();
  }
  private flush(): string {
    if (this.current === undefined) return '';
    const { count, repeated, unique } = this.o;
    if ((repeated && this.repeats < 2) || (unique && this.repeats > 1)) return '';
    return `${count ? `${String(this.repeats).padStart(7)} ` : ''}${this.current}\n`;
  }
  protected line(text: string): string {
    const same = this.current !== undefined && (this.o.fold ? this.current.toLowerCase() === text.toLowerCase() : this.current === text);
    if (same) {
      this.repeats++;
      return '';
    }
    const out = this.flush();
    this.current = text;
    this.repeats = 1;
    return out;
  }
  protected override finish(): string {
    return this.flush();
  }
}

export const startUniq: FilterStart = (env, argv) => {
  const parsed = parseOptions('uniq', argv.slice(1), {
    flags: 'cdui' + 'zD',
    withArgument: 'fsw',
    long: { count: { key: 'c', argument: false }, repeated: { key: 'd', argument: false }, unique: { key: 'u', argument: false }, 'ignore-case': { key: 'i', argument: false } },
  });
  if ('error' in parsed) return fail(`${parsed.error}\n${tryHelp('uniq')}`, 1);
  const refused = parsed.options.find(([k]) => 'zDfsw'.includes(k));
  if (refused) return fail(`uniq: option -${refused[0]} is not simulated in the playground\n`, 1);
  if (parsed.operands.length > 2) return fail(`uniq: extra operand ‘${parsed.operands[2]}’\n${tryHelp('uniq')}`, 1);
  if (parsed.operands.length === 2) return fail('uniq: writing to an OUTPUT file is not simulated in the playground\n', 1);
  const has = (k: string) => parsed.options.some(([key]) => key === k);
  const filter = new UniqFilter({ count: has('c'), repeated: has('d'), unique: has('u'), fold: has('i') });
  const files = inputFiles(env, parsed.operands);
  if (!files) return reading(filter);
  const [file] = files;
  if (file.text === undefined) return fail(`uniq: ${file.name}: No such file or directory\n`, 1);
  return ok(feedAll(filter, file.text));
};
