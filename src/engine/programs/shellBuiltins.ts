// The commands the playground's shell runs itself: bash's builtins export, unset, true, false,
// `:`, break and continue (outside a loop), and sleep, which moves the cluster's simulated time
// (GNU sleep: NUMBER[smhd] operands, summed). Other bash builtins are refused by name, not
// reported as "command not found": bash has them, the playground does not.
// Source: bash's builtins/export.def (declare -x listing, "not a valid identifier"),
// builtins/set.def (unset), builtins/break.def ("only meaningful in a `for', `while', or
// `until' loop"); coreutils src/sleep.c ("invalid time interval %s", "missing operand").

import { type ExecResult, fail, ok } from '../exec';

interface BuiltinState {
  variables: Map<string, string>;
  exported: Set<string>;
}

interface BuiltinHost {
  advance(ms: number): void;
  /** `bash`, or a container's shell (`sh`, `sh: 1` …). */
  errorPrefix: string;
}

const REFUSED = [
  'alias', 'unalias', 'cd', 'pushd', 'popd', 'dirs', 'source', '.', 'eval', 'exec', 'exit', 'logout', 'read', 'readarray',
  'mapfile', 'set', 'shopt', 'shift', 'trap', 'declare', 'typeset', 'local', 'readonly', 'let', 'return', 'test', '[',
  'printf', 'type', 'hash', 'command', 'builtin', 'getopts', 'wait', 'ulimit', 'umask', 'history', 'fc', 'disown', 'bind',
];

export const SHELL_BUILTINS = new Set(['export', 'unset', 'true', 'false', ':', 'break', 'continue', 'sleep', ...REFUSED]);

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Runs a builtin of SHELL_BUILTINS with its argv expanded. */
export function runBuiltin(argv: string[], state: BuiltinState, host: BuiltinHost): ExecResult {
  const [name, ...args] = argv;
  const result = builtin(name, args, state, host);
  return host.errorPrefix === 'bash' ? result : { ...result, stderr: result.stderr.replace(/^bash:/gm, `${host.errorPrefix}:`) };
}

function builtin(name: string, args: string[], state: BuiltinState, host: BuiltinHost): ExecResult {
  switch (name) {
    case 'true':
    case ':':
      return ok();
    case 'false':
      return fail('', 1);
    case 'export':
      return exportBuiltin(args, state);
    case 'unset':
      return unset(args, state);
    case 'break':
    case 'continue':
      // Reached only outside a loop (shell.ts unwinds the loop otherwise).
      return fail(`bash: ${name}: only meaningful in a \`for', \`while', or \`until' loop\n`, 0);
    case 'sleep':
      return sleep(args, host);
    default:
      return fail(`bash: ${name}: this shell builtin is not supported in the playground's shell\n`, 2);
  }
}

/** `declare -x NAME="value"`, as export -p prints a variable (export.def, show_var_attributes). */
function declaration(name: string, value: string | undefined): string {
  if (value === undefined) return `declare -x ${name}\n`;
  return `declare -x ${name}="${value.replace(/["\\$`]/g, '\\$&')}"\n`;
}

function exportBuiltin(args: string[], state: BuiltinState): ExecResult {
  let unexport = false;
  let i = 0;
  for (; i < args.length && args[i].startsWith('-') && args[i] !== '-'; i++) {
    if (args[i] === '--') { i++; break; }
    for (const option of args[i].slice(1)) {
      if (option === 'n') unexport = true;
      else if (option !== 'p' && option !== 'f') {
        return fail(`bash: export: -${option}: invalid option\nexport: usage: export [-fn] [name[=value] ...] or export -p\n`, 2);
      }
    }
  }
  const names = args.slice(i);
  if (names.length === 0) {
    const listed = [...state.exported].sort().map((n) => declaration(n, state.variables.get(n)));
    return ok(listed.join(''));
  }
  let stderr = '';
  for (const arg of names) {
    const eq = arg.indexOf('=');
    const name = eq < 0 ? arg : arg.slice(0, eq);
    if (!IDENTIFIER.test(name)) {
      stderr += `bash: export: \`${arg}': not a valid identifier\n`;
      continue;
    }
    if (eq >= 0) state.variables.set(name, arg.slice(eq + 1));
    if (unexport) state.exported.delete(name);
    else state.exported.add(name);
  }
  return stderr ? fail(stderr, 1) : ok();
}

function unset(args: string[], state: BuiltinState): ExecResult {
  let stderr = '';
  for (const arg of args) {
    if (arg === '-v' || arg === '-f' || arg === '-n') continue;
    if (!IDENTIFIER.test(arg)) {
      stderr += `bash: unset: \`${arg}': not a valid identifier\n`;
      continue;
    }
    state.variables.delete(arg);
    state.exported.delete(arg);
  }
  return stderr ? fail(stderr, 1) : ok();
}

const SLEEP_UNITS: Record<string, number> = { '': 1, s: 1, m: 60, h: 3600, d: 86400 };

function sleep(args: string[], host: BuiltinHost): ExecResult {
  const tryHelp = "Try 'sleep --help' for more information.\n";
  if (args.length === 0) return fail(`sleep: missing operand\n${tryHelp}`, 1);
  let seconds = 0;
  for (const arg of args) {
    const m = /^(\d+\.?\d*|\.\d+)([smhd]?)$/.exec(arg);
    if (!m) return fail(`sleep: invalid time interval '${arg}'\n${tryHelp}`, 1);
    seconds += Number(m[1]) * SLEEP_UNITS[m[2]];
  }
  host.advance(Math.round(seconds * 1000));
  return ok();
}
