// kubectl on top of the engine: find the command in the table, parse its
// flags, run it, and render failures as kubectl does (exit code 1).

import { goQuote, isStatusError } from '../engine/core/errors';
import { type ExecResult, withChunks } from '../engine/exec';
import type { Invocation, KubectlCommand, KubectlEnv } from './command';
import { Output } from './command';
import { COMMANDS } from './commands';
import { GLOBAL_FLAGS } from './commonFlags';
import { AggregateError, KubectlError, renderError, usageError } from './errors';
import { FlagError, parseFlags } from './flags';
import { commandHelp, rootHelp, unknownCommandText } from './help';

export type { KubectlEnv } from './command';
export { COMMANDS } from './commands';

const helpCommand: KubectlCommand = {
  name: 'help',
  short: 'Help about any command',
  usage: 'help [command]',
  flags: [],
  run(inv) {
    const target = inv.args[0] ? findCommand(COMMANDS, inv.args[0]) : undefined;
    inv.output.out(target ? commandHelp(target, `kubectl ${target.name}`) : rootHelp(allCommands()));
  },
};

function allCommands(): KubectlCommand[] {
  return [...COMMANDS, helpCommand];
}

function findCommand(commands: KubectlCommand[], word: string): KubectlCommand | undefined {
  return commands.find((c) => c.name === word || c.aliases?.includes(word));
}

const VALUE_GLOBALS = new Set(['-n', '--namespace']);

/** Index of the first word that is not a flag (nor a global flag's value), or -1. */
function firstWord(argv: string[], from = 0): number {
  for (let i = from; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') return -1;
    if (VALUE_GLOBALS.has(a)) { i++; continue; }
    if (!a.startsWith('-') || a === '-') return i;
  }
  return -1;
}

function result(out: Output, exitCode: number): ExecResult {
  return withChunks({ stdout: out.stdout, stderr: out.stderr, exitCode }, out.chunks);
}

export function runKubectl(env: KubectlEnv, argv: string[], stdin?: string): ExecResult {
  const out = new Output();
  const commands = allCommands();
  const at = firstWord(argv);
  if (at < 0) {
    out.out(rootHelp(commands));
    return result(out, 0);
  }
  const top = findCommand(commands, argv[at]);
  if (!top) {
    out.err(renderError(new KubectlError(unknownCommandText(argv[at], 'kubectl', commands))));
    return result(out, 1);
  }
  let cmd: KubectlCommand = top;
  let path = `kubectl ${cmd.name}`;
  let rest = [...argv.slice(0, at), ...argv.slice(at + 1)];
  // Subcommands nest (`create service clusterip`, `rollout status`): descend while a word names one.
  while (cmd.subcommands) {
    const sub = firstWord(rest);
    const subCmd: KubectlCommand | undefined = sub >= 0 ? findCommand(cmd.subcommands, rest[sub]) : undefined;
    if (!subCmd) break;
    cmd = subCmd;
    path = `${path} ${subCmd.name}`;
    rest = [...rest.slice(0, sub), ...rest.slice(sub + 1)];
  }
  let flags;
  try {
    flags = parseFlags(rest, [...GLOBAL_FLAGS, ...cmd.flags]);
  } catch (e) {
    if (!(e instanceof FlagError)) throw e;
    out.err(`error: ${e.message}\nSee '${path} --help' for usage.\n`);
    return result(out, 1);
  }
  if (flags.bool('help')) {
    out.out(commandHelp(cmd, path));
    return result(out, 0);
  }
  if (!cmd.run) {
    // cmdutil.DefaultSubCommandRun (`kubectl top`, `kubectl rollout`): RequireNoArguments, then
    // the help on stderr and exit 1 (ErrExit).
    if (flags.args.length) out.err(renderError(usageError(path, `unknown command ${goQuote(flags.args.join(' '))}`)));
    else out.err(commandHelp(cmd, path));
    return result(out, 1);
  }
  const inv: Invocation = {
    env,
    ctx: env.ctx,
    flags,
    args: flags.args,
    stdin,
    output: out,
    commandPath: path,
    namespace: flags.string('namespace') || 'default',
    explicitNamespace: flags.changed('namespace') && flags.string('namespace') !== '',
  };
  try {
    const code = cmd.run(inv);
    return result(out, typeof code === 'number' ? code : 0);
  } catch (e) {
    if (!(e instanceof KubectlError || e instanceof AggregateError || isStatusError(e))) throw e;
    out.err(renderError(e));
    return result(out, 1);
  }
}
