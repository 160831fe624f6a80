// Tab completion, as a pure function of the line, the cursor and what the
// cluster holds: command names, kubectl subcommands and flags, resource types,
// object names in the namespace being typed, workspace files after -f, sim
// subcommands and the URLs curl can reach from outside the cluster.

export interface CompletionFlag {
  name: string;
  short?: string;
  type: string; // 'bool' takes no value; anything else does
}

/** The shape of kubectl's command table (src/kubectl/command.ts) that completion needs. */
export interface CompletionCommand {
  name: string;
  aliases?: string[];
  flags: CompletionFlag[];
  subcommands?: CompletionCommand[];
}

export interface CompletionResource {
  kind: string;
  resource: string;
  singular: string;
  shortNames: string[];
  namespaced: boolean;
}

interface Named {
  metadata: { name?: string; namespace?: string };
}

export interface CompletionSource {
  kubectl: readonly CompletionCommand[];
  /** kubectl's global flags (-n, -h). */
  globalFlags: readonly CompletionFlag[];
  resources: readonly CompletionResource[];
  objects: Readonly<Record<string, readonly Named[]>>;
  files: readonly string[];
  /** URLs that reach Services from the person's machine (node IP:nodePort, load-balancer IPs). */
  urls: readonly string[];
}

/** Candidates for the word that spans [from, to) of the line. */
export interface Completion {
  from: number;
  to: number;
  candidates: string[];
}

export const TOP_COMMANDS = ['kubectl', 'curl', 'wget', 'nslookup', 'dig', 'sim', 'clear', 'help'];

/** What a command after a `|` usually is: the filters the shell has (src/engine/programs/filters), or kubectl reading `-f -`. */
export const PIPE_COMMANDS = ['grep', 'head', 'tail', 'wc', 'sort', 'uniq', 'cut', 'tr', 'awk', 'kubectl'];

/**
 * The types whose TYPE/NAME names a pod for logs, exec, attach and port-forward: kubectl's
 * doPodResourceCompletion (staging/src/k8s.io/kubectl/pkg/util/completion/completion.go),
 * offered when the cluster serves them.
 */
const RESOURCES_WITH_PODS = ['daemonsets', 'deployments', 'pods', 'jobs', 'replicasets', 'replicationcontrollers', 'services', 'statefulsets'];

/** `sim` subcommands (src/engine/sim.ts): group -> actions. */
export const SIM_COMMANDS: Record<string, string[]> = {
  pod: ['fail-readiness', 'pass-readiness', 'crash'],
  node: ['stop', 'start'],
  cloud: ['on', 'off', 'status'],
  'proxy-mode': ['iptables', 'ipvs'],
  help: [],
};

const CURL_FLAGS = ['--silent', '--verbose', '--include', '--head', '--fail', '--max-time', '--connect-timeout', '--output', '--header', '--request', '--data', '--resolve', '--help'];
const WGET_FLAGS = ['-O', '-q', '-T', '--timeout', '--spider', '--help'];
const OUTPUT_FORMATS = ['json', 'yaml', 'wide', 'name', 'jsonpath=', 'custom-columns='];
const EXEC_PROGRAMS = ['curl', 'wget', 'nslookup', 'dig', 'cat'];

/** kubectl commands whose first argument is a resource type (or TYPE/NAME) and the next ones names. */
const TYPE_THEN_NAMES = new Set(['get', 'describe', 'delete', 'label', 'annotate', 'patch', 'scale', 'expose', 'edit', 'wait', 'history', 'status', 'undo', 'restart', 'pause', 'resume', 'image']);
const POD_ARG = new Set(['logs', 'exec', 'attach', 'port-forward']);
const NODE_ARG = new Set(['cordon', 'uncordon', 'drain']);

function unique(list: Iterable<string>): string[] {
  return [...new Set(list)].sort();
}

function matching(prefix: string, list: Iterable<string>): string[] {
  return unique([...list].filter((c) => c.startsWith(prefix)));
}

function findCommand(commands: readonly CompletionCommand[], word: string): CompletionCommand | undefined {
  return commands.find((c) => c.name === word || c.aliases?.includes(word));
}

export function resolveResource(source: CompletionSource, word: string): CompletionResource | undefined {
  const w = word.toLowerCase().split('.')[0];
  return source.resources.find((r) => r.resource === w || r.singular === w || r.kind.toLowerCase() === w || r.shortNames.includes(w));
}

function namesOf(source: CompletionSource, resource: CompletionResource | undefined, namespace: string | null): string[] {
  if (!resource) return [];
  const objects = source.objects[resource.kind] ?? [];
  return unique(objects.filter((o) => !resource.namespaced || namespace === null || (o.metadata.namespace ?? 'default') === namespace).map((o) => o.metadata.name ?? '').filter(Boolean));
}

/** Resource type names as kubectl completes them: plural names; a short name typed in full stands. */
function typeCandidates(source: CompletionSource, word: string): string[] {
  const plural = matching(word, source.resources.map((r) => r.resource));
  if (plural.length === 0 && resolveResource(source, word)) return [word];
  return plural;
}

interface KubectlLine {
  /** The command chain (e.g. [create, service]). */
  chain: CompletionCommand[];
  positionals: string[];
  namespace: string;
  allNamespaces: boolean;
  afterDash: string[] | null;
}

/** Reads the words typed after `kubectl` (before the word being completed). */
function parseKubectl(source: CompletionSource, words: string[]): KubectlLine {
  const line: KubectlLine = { chain: [], positionals: [], namespace: 'default', allNamespaces: false, afterDash: null };
  const flagsNow = () => [...source.globalFlags, ...line.chain.flatMap((c) => c.flags)];
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (line.afterDash) {
      line.afterDash.push(w);
      continue;
    }
    if (w === '--') {
      line.afterDash = [];
      continue;
    }
    if (w.startsWith('-') && w !== '-') {
      const [flagWord, inline] = w.includes('=') ? [w.slice(0, w.indexOf('=')), w.slice(w.indexOf('=') + 1)] : [w, undefined];
      const flag = flagWord.startsWith('--')
        ? flagsNow().find((f) => `--${f.name}` === flagWord)
        : flagsNow().find((f) => f.short === flagWord.slice(1, 2));
      const shortInline = !flagWord.startsWith('--') && flagWord.length > 2 && flag?.type !== 'bool' ? flagWord.slice(2) : undefined;
      let value = inline ?? shortInline;
      if (flag && flag.type !== 'bool' && value === undefined) value = words[++i];
      if (flag?.name === 'namespace' && value) line.namespace = value;
      if (flag?.name === 'all-namespaces') line.allNamespaces = true;
      continue;
    }
    const current = line.chain[line.chain.length - 1];
    const next = line.positionals.length === 0 ? findCommand(current ? current.subcommands ?? [] : source.kubectl, w) : undefined;
    if (next) line.chain.push(next);
    else line.positionals.push(w);
  }
  return line;
}

/** The flag that takes the value being typed, if the previous word is a flag awaiting one. */
function pendingFlag(source: CompletionSource, line: KubectlLine, prev: string | undefined): CompletionFlag | undefined {
  if (!prev || !prev.startsWith('-') || prev.includes('=')) return undefined;
  const flags = [...source.globalFlags, ...line.chain.flatMap((c) => c.flags)];
  const flag = prev.startsWith('--') ? flags.find((f) => `--${f.name}` === prev) : prev.length === 2 ? flags.find((f) => f.short === prev[1]) : undefined;
  return flag && flag.type !== 'bool' ? flag : undefined;
}

function flagValueCandidates(source: CompletionSource, flag: string, value: string): string[] | undefined {
  switch (flag) {
    case 'namespace':
      return matching(value, namesOf(source, resolveResource(source, 'namespaces'), null));
    case 'filename':
      return matching(value, source.files);
    case 'output':
      return matching(value, OUTPUT_FORMATS);
    default:
      return undefined;
  }
}

function completeKubectl(source: CompletionSource, before: string[], word: string): string[] {
  const line = parseKubectl(source, before);
  const prev = before[before.length - 1];
  // Values of flags: -n NAMESPACE, -f FILE, -o FORMAT, and their --flag=VALUE forms.
  const pending = pendingFlag(source, line, prev);
  if (pending) return flagValueCandidates(source, pending.name, word) ?? [];
  const inline = /^(--[a-z-]+)=(.*)$/.exec(word);
  if (inline) {
    const values = flagValueCandidates(source, inline[1].slice(2), inline[2]);
    return (values ?? []).map((v) => `${inline[1]}=${v}`);
  }
  if (word.startsWith('-')) {
    const flags = [...source.globalFlags, ...line.chain.flatMap((c) => c.flags)];
    if (word.length === 2 && flags.some((f) => f.short === word[1])) return [word];
    return matching(word, flags.map((f) => `--${f.name}`));
  }
  if (line.afterDash) return line.afterDash.length === 0 ? matching(word, EXEC_PROGRAMS) : matching(word, source.urls);
  const current = line.chain[line.chain.length - 1];
  if (!current) return matching(word, source.kubectl.map((c) => c.name));
  if (current.subcommands?.length && line.positionals.length === 0) return matching(word, current.subcommands.map((c) => c.name));
  const namespace = line.allNamespaces ? null : line.namespace;
  const pos = line.positionals;
  const name = current.name;
  if (name === 'help') return pos.length === 0 ? matching(word, source.kubectl.map((c) => c.name)) : [];
  if (POD_ARG.has(name)) {
    if (pos.length === 0) return podResourceCandidates(source, word, namespace);
    if (pos.length === 1 && name === 'port-forward') return portCandidates(source, pos[0], word, namespace);
    if (pos.length === 1 && name === 'logs') return matching(word, containersOf(source, pos[0], namespace));
    return [];
  }
  if (NODE_ARG.has(name)) return matching(word, namesOf(source, resolveResource(source, 'nodes'), null));
  if (name === 'explain') return pos.length === 0 ? typeCandidates(source, word) : [];
  if (!TYPE_THEN_NAMES.has(name)) return [];
  // TYPE/NAME in one word.
  const slash = word.indexOf('/');
  if (slash > 0) {
    const type = word.slice(0, slash);
    return matching(word.slice(slash + 1), namesOf(source, resolveResource(source, type), namespace)).map((n) => `${type}/${n}`);
  }
  if (pos.length === 0) return typeCandidates(source, word);
  if (pos[0].includes('/') || pos[0].includes(',')) return [];
  // label and annotate take KEY=VALUE after the name.
  if ((name === 'label' || name === 'annotate') && pos.length > 1) return [];
  return matching(word, namesOf(source, resolveResource(source, pos[0]), namespace)).filter((n) => !pos.slice(1).includes(n));
}

/** kubectl's PodResourceNameCompletionFunc: pod names and `TYPE/` of types that hold pods; after the slash, that type's names. */
function podResourceCandidates(source: CompletionSource, word: string, namespace: string | null): string[] {
  const slash = word.indexOf('/');
  if (slash >= 0) {
    const type = word.slice(0, slash);
    return matching(word.slice(slash + 1), namesOf(source, resolveResource(source, type), namespace)).map((n) => `${type}/${n}`);
  }
  const served = RESOURCES_WITH_PODS.filter((r) => source.resources.some((x) => x.resource === r));
  return unique([...matching(word, namesOf(source, resolveResource(source, 'pods'), namespace)), ...matching(word, served).map((t) => `${t}/`)]);
}

interface PortsAndContainers {
  metadata: { name?: string; namespace?: string };
  spec?: { ports?: { port?: number }[]; containers?: { name: string; ports?: { containerPort?: number }[] }[] };
}

function objectNamed(source: CompletionSource, kind: string, name: string, namespace: string | null): PortsAndContainers | undefined {
  return (source.objects[kind] ?? []).find((o) => o.metadata.name === name && (namespace === null || (o.metadata.namespace ?? 'default') === namespace)) as PortsAndContainers | undefined;
}

/** A pod named as NAME or pod/NAME (kubectl would resolve other TYPE/NAMEs to one of their pods; completion does not guess). */
function podNamed(source: CompletionSource, arg: string, namespace: string | null): PortsAndContainers | undefined {
  const [type, name] = arg.includes('/') ? arg.split('/', 2) : ['pods', arg];
  return resolveResource(source, type)?.kind === 'Pod' ? objectNamed(source, 'Pod', name, namespace) : undefined;
}

/**
 * port-forward's second argument, as kubectl's ResourceAndPortCompletionFunc offers it: the
 * Service's ports or the pod's containerPorts as PORT:PORT, keeping a local port already typed.
 */
function portCandidates(source: CompletionSource, target: string, word: string, namespace: string | null): string[] {
  const [type, name] = target.split('/', 2);
  const local = word.split(':')[0];
  let ports: number[];
  if (name !== undefined && resolveResource(source, type)?.kind === 'Service') {
    ports = (objectNamed(source, 'Service', name, namespace)?.spec?.ports ?? []).flatMap((p) => (p.port ? [p.port] : []));
  } else {
    ports = (podNamed(source, target, namespace)?.spec?.containers ?? []).flatMap((c) => (c.ports ?? []).flatMap((p) => (p.containerPort ? [p.containerPort] : [])));
  }
  return matching(word, ports.map((p) => `${word === '' ? p : local}:${p}`));
}

/** logs' second argument: the pod's containers (PodResourceNameAndContainerCompletionFunc). */
function containersOf(source: CompletionSource, target: string, namespace: string | null): string[] {
  return (podNamed(source, target, namespace)?.spec?.containers ?? []).map((c) => c.name);
}

function completeSim(source: CompletionSource, before: string[], word: string): string[] {
  if (before.length === 0) return matching(word, Object.keys(SIM_COMMANDS));
  const group = before[0] === 'pods' ? 'pod' : before[0] === 'nodes' ? 'node' : before[0];
  if (before.length === 1) return matching(word, SIM_COMMANDS[group] ?? []);
  const prev = before[before.length - 1];
  if (group === 'pod') {
    if (prev === '-n' || prev === '--namespace') return matching(word, namesOf(source, resolveResource(source, 'namespaces'), null));
    const nsIndex = before.findIndex((w) => w === '-n' || w === '--namespace');
    const namespace = nsIndex >= 0 ? before[nsIndex + 1] ?? 'default' : 'default';
    const named = before.slice(2).some((w, i, all) => !w.startsWith('-') && !['-n', '--namespace', '-c', '--container'].includes(all[i - 1] ?? ''));
    return named || word.startsWith('-') ? [] : matching(word, namesOf(source, resolveResource(source, 'pods'), namespace));
  }
  if (group === 'node' && before.length === 2) return matching(word, namesOf(source, resolveResource(source, 'nodes'), null));
  return [];
}

/** Where the last `|` outside quotes is (-1: none): the shell's pipe (engine/exec.ts tokenizeShellLine). */
function lastPipe(text: string): number {
  let quote: string | undefined;
  let pipe = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = undefined;
      else if (c === '\\' && quote === '"') i++;
    } else if (c === "'" || c === '"') quote = c;
    else if (c === '\\') i++;
    else if (c === '|') pipe = i;
  }
  return pipe;
}

/** Candidates for the word under the cursor (bash completes the part before the cursor). */
export function complete(text: string, cursor: number, source: CompletionSource): Completion {
  const head = text.slice(0, cursor);
  let from = /\S*$/.exec(head)?.index ?? cursor;
  // `pods|gr`: the word being completed starts after the pipe (a quoted `|` is part of the word).
  const pipeInWord = lastPipe(head);
  if (pipeInWord >= from) from = pipeInWord + 1;
  const word = head.slice(from);
  // After a `|` another command starts: its words are those typed since the pipe.
  const pipe = lastPipe(head.slice(0, from));
  const before = head.slice(pipe + 1, from).trim().split(/\s+/).filter(Boolean);
  let candidates: string[];
  if (before.length === 0) candidates = matching(word, pipe < 0 ? TOP_COMMANDS : PIPE_COMMANDS);
  else if (before[0] === 'kubectl') candidates = completeKubectl(source, before.slice(1), word);
  else if (before[0] === 'sim') candidates = completeSim(source, before.slice(1), word);
  else if (before[0] === 'curl' || before[0] === 'wget') {
    const flags = before[0] === 'curl' ? CURL_FLAGS : WGET_FLAGS;
    candidates = word.startsWith('-') ? matching(word, flags) : matching(word, source.urls);
  } else candidates = [];
  return { from, to: cursor, candidates };
}

function commonPrefix(list: string[]): string {
  if (list.length === 0) return '';
  let prefix = list[0];
  for (const s of list) while (!s.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return prefix;
}

/**
 * What Tab does with a completion, like bash: one candidate is inserted (with a space
 * after it unless it ends in `/` or `=`); several extend the word to their common
 * prefix, or, when that adds nothing, are listed.
 */
export function applyCompletion(text: string, c: Completion): { text: string; cursor: number; list: string[] } {
  const word = text.slice(c.from, c.to);
  const insert = (value: string) => ({ text: text.slice(0, c.from) + value + text.slice(c.to), cursor: c.from + value.length });
  if (c.candidates.length === 1) {
    const only = c.candidates[0];
    const open = /[/=]$/.test(only);
    const needsSpace = !open && text[c.to] !== ' ';
    const done = insert(only + (needsSpace ? ' ' : ''));
    return { ...done, cursor: done.cursor + (!open && !needsSpace ? 1 : 0), list: [] };
  }
  const prefix = commonPrefix(c.candidates);
  if (prefix.length > word.length) return { ...insert(prefix), list: [] };
  return { text, cursor: c.to, list: c.candidates };
}

/** Lays candidates out in columns for a terminal `cols` wide, as bash lists them. */
export function formatCandidates(list: string[], cols: number): string[] {
  if (list.length === 0) return [];
  const width = Math.max(...list.map((s) => s.length)) + 2;
  const perRow = Math.max(1, Math.floor(cols / width));
  const rows = Math.ceil(list.length / perRow);
  const lines: string[] = [];
  for (let r = 0; r < rows; r++) {
    let line = '';
    for (let c = 0; c < perRow; c++) {
      const item = list[c * rows + r];
      if (item !== undefined) line += item.padEnd(width);
    }
    lines.push(line.trimEnd());
  }
  return lines;
}
