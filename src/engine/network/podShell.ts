// Running one command inside a container, as the container runtime would: the
// executable must be on the image's PATH (else the runtime refuses to start it),
// the shell utilities answer from the pod's files, and network tools run as
// programs with a pod origin. `sh -c "…"` runs the playground's shell (programs/shell.ts).

import type { Container, Pod } from '../core/types';
import { type ExecResult, fail, ok } from '../exec';
import { podResolvConf, resolvConfText } from '../dns/resolvConf';
import { findProgram } from '../programs';
import { newShellState, runShellLine, type ShellHost } from '../programs/shell';
import type { ProgramEnv } from '../programs/types';
import { advanceSimulatedTime } from '../time';
import { containerEnv, hostsFile, podHostname } from './podFiles';
import { hasProgram, imageTools, type ImageTools } from './podTools';
import { serviceAccountFile } from './serviceAccountFiles';

/** What the runtime did with an exec: started the process (with its result) or found no such executable. */
export type ContainerExec = { started: true; result: ExecResult } | { started: false; executable: string };

type Base = Omit<ProgramEnv, 'origin'>;

interface Proc {
  base: Base;
  pod: Pod;
  container: Container;
  tools: ImageTools;
}

const ROOT_DIRS = 'bin\ndev\netc\nhome\nlib\nproc\nroot\nsys\ntmp\nusr\nvar\n';

function fileText(p: Proc, path: string): string | undefined {
  const { ctx } = p.base;
  switch (path) {
    case '/etc/resolv.conf': return resolvConfText(podResolvConf(ctx, p.pod));
    case '/etc/hosts': return hostsFile(ctx, p.pod);
    case '/etc/hostname': return `${podHostname(p.pod)}\n`;
    default: return serviceAccountFile(ctx, p.pod, p.container, path);
  }
}

function cat(p: Proc, args: string[]): ExecResult {
  let out = '';
  let err = '';
  for (const path of args) {
    const text = fileText(p, path);
    if (text !== undefined) out += text;
    else err += p.tools.shell === 'busybox' ? `cat: can't open '${path}': No such file or directory\n` : `cat: ${path}: No such file or directory\n`;
  }
  return { stdout: out, stderr: err, exitCode: err ? 1 : 0 };
}

/** Runs argv whose program is known to be on PATH. */
function runProgram(p: Proc, argv: string[]): ExecResult {
  const name = argv[0].slice(argv[0].lastIndexOf('/') + 1);
  const args = argv.slice(1);
  switch (name) {
    case 'cat': return cat(p, args);
    case 'env':
    case 'printenv': {
      const env = containerEnv(p.base.ctx, p.pod, p.container, p.tools);
      if (name === 'printenv' && args.length) {
        const found = args.map((a) => env.find(([k]) => k === a)).filter((e) => e !== undefined);
        return { stdout: found.map(([, v]) => `${v}\n`).join(''), stderr: '', exitCode: found.length === args.length ? 0 : 1 };
      }
      return ok(env.map(([k, v]) => `${k}=${v}\n`).join(''));
    }
    case 'hostname': return ok(`${podHostname(p.pod)}\n`);
    case 'echo': return ok(`${args.join(' ')}\n`);
    case 'true': return ok();
    case 'false': return fail('', 1);
    case 'ls': return args.length === 0 || args[0] === '/' ? ok(ROOT_DIRS) : args[0] === '/etc' ? ok('hostname\nhosts\nresolv.conf\n') : fail(`ls: ${args[0]}: No such file or directory\n`, 1);
    case 'sh':
    case 'bash':
      if (args[0] === '-c' && args.length >= 2) return shellC(p, name, args[1]);
      // An interactive shell without a terminal reads stdin; nothing to run.
      return ok();
    default: {
      const program = findProgram(name);
      if (!program) return fail(`${name}: this tool is not simulated in the playground\n`, 127);
      const origin = { kind: 'pod' as const, namespace: p.pod.metadata.namespace ?? 'default', name: p.pod.metadata.name!, container: p.container.name };
      return program({ ...p.base, origin }, [name, ...args]);
    }
  }
}

/** The shell's own "not found" line: busybox ash, dash and bash word it differently. */
function notFound(p: Proc, shell: string, cmd: string): string {
  if (shell === 'bash') return `bash: line 1: ${cmd}: command not found\n`;
  if (p.tools.shell === 'dash') return `sh: 1: ${cmd}: not found\n`;
  if (p.tools.shell === 'bash') return `sh: line 1: ${cmd}: command not found\n`;
  return `sh: ${cmd}: not found\n`;
}

/**
 * A bash syntax error (programs/shellSyntax.ts) as this shell words it: bash -c names the
 * line; dash says `Syntax error: "done" unexpected`; busybox ash `syntax error: unexpected
 * "done"`. The playground's refusals keep their text under the shell's name.
 * Sources: bash's parse.y (with -c: "-c: line 1:"), dash's parser.c synexpect/synerror,
 * busybox's shell/ash.c raise_error_unexpected_syntax.
 */
function syntaxErrorOf(p: Proc, shell: string, script: string, bash: ExecResult): ExecResult {
  const text = bash.stderr.replace(/^bash: /, '').replace(/\n$/, '');
  const near = /^syntax error near unexpected token `(.*)'$/.exec(text)?.[1];
  const eof = text === 'syntax error: unexpected end of file';
  const unterminated = text.startsWith('unexpected EOF while looking for matching');
  if (!near && !eof && !unterminated) return fail(`${shell}: ${text}\n`, bash.exitCode);
  if (shell === 'bash' || p.tools.shell === 'bash') {
    return fail(`${shell}: -c: line 1: ${text}\n${near ? `${shell}: -c: line 1: \`${script}'\n` : ''}`, 2);
  }
  const token = near === undefined ? undefined : near === 'newline' ? 'newline' : `"${near}"`;
  if (p.tools.shell === 'dash') return fail(`sh: 1: Syntax error: ${unterminated ? 'Unterminated quoted string' : `${token ?? 'end of file'} unexpected`}\n`, 2);
  return fail(`sh: syntax error: ${unterminated ? 'unterminated quoted string' : `unexpected ${token ?? 'end of file'}`}\n`, 2);
}

/** What starts the shell's own error lines (as notFound words them). */
function errorPrefix(p: Proc, shell: string): string {
  if (shell === 'bash') return 'bash: line 1';
  if (p.tools.shell === 'dash') return 'sh: 1';
  if (p.tools.shell === 'bash') return 'sh: line 1';
  return 'sh';
}

/**
 * `sh -c SCRIPT`: the playground's shell (programs/shell.ts) with this container's programs
 * and environment: lists, `$VAR` and `$(…)`, for loops (`for i in 1 2 3; do wget -qO- web;
 * done`). Pipes and redirections stay refused: the container's programs read no stdin here.
 */
function shellC(p: Proc, shell: string, script: string): ExecResult {
  if (/[|<>]/.test(script.replace(/\|\|/g, ''))) {
    return fail(`${shell}: pipes and redirections are not supported in a container's shell in the playground: pipe kubectl exec's output in your terminal instead (kubectl exec POD -- CMD | grep …)\n`, 2);
  }
  const state = newShellState();
  for (const [name, value] of containerEnv(p.base.ctx, p.pod, p.container, p.tools)) {
    state.variables.set(name, value);
    state.exported.add(name);
  }
  const host: ShellHost = {
    runCommand: (argv) => (hasProgram(p.tools, argv[0]) ? runProgram(p, argv) : { stdout: '', stderr: notFound(p, shell, argv[0]), exitCode: 127 }),
    isFilter: () => false,
    startFilter: () => ({ stdout: '', stderr: '', exitCode: 0 }),
    advance: (ms) => advanceSimulatedTime(p.base.ctx, ms),
    errorPrefix: errorPrefix(p, shell),
    syntaxError: (bash) => syntaxErrorOf(p, shell, script, bash),
  };
  return runShellLine(script, state, undefined, host, () => {}, false);
}

/** Starts argv in the pod's container. The caller checks that the container is running. */
export function execInContainer(base: Base, pod: Pod, container: Container, argv: string[]): ContainerExec {
  const tools = imageTools(container.image);
  if (argv.length === 0 || !hasProgram(tools, argv[0])) return { started: false, executable: argv[0] ?? '' };
  return { started: true, result: runProgram({ base, pod, container, tools }, argv) };
}
