// GNU coreutils seq, as loops in tutorials use it (`for i in $(seq 1 10)`): `seq LAST`,
// `seq FIRST LAST`, `seq FIRST INCREMENT LAST`, with -s SEPARATOR and -w (equal width).
// Numbers print with as many decimals as FIRST or INCREMENT have (seq.c's default format).
// Source: coreutils src/seq.c (usage, scan_arg's "invalid floating point argument: %s",
// "invalid Zero increment value: %s", "missing operand", "extra operand %s").

import { type ExecResult, fail, ok } from '../exec';
import type { ProgramEnv } from './types';

/**
 * The playground's own limit (GNU seq has none): the whole output is built in memory in the
 * page, and `seq 1000000000` would freeze the tab or run it out of memory.
 */
export const SEQ_MAX_NUMBERS = 1_000_000;

const tryHelp = (message: string): ExecResult => fail(`seq: ${message}\nTry 'seq --help' for more information.\n`, 1);

const decimals = (text: string) => (text.includes('.') ? text.length - text.indexOf('.') - 1 : 0);

export function seq(_env: ProgramEnv, argv: string[]): ExecResult {
  let separator = '\n';
  let equalWidth = false;
  const operands: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i];
    // A negative number is an operand, not an option (seq.c checks for one first).
    if (arg.startsWith('-') && arg.length > 1 && !/^-\.?\d/.test(arg) && operands.length === 0) {
      if (arg === '-w' || arg === '--equal-width') equalWidth = true;
      else if (arg === '-s' || arg === '--separator') {
        if (i + 1 >= argv.length) return tryHelp("option requires an argument -- 's'");
        separator = argv[++i];
      } else if (arg.startsWith('-s')) separator = arg.slice(2);
      else if (arg.startsWith('--separator=')) separator = arg.slice('--separator='.length);
      else return tryHelp(arg.startsWith('--') ? `unrecognized option '${arg}'` : `invalid option -- '${arg[1]}'`);
    } else operands.push(arg);
  }
  if (operands.length === 0) return tryHelp('missing operand');
  if (operands.length > 3) return tryHelp(`extra operand '${operands[3]}'`);
  const numbers: number[] = [];
  for (const operand of operands) {
    const n = /^[+-]?(\d+\.?\d*|\.\d+)$/.test(operand.trim()) ? Number(operand) : NaN;
    if (Number.isNaN(n)) return tryHelp(`invalid floating point argument: '${operand}'`);
    numbers.push(n);
  }
  const [first, increment, last] = operands.length === 1 ? [1, 1, numbers[0]] : operands.length === 2 ? [numbers[0], 1, numbers[1]] : numbers;
  if (increment === 0) return tryHelp(`invalid Zero increment value: '${operands[1]}'`);
  const precision = Math.max(decimals(operands.length === 1 ? '1' : operands[0]), operands.length === 3 ? decimals(operands[1]) : 0);
  const count = Math.floor((last - first) / increment + 1e-9) + 1;
  if (count > SEQ_MAX_NUMBERS) return fail(`seq: ${count} numbers is more than the playground prints (at most ${SEQ_MAX_NUMBERS})\n`, 1);
  const values: string[] = [];
  // Counted, not summed, so that 0.1 steps do not drift (seq.c multiplies too).
  for (let step = 0; ; step++) {
    const value = first + step * increment;
    if (increment > 0 ? value > last + 1e-9 : value < last - 1e-9) break;
    values.push(value.toFixed(precision));
  }
  if (values.length === 0) return ok();
  if (equalWidth) {
    // A loop, not Math.max(...values): a spread of a million arguments overflows the stack.
    let width = last.toFixed(precision).length;
    for (const v of values) if (v.length > width) width = v.length;
    for (let i = 0; i < values.length; i++) {
      const negative = values[i].startsWith('-');
      const digits = negative ? values[i].slice(1) : values[i];
      values[i] = (negative ? '-' : '') + digits.padStart(width - (negative ? 1 : 0), '0');
    }
  }
  return ok(`${values.join(separator)}\n`);
}
