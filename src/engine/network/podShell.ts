// Running one command inside a container, as the container runtime would: the
// executable must be on the image's PATH (else the runtime refuses to start it),
// the shell utilities answer from the pod's files, and network tools run as
// programs with a pod origin. `sh -c "…"` runs simple commands joined by ;, &&, ||.

import type { Container, Pod } from '../core/types';
import { type ExecResult, fail, ok, splitCommandLine } from '../exec';
import { podResolvConf, resolvConfText } from '../dns/resolvConf';
import { findProgram } from '../programs';
import type { ProgramEnv } from '../programs/types';
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

function shellC(p: Proc, shell: string, script: string): ExecResult {
  if (/[|<>`$(]/.test(script.replace(/\|\|/g, ''))) {
    return fail(`${shell}: the playground's shell runs simple commands only (no pipes, redirections or substitutions)\n`, 2);
  }
  const words = splitCommandLine(script);
  if (!Array.isArray(words)) return fail(`${shell}: syntax error: ${words.error}\n`, 2);
  let stdout = '';
  let stderr = '';
  let code = 0;
  let cmd: string[] = [];
  let skip = false;
  const flush = () => {
    if (cmd.length && !skip) {
      const r = hasProgram(p.tools, cmd[0]) ? runProgram(p, cmd) : { stdout: '', stderr: notFound(p, shell, cmd[0]), exitCode: 127 };
      stdout += r.stdout;
      stderr += r.stderr;
      code = r.exitCode;
    }
    cmd = [];
  };
  for (const w of words) {
    if (w === ';' || w === '&&' || w === '||') {
      flush();
      skip = w === '&&' ? code !== 0 : w === '||' ? code === 0 : false;
    } else if (w.endsWith(';') && w.length > 1) {
      cmd.push(w.slice(0, -1));
      flush();
      skip = false;
    } else {
      cmd.push(w);
    }
  }
  flush();
  return { stdout, stderr, exitCode: code };
}

/** Starts argv in the pod's container. The caller checks that the container is running. */
export function execInContainer(base: Base, pod: Pod, container: Container, argv: string[]): ContainerExec {
  const tools = imageTools(container.image);
  if (argv.length === 0 || !hasProgram(tools, argv[0])) return { started: false, executable: argv[0] ?? '' };
  return { started: true, result: runProgram({ base, pod, container, tools }, argv) };
}
