// Help texts: `kubectl` alone, `kubectl CMD --help`, and cobra's
// "Did you mean this?" suggestions for a mistyped command.
// Source: github.com/spf13/cobra command.go (findSuggestions, SuggestionsFor: Levenshtein
// distance <= 2 or a prefix), staging/src/k8s.io/kubectl/pkg/cmd/cmd.go (command groups).

import type { KubectlCommand } from './command';
import type { FlagSpec } from './flags';
import { GLOBAL_FLAGS } from './commonFlags';

function levenshtein(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length];
}

/** Cobra's SuggestionsFor with SuggestionsMinimumDistance 2. */
export function suggestionsFor(typed: string, commands: KubectlCommand[]): string[] {
  const lower = typed.toLowerCase();
  const out: string[] = [];
  for (const c of commands) {
    const close = levenshtein(lower, c.name.toLowerCase()) <= 2 || c.name.toLowerCase().startsWith(lower);
    if (close || c.suggestFor?.includes(typed)) out.push(c.name);
  }
  return out;
}

export function unknownCommandText(typed: string, parent: string, commands: KubectlCommand[]): string {
  const s = suggestionsFor(typed, commands);
  const suggestion = s.length ? `\n\nDid you mean this?\n${s.map((n) => `\t${n}\n`).join('')}` : '';
  return `unknown command "${typed}" for "${parent}"${suggestion}`;
}

function flagLines(flags: FlagSpec[]): string {
  return flags
    .map((f) => {
      const head = f.short ? `-${f.short}, --${f.name}` : `    --${f.name}`;
      const def = f.type === 'bool' ? (f.default === true ? 'true' : 'false') : f.type === 'stringArray' ? '[]' : `'${f.default ?? ''}'`;
      return `    ${head}=${def}:\n\t${f.usage}\n`;
    })
    .join('\n');
}

/** cobra's minNamePadding: subcommand names are padded to at least this width. */
const MIN_NAME_PADDING = 11;

/**
 * `kubectl CMD --help` (kubectl's templater: the long description, then aliases, examples,
 * subcommands — each `  ` + rpad(name, NamePadding) + ` ` + short —, options, usage, tips).
 */
export function commandHelp(cmd: KubectlCommand, path: string): string {
  const parts = [`${cmd.long ?? `${cmd.short}.`}\n`];
  if (cmd.aliases?.length) parts.push(`Aliases:\n${[cmd.name, ...cmd.aliases].join(', ')}\n`);
  if (cmd.examples) parts.push(`Examples:\n${cmd.examples}\n`);
  if (cmd.subcommands?.length) {
    const w = Math.max(MIN_NAME_PADDING, ...cmd.subcommands.map((s) => s.name.length));
    parts.push(`Available Commands:\n${cmd.subcommands.map((s) => `  ${s.name.padEnd(w)} ${s.short}\n`).join('')}`);
  }
  if (cmd.flags.length) parts.push(`Options:\n${flagLines(cmd.flags)}`);
  parts.push(`Usage:\n  kubectl ${cmd.usage}\n`);
  const tips = cmd.subcommands?.length ? `Use "${path} <command> --help" for more information about a given command.\n` : '';
  parts.push(`${tips}Use "kubectl options" for a list of global command-line options (applies to all commands).\n`);
  return parts.join('\n');
}

const GROUPS: [string, string[]][] = [
  ['Basic Commands (Beginner)', ['create', 'expose', 'run', 'set']],
  ['Basic Commands (Intermediate)', ['explain', 'get', 'edit', 'delete']],
  ['Deploy Commands', ['rollout', 'scale', 'autoscale']],
  ['Cluster Management Commands', ['certificate', 'cluster-info', 'top', 'cordon', 'uncordon', 'drain', 'taint']],
  ['Troubleshooting and Debugging Commands', ['describe', 'logs', 'attach', 'exec', 'port-forward', 'proxy', 'cp', 'auth', 'debug', 'events']],
  ['Advanced Commands', ['diff', 'apply', 'patch', 'replace', 'wait', 'kustomize']],
  ['Settings Commands', ['label', 'annotate', 'completion']],
  ['Other Commands', ['api-resources', 'api-versions', 'config', 'plugin', 'version']],
];

/** `kubectl` with no arguments: the command overview, listing the commands this playground has. */
export function rootHelp(commands: KubectlCommand[]): string {
  const byName = new Map(commands.map((c) => [c.name, c]));
  const placed = new Set<string>();
  let text = 'kubectl controls the Kubernetes cluster manager.\n\n Find more information at: https://kubernetes.io/docs/reference/kubectl/\n\n';
  const block = (title: string, cmds: KubectlCommand[]) => {
    if (!cmds.length) return;
    text += `${title}:\n${cmds.map((c) => `  ${c.name.padEnd(14)}${c.short}\n`).join('')}\n`;
  };
  for (const [title, names] of GROUPS) {
    const cmds = names.map((n) => byName.get(n)).filter((c): c is KubectlCommand => !!c);
    cmds.forEach((c) => placed.add(c.name));
    block(title, cmds);
  }
  block('Other Commands', commands.filter((c) => !placed.has(c.name) && c.name !== 'help'));
  text += 'Usage:\n  kubectl [flags] [options]\n\nUse "kubectl <command> --help" for more information about a given command.\nUse "kubectl options" for a list of global command-line options (applies to all commands).\n';
  return text;
}

export { GLOBAL_FLAGS };
