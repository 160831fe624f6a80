// grep PATTERNS [FILE]…, as GNU grep 3 prints and exits: the selected lines (prefixed with
// FILE: for several files and N: with -n), only the matches with -o, counts with -c, nothing
// with -q; exit 0 when a line was selected, 1 when none, 2 on an error (unless -q selected one).
// -A/-B/-C NUM add context lines, marked `N-` (`FILE-`) where selected lines have `N:`, and
// a `--` line between groups that are not adjacent (the tutorials' `grep nodePort -C 5`).
// Source: GNU grep's src/grep.c (usage, the exit status paragraph of grep --help; prtext,
// prline's SEP_CHAR_SELECTED/SEP_CHAR_REJECTED, group_separator, context_length_arg).

import { fail } from '../../exec';
import type { FilterStart, ProgramEnv } from '../types';
import { feedAll, inputFiles, LineFilter, reading } from './lineFilter';
import { parseOptions, type OptionSpec } from './options';
import { translateRegex } from './posixRegex';

const USAGE = "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n";

/** Real grep options the playground does not simulate: named in a refusal rather than called unknown. */
const NOT_SIMULATED = 'rRlLPzZabTUdDf';

const SPEC: OptionSpec = {
  flags: 'ivcnwxEFGoqshHy' + 'rRlLPzZabTU',
  withArgument: 'em' + 'ABCdDf',
  long: {
    'ignore-case': { key: 'i', argument: false }, 'invert-match': { key: 'v', argument: false },
    count: { key: 'c', argument: false }, 'line-number': { key: 'n', argument: false },
    'word-regexp': { key: 'w', argument: false }, 'line-regexp': { key: 'x', argument: false },
    'extended-regexp': { key: 'E', argument: false }, 'fixed-strings': { key: 'F', argument: false },
    'basic-regexp': { key: 'G', argument: false }, 'only-matching': { key: 'o', argument: false },
    quiet: { key: 'q', argument: false }, silent: { key: 'q', argument: false },
    'no-messages': { key: 's', argument: false }, 'no-filename': { key: 'h', argument: false },
    'with-filename': { key: 'H', argument: false }, regexp: { key: 'e', argument: true },
    'max-count': { key: 'm', argument: true },
    'after-context': { key: 'A', argument: true }, 'before-context': { key: 'B', argument: true },
    context: { key: 'C', argument: true }, color: { key: 'color', argument: 'optional' },
    colour: { key: 'color', argument: 'optional' },
  },
};

interface GrepOptions {
  regex: RegExp;
  invert: boolean;
  count: boolean;
  lineNumbers: boolean;
  onlyMatching: boolean;
  quiet: boolean;
  maxCount: number;
  /** `FILE` before each line, when several files are searched (or -H); then `:` or `-`. */
  prefix: string;
  /** -A and -B; undefined without any context option (no `--` separators then). */
  context?: { after: number; before: number };
}

class GrepFilter extends LineFilter {
  private lineNumber = 0;
  selected = 0;
  /** Context: the last unprinted lines (for -B), the after-context still owed (-A), the last line printed. */
  private held: [number, string][] = [];
  private afterLeft = 0;
  private lastPrinted = 0;
  private stopping = false;

  constructor(private readonly o: GrepOptions) {
    super();
    this.exitCode = 1;
    if (o.maxCount === 0) this.closed = true;
  }

  /** One output line: `FILE:N:text` when selected, `FILE-N-text` as context; `--` before a new group. */
  private printed(n: number, text: string, sep: ':' | '-'): string {
    const gap = this.o.context && this.lastPrinted > 0 && n > this.lastPrinted + 1 ? '--\n' : '';
    this.lastPrinted = n;
    const file = this.o.prefix ? `${this.o.prefix}${sep}` : '';
    return `${gap}${file}${this.o.lineNumbers ? `${n}${sep}` : ''}${text}\n`;
  }

  protected line(text: string): string {
    this.lineNumber++;
    const { regex, invert } = this.o;
    const context = this.o.context && !this.o.quiet && !this.o.count && !this.o.onlyMatching ? this.o.context : undefined;
    regex.lastIndex = 0;
    const isSelected = !this.stopping && regex.test(text) !== invert;
    if (!isSelected) {
      if (!context) return '';
      if (this.afterLeft > 0) {
        this.afterLeft--;
        if (this.stopping && this.afterLeft === 0) this.closed = true;
        return this.printed(this.lineNumber, text, '-');
      }
      this.held.push([this.lineNumber, text]);
      if (this.held.length > context.before) this.held.shift();
      return '';
    }
    this.selected++;
    this.exitCode = 0;
    if (context) {
      const before = this.held.map(([n, t]) => this.printed(n, t, '-')).join('');
      this.held = [];
      this.afterLeft = context.after;
      if (this.selected >= this.o.maxCount) {
        // -m: grep stops selecting but still prints the trailing context.
        this.stopping = true;
        if (this.afterLeft === 0) this.closed = true;
      }
      return before + this.printed(this.lineNumber, text, ':');
    }
    if (this.o.quiet || this.selected >= this.o.maxCount) this.closed = true;
    if (this.o.quiet) return '';
    // -c counts; when -m stops the reading, the count is printed then.
    if (this.o.count) return this.closed ? this.countLine() : '';
    const lead = `${this.o.prefix ? `${this.o.prefix}:` : ''}${this.o.lineNumbers ? `${this.lineNumber}:` : ''}`;
    if (!this.o.onlyMatching) return `${lead}${text}\n`;
    if (invert) return '';
    let out = '';
    regex.lastIndex = 0;
    for (let m = regex.exec(text); m; m = regex.exec(text)) {
      if (m[0] === '') regex.lastIndex++;
      else out += `${lead}${m[0]}\n`;
    }
    return out;
  }

  protected override finish(): string {
    return this.o.count && !this.o.quiet ? this.countLine() : '';
  }

  private countLine(): string {
    return `${this.o.prefix ? `${this.o.prefix}:` : ''}${this.selected}\n`;
  }
}

function escapeLiteral(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

export const startGrep: FilterStart = (env: ProgramEnv, argv: string[]) => {
  const parsed = parseOptions('grep', argv.slice(1), SPEC);
  if ('error' in parsed) return fail(`${parsed.error}\n${USAGE}`, 2);
  const has = (k: string) => parsed.options.some(([key]) => key === k);
  const refused = parsed.options.find(([key]) => NOT_SIMULATED.includes(key));
  if (refused) return fail(`grep: option -${refused[0]} is not simulated in the playground\n`, 2);
  const operands = [...parsed.operands];
  const patterns = parsed.options.filter(([k]) => k === 'e').map(([, v]) => v ?? '');
  if (patterns.length === 0) {
    if (operands.length === 0) return fail(USAGE, 2);
    patterns.push(operands.shift()!);
  }
  const lastOf = (...keys: string[]) => parsed.options.reduce<string | undefined>((found, [k]) => (keys.includes(k) ? k : found), undefined);
  const syntax = lastOf('E', 'F', 'G') ?? 'G';
  let warning = '';
  const sources: string[] = [];
  for (const pattern of patterns.flatMap((p) => p.split('\n'))) {
    if (syntax === 'F') { sources.push(escapeLiteral(pattern)); continue; }
    const t = translateRegex(pattern, syntax === 'E');
    if ('error' in t) return fail(`grep: ${t.error}\n`, 2);
    warning += t.warning ?? '';
    sources.push(t.source);
  }
  let source = sources.length === 1 ? sources[0] : sources.map((s) => `(?:${s})`).join('|');
  if (has('x')) source = `^(?:${source})$`;
  else if (has('w')) source = `(?<!\\w)(?:${source})(?!\\w)`;
  const maxArg = parsed.options.filter(([k]) => k === 'm').at(-1)?.[1];
  if (maxArg !== undefined && !/^-?\d+$/.test(maxArg)) return fail(`grep: invalid max count\n`, 2);
  // context_length_arg: -A and -B win over -C whatever their order (out_after/out_before default to -C's).
  const sides: Partial<Record<'A' | 'B' | 'C', number>> = {};
  for (const [key, value] of parsed.options) {
    if (key !== 'A' && key !== 'B' && key !== 'C') continue;
    if (!/^\d+$/.test(value ?? '')) return fail(`grep: ${value ?? ''}: invalid context length argument\n`, 2);
    sides[key] = Number(value);
  }
  const context = Object.keys(sides).length ? { after: sides.A ?? sides.C ?? 0, before: sides.B ?? sides.C ?? 0 } : undefined;
  const files = inputFiles(env, operands);
  const options = (prefix: string): GrepOptions => ({
    regex: new RegExp(source, `g${has('i') || has('y') ? 'i' : ''}`),
    invert: has('v'), count: has('c'), lineNumbers: has('n'), onlyMatching: has('o'), quiet: has('q'),
    maxCount: maxArg === undefined || Number(maxArg) < 0 ? Infinity : Number(maxArg), prefix, context,
  });
  if (!files) {
    const filter = new GrepFilter(options(has('H') ? '(standard input)' : ''));
    return warning ? { ...reading(filter), stderr: warning } : reading(filter);
  }
  const named = (files.length > 1 || has('H')) && !has('h');
  let stdout = '';
  let stderr = warning;
  let selected = false;
  let failed = false;
  for (const file of files) {
    if (file.text === undefined) {
      failed = true;
      if (!has('s')) stderr += `grep: ${file.name}: No such file or directory\n`;
      continue;
    }
    const filter = new GrepFilter(options(named ? file.name : ''));
    stdout += feedAll(filter, file.text);
    if (filter.exitCode === 0) selected = true;
    if (selected && has('q')) break;
  }
  return { stdout, stderr, exitCode: failed && !(selected && has('q')) ? 2 : selected ? 0 : 1 };
};
