// wc, cat and echo. wc prints GNU coreutils' columns: lines, words, bytes, each right-aligned
// to one width — 1 for a single count of a single input, at least 7 when an input is a pipe,
// else the digits of the files' total size (src/wc.c compute_number_width, get_input_fstatus).
// echo is bash's builtin (builtins/echo.def: -n, -e, -E).

import { type ExecResult, fail } from '../../exec';
import type { FilterStart, ProgramEnv, StreamFilter } from '../types';
import { eachFile, inputFiles, reading } from './lineFilter';
import { utf8Length } from '../../core/utf8';
import { parseOptions, tryHelp } from './options';

interface Counts { lines: number; words: number; chars: number; bytes: number }

function count(text: string): Counts {
  let lines = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
  const words = text.split(/[ \t\n\v\f\r]+/).filter(Boolean).length;
  return { lines, words, chars: [...text].length, bytes: utf8Length(text) };
}

type Column = keyof Counts;

function format(c: Counts, columns: Column[], width: number, name?: string): string {
  return columns.map((k) => String(c[k]).padStart(width)).join(' ') + (name === undefined ? '' : ` ${name}`) + '\n';
}

class WcFilter implements StreamFilter {
  private text = '';
  closed = false;
  exitCode = 0;
  constructor(private readonly columns: Column[]) {}
  write(text: string): string {
    this.text += text;
    return '';
  }
  end(): string {
    this.closed = true;
    return format(count(this.text), this.columns, this.columns.length === 1 ? 1 : 7);
  }
}

export const startWc: FilterStart = (env: ProgramEnv, argv: string[]) => {
  const parsed = parseOptions('wc', argv.slice(1), {
    flags: 'lwcmL',
    withArgument: '',
    long: { lines: { key: 'l', argument: false }, words: { key: 'w', argument: false }, bytes: { key: 'c', argument: false }, chars: { key: 'm', argument: false } },
  });
  if ('error' in parsed) return fail(`${parsed.error}\n${tryHelp('wc')}`, 1);
  if (parsed.options.some(([k]) => k === 'L')) return fail('wc: option -L is not simulated in the playground\n', 1);
  const chosen = new Set(parsed.options.map(([k]) => k));
  const all: [string, Column][] = [['l', 'lines'], ['w', 'words'], ['m', 'chars'], ['c', 'bytes']];
  const columns = chosen.size === 0 ? (['lines', 'words', 'bytes'] as Column[]) : all.filter(([k]) => chosen.has(k)).map(([, c]) => c);
  const files = inputFiles(env, parsed.operands);
  if (!files) return reading(new WcFilter(columns));
  let stderr = '';
  const found: [string, Counts][] = [];
  for (const file of files) {
    if (file.text === undefined) stderr += `wc: ${file.name}: No such file or directory\n`;
    else found.push([file.name, count(file.text)]);
  }
  const total: Counts = { lines: 0, words: 0, chars: 0, bytes: 0 };
  for (const [, c] of found) for (const k of Object.keys(total) as Column[]) total[k] += c[k];
  const width = files.length === 1 && columns.length === 1 ? 1 : String(total.bytes).length;
  let stdout = found.map(([name, c]) => format(c, columns, width, name)).join('');
  if (files.length > 1) stdout += format(total, columns, width, 'total');
  return { stdout, stderr, exitCode: stderr ? 1 : 0 };
};

/** Passes its input through. */
class Pass implements StreamFilter {
  closed = false;
  exitCode = 0;
  write(text: string): string {
    return text;
  }
  end(): string {
    this.closed = true;
    return '';
  }
}

export const startCat: FilterStart = (env, argv) => {
  const parsed = parseOptions('cat', argv.slice(1), { flags: 'AbeEnstTuv', withArgument: '', long: {} });
  if ('error' in parsed) return fail(`${parsed.error}\n${tryHelp('cat')}`, 1);
  if (parsed.options.length) return fail(`cat: option -${parsed.options[0][0]} is not simulated in the playground\n`, 1);
  const files = inputFiles(env, parsed.operands);
  if (!files) return reading(new Pass());
  return eachFile('cat', files, (text) => text);
};

const ECHO_ESCAPES: Record<string, string> = { n: '\n', t: '\t', '\\': '\\', a: '\x07', b: '\b', e: '\x1b', f: '\f', r: '\r', v: '\v' };

/** bash's echo: leading words made only of n, e, E after a dash are options. */
export function echo(_env: ProgramEnv, argv: string[]): ExecResult {
  let newline = true;
  let escapes = false;
  let i = 1;
  for (; i < argv.length && /^-[neE]+$/.test(argv[i]); i++) {
    for (const c of argv[i].slice(1)) {
      if (c === 'n') newline = false;
      else escapes = c === 'e';
    }
  }
  let text = argv.slice(i).join(' ');
  if (escapes) {
    const stop = text.indexOf('\\c');
    if (stop >= 0) { text = text.slice(0, stop); newline = false; }
    text = text.replace(/\\([ntabefrv\\])/g, (_, c: string) => ECHO_ESCAPES[c]);
  }
  return { stdout: newline ? `${text}\n` : text, stderr: '', exitCode: 0 };
}
