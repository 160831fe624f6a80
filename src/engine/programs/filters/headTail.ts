// head and tail, as GNU coreutils prints them: -n N / -N lines (head -n -N: all but the last N;
// tail -n +N: from line N on), -c N bytes, and a `==> FILE <==` header before each of several
// files. Sources: coreutils src/head.c, src/tail.c (write_header, the usage errors).

import { fail } from '../../exec';
import type { FilterStart, ProgramEnv, StreamFilter } from '../types';
import { eachFile, feedAll, inputFiles, LineFilter, reading } from './lineFilter';
import { utf8Length } from '../../core/utf8';
import { parseOptions, tryHelp } from './options';

type Count = { unit: 'lines' | 'bytes'; n: number; /** head -n -N: all but the last N; tail -n +N: from the Nth on. */ signed: boolean };

/** The longest start of text that fits in `bytes` bytes of UTF-8. */
function takeBytes(text: string, bytes: number): string {
  let n = 0;
  let i = 0;
  while (i < text.length) {
    const cp = text.codePointAt(i)!;
    const size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    if (n + size > bytes) break;
    n += size;
    i += cp >= 0x10000 ? 2 : 1;
  }
  return text.slice(0, i);
}

class HeadLines extends LineFilter {
  private seen = 0;
  constructor(private readonly n: number) {
    super();
    if (n === 0) this.closed = true;
  }
  protected line(text: string, terminated: boolean): string {
    if (++this.seen >= this.n) this.closed = true;
    return terminated ? `${text}\n` : text;
  }
}

/** head -n -N, tail -n N: keeps the last N lines back. */
class LastLines extends LineFilter {
  private kept: string[] = [];
  constructor(private readonly n: number, private readonly emit: 'older' | 'last') {
    super();
  }
  protected line(text: string, terminated: boolean): string {
    this.kept.push(terminated ? `${text}\n` : text);
    if (this.kept.length <= this.n) return '';
    const older = this.kept.shift()!;
    return this.emit === 'older' ? older : '';
  }
  protected override finish(): string {
    return this.emit === 'last' ? this.kept.join('') : '';
  }
}

/** tail -n +N: from line N on. */
class FromLine extends LineFilter {
  private seen = 0;
  constructor(private readonly from: number) {
    super();
  }
  protected line(text: string, terminated: boolean): string {
    return ++this.seen >= this.from ? (terminated ? `${text}\n` : text) : '';
  }
}

/** -c: bytes; head streams its first N, the other forms wait for the end. */
class Bytes implements StreamFilter {
  private taken = 0;
  private all = '';
  closed = false;
  exitCode = 0;
  constructor(private readonly tool: 'head' | 'tail', private readonly count: Count) {
    if (tool === 'head' && !count.signed && count.n === 0) this.closed = true;
  }
  write(text: string): string {
    if (this.closed) return '';
    if (this.tool === 'head' && !this.count.signed) {
      const out = takeBytes(text, this.count.n - this.taken);
      this.taken += utf8Length(out);
      if (this.taken >= this.count.n) this.closed = true;
      return out;
    }
    this.all += text;
    return '';
  }
  end(): string {
    if (this.closed) return '';
    this.closed = true;
    const total = utf8Length(this.all);
    const { n, signed } = this.count;
    if (this.tool === 'head') return takeBytes(this.all, Math.max(0, total - n));
    const skip = signed ? Math.max(0, n - 1) : Math.max(0, total - n);
    return this.all.slice(takeBytes(this.all, skip).length);
  }
}

function makeFilter(tool: 'head' | 'tail', count: Count): StreamFilter {
  if (count.unit === 'bytes') return new Bytes(tool, count);
  if (tool === 'head') return count.signed ? new LastLines(count.n, 'older') : new HeadLines(count.n);
  return count.signed ? new FromLine(count.n) : new LastLines(count.n, 'last');
}

function startHeadTail(tool: 'head' | 'tail', env: ProgramEnv, argv: string[]): ReturnType<FilterStart> {
  // The obsolete `-N` (head -5, tail -20) is -n N.
  const args = argv.slice(1).map((a, i, all) => (/^-\d+$/.test(a) && !/^(-[nc]|--lines|--bytes)$/.test(all[i - 1] ?? '') ? `-n${a.slice(1)}` : a));
  const parsed = parseOptions(tool, args, {
    flags: tool === 'head' ? 'qvz' : 'qvzfF',
    withArgument: 'nc',
    long: {
      lines: { key: 'n', argument: true }, bytes: { key: 'c', argument: true }, quiet: { key: 'q', argument: false },
      silent: { key: 'q', argument: false }, verbose: { key: 'v', argument: false }, follow: { key: 'f', argument: 'optional' },
    },
  });
  if ('error' in parsed) return fail(`${parsed.error}\n${tryHelp(tool)}`, 1);
  let count: Count = { unit: 'lines', n: 10, signed: false };
  for (const [key, value] of parsed.options) {
    if (key !== 'n' && key !== 'c') continue;
    const m = /^([+-]?)(\d+)$/.exec(value ?? '');
    if (!m) return fail(`${tool}: invalid number of ${key === 'n' ? 'lines' : 'bytes'}: ‘${value}’\n`, 1);
    count = { unit: key === 'n' ? 'lines' : 'bytes', n: Number(m[2]), signed: tool === 'head' ? m[1] === '-' : m[1] === '+' };
  }
  if (parsed.options.some(([k]) => k === 'z')) return fail(`${tool}: option -z is not simulated in the playground\n`, 1);
  const files = inputFiles(env, parsed.operands);
  if (!files) return reading(makeFilter(tool, count));
  // tail -f on a file would follow it for ever; on a pipe GNU tail ignores it.
  if (parsed.options.some(([k]) => k === 'f' || k === 'F')) return fail(`tail: following a file (-f) is not simulated in the playground\n`, 1);
  const headers = parsed.options.some(([k]) => k === 'v') || (files.length > 1 && !parsed.options.some(([k]) => k === 'q'));
  let printed = 0;
  return eachFile(
    tool,
    files,
    (text, name) => (headers ? `${printed++ ? '\n' : ''}==> ${name} <==\n` : '') + feedAll(makeFilter(tool, count), text),
    (name) => `${tool}: cannot open '${name}' for reading: No such file or directory\n`,
  );
}

export const startHead: FilterStart = (env, argv) => startHeadTail('head', env, argv);
export const startTail: FilterStart = (env, argv) => startHeadTail('tail', env, argv);
