// Everything that changes the playground goes through these functions. Faults,
// toolbar buttons, context menus, the terminal and the embed API all end in
// runCommand(line): what a person clicks could also have been typed.

// The lean engine: the cluster without its command line, which boot.ts loads as a
// chunk of its own (engine/lean.ts) so that the first picture does not wait for it.
import { createCluster } from '../../engine/lean';
import type { ExecResult, RunningCommand, TraceRequest } from '../../engine';
import { orderedOutput } from '../../engine/exec';
import { resultOf } from '../../engine/running';
import { filesAppliedBy } from './appliedFiles';
import { closeEditorSession, editsAfterChange, trackEditor } from './editorSessions';
import { reconcileOrder, tabAfterClosing } from './fileOrder';
import { COMMAND_LINE_MISSING, DEFAULT_SIZES, useStore, type Highlight, type ObjectRef, type PlaygroundState, type TerminalEntry } from './state';

let nextEntryId = 1;
let nextTraceId = 1;

export interface BootOptions {
  seed?: number;
  nodes?: number;
  files?: Record<string, string>;
  /** The tabs' order (a saved session's); by default the order `files` lists them in. */
  fileOrder?: string[];
  activeFile?: string;
  /** Command lines to run after boot (e.g. `kubectl apply -f welcome.yaml`). */
  commands?: string[];
  embed?: { enabled: boolean; readOnly: boolean };
  theme?: 'light' | 'dark';
  /**
   * An example's boot commands that run later, once the command line's code has
   * arrived (boot.ts shows the example's files before then): the files they apply
   * are not marked as unapplied edits meanwhile.
   */
  startingCommands?: string[];
  /** The first picture, which the example or session replaces once it starts (state.ts `startup`). */
  starting?: boolean;
}

let unsubscribeTraces: (() => void) | undefined;

/** One input that changed the cluster; persistence records them in order to replay the cluster after a reload. */
export type ClusterInput =
  | { t: 'cmd'; line: string; stdin?: string }
  | { t: 'write'; path: string; text: string }
  | { t: 'delete'; path: string }
  | { t: 'advance'; ms: number }
  /** A request traced outside a command (packet buttons, traffic generator): it draws random numbers. */
  | { t: 'trace'; request: TraceRequest }
  /**
   * A command that keeps running (`kubectl port-forward … &`, `get -w`), and its interrupt.
   * `token` stands for the running command (the recorder numbers it): replayed with start()
   * and interrupt(), a forward carries the requests it carried before the reload.
   */
  | { t: 'start'; line: string; token: object }
  | { t: 'stop'; token: object }
  /**
   * kubectl edit's editor closed (Done) on its file (`path`) holding `text`: replayed by
   * writing the text and closing the editor of the running command `token` stands for.
   */
  | { t: 'close'; token: object; path: string; text: string };

let recordInput: ((input: ClusterInput) => void) | undefined;
/** Inside exec, traces belong to the command being run and are not recorded on their own. */
let execDepth = 0;

/** Sets (or clears) the listener that sees every input to the cluster (persistence.ts). */
export function setInputRecorder(recorder: ((input: ClusterInput) => void) | undefined): void {
  recordInput = recorder;
}

/** Boots a cluster into the store (replacing any earlier one). */
export function initStore(opts: BootOptions = {}): void {
  // Empty before the first boot. A cluster booted during the start (the example or the
  // saved session replacing the first picture, persistence.ts) does not end the start,
  // and the commands waiting for it stay queued: settleStartup ends it.
  const before: Partial<PlaygroundState> = useStore.getState();
  const cluster = createCluster({ seed: opts.seed ?? 1, nodes: opts.nodes ?? 3 });
  for (const [path, text] of Object.entries(opts.files ?? {})) cluster.writeFile(path, text);
  const prefersReduced = typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
  const prefersDark = typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches;
  const files = cluster.snapshot().files;
  const fileOrder = reconcileOrder(opts.fileOrder ?? Object.keys(opts.files ?? {}), files);
  const initial: PlaygroundState = {
    cluster,
    snapshot: cluster.snapshot(),
    timeRunning: true,
    timeScale: 1000,
    startup: opts.starting ? 'starting' : 'running',
    startupSettled: !opts.starting && (before.startupSettled ?? true),
    files: { ...files },
    fileOrder,
    activeFile: opts.activeFile ?? fileOrder[0] ?? '',
    entries: [],
    typed: [],
    waiting: before.waiting ?? [],
    theme: opts.theme ?? (prefersDark ? 'dark' : 'light'),
    selection: null,
    highlight: null,
    collapsed: { editor: false, terminal: false, inspector: true },
    reducedMotion: prefersReduced,
    embed: opts.embed ?? { enabled: false, readOnly: false },
    appliedFiles: {},
    startingFiles: filesAppliedBy(opts.startingCommands ?? [], files),
    applyAsYouType: false,
    editing: {},
    sizes: DEFAULT_SIZES,
    presenter: false,
    traces: [],
    playback: { playing: true, speed: 1 },
  };
  useStore.setState(initial, true);
  // Requests made by curl/wget in the terminal (and by the traffic generator) become packets.
  unsubscribeTraces?.();
  unsubscribeTraces = cluster.onTrace((trace) => {
    if (execDepth === 0) recordInput?.({ t: 'trace', request: trace.request });
    useStore.setState((s) => ({ traces: [...s.traces, { id: nextTraceId++, trace, startedAt: performance.now() }].slice(-500) }));
  });
  for (const line of opts.commands ?? []) runCommand(line, 'system');
}

/** Re-reads the cluster after anything changed it. */
export function refresh(): void {
  const { cluster } = useStore.getState();
  const snapshot = cluster.snapshot();
  useStore.setState((s) => {
    const fileOrder = reconcileOrder(s.fileOrder, snapshot.files);
    return { snapshot, files: { ...snapshot.files }, fileOrder, ...editsAfterChange(s, snapshot.files, fileOrder) };
  });
}

/**
 * The one command path: runs a line on the cluster, records it, refreshes the picture.
 * A line typed or clicked in the lesson joins the terminal's ↑ history.
 */
export function runCommand(line: string, source: TerminalEntry['source'] = 'terminal', stdin?: string): ExecResult {
  // A lesson's try-this ends what runs in the terminal's foreground first, as Ctrl-C would.
  if (source === 'lesson') interruptForeground?.();
  const { cluster, startup } = useStore.getState();
  // Without its command line the cluster can run nothing: say why (as the terminal does), not "still starting".
  const result = startup === 'failed' ? { stdout: '', stderr: COMMAND_LINE_MISSING, exitCode: 1 } : execRecorded(cluster, line, stdin);
  addEntry(line, result, source);
  return result;
}

/** Records a command that ran (a typed or lesson line joins the ↑ history) and refreshes the picture. */
function addEntry(line: string, result: ExecResult, source: TerminalEntry['source']): void {
  const entry: TerminalEntry = { id: nextEntryId++, line, result, source };
  useStore.setState((s) => ({
    entries: [...s.entries, entry].slice(-500),
    typed: source === 'terminal' || source === 'lesson' ? [...s.typed, line].slice(-200) : s.typed,
  }));
  refresh();
}

/** What a command that threw prints: exec reports its own failures; this guards the page against an engine bug. */
function engineFailure(e: unknown): ExecResult {
  return { stdout: '', stderr: `${e instanceof Error ? e.message : String(e)}\n`, exitCode: 1 };
}

function execRecorded(cluster: PlaygroundState['cluster'], line: string, stdin: string | undefined): ExecResult {
  recordInput?.(stdin === undefined ? { t: 'cmd', line } : { t: 'cmd', line, stdin });
  execDepth++;
  try {
    return cluster.exec(line, stdin);
  } catch (e) {
    return engineFailure(e);
  } finally {
    execDepth--;
  }
}

let interruptForeground: (() => void) | undefined;

/** The terminal says how to end its foreground command (a lesson's click does, before it runs). */
export function setForegroundInterrupter(interrupt: (() => void) | undefined): void {
  interruptForeground = interrupt;
}

/**
 * The command path for a typed line that may keep running (kubectl get -w, logs -f,
 * port-forward, edit): like runCommand, but hands back the running command, whose later
 * output the terminal reads as the cluster changes. The replay log records its start and
 * its Ctrl-C, replayed with start() and interrupt() (persistence.ts); a kubectl edit's Done
 * goes through closeEditor() below, which records it. The entry keeps the initial output
 * (what was known when it ran).
 */
export function startCommand(line: string, source: TerminalEntry['source'] = 'terminal'): RunningCommand {
  const { cluster } = useStore.getState();
  const token = {};
  recordInput?.({ t: 'start', line, token });
  execDepth++;
  let handle: RunningCommand;
  try {
    handle = cluster.start(line);
  } catch (e) {
    // As runCommand: the error is the command's answer, and it has ended (the prompt comes back).
    const failed = engineFailure(e);
    addEntry(line, failed, source);
    const chunks = orderedOutput(failed);
    return { line, read: () => chunks.splice(0), done: true, exitCode: failed.exitCode, interrupt: () => {} };
  } finally {
    execDepth--;
  }
  const initial = handle.read();
  // kubectl edit: its file opens in the editor pane (before the entry's refresh, which keeps it while it waits).
  trackEditor(handle, (path, text) => recordInput?.({ t: 'close', token, path, text }));
  addEntry(line, resultOf(initial, handle.exitCode ?? 0), source);
  // The caller reads the initial output from here too.
  let initialUnread = true;
  return {
    line: handle.line,
    read: () => (initialUnread ? ((initialUnread = false), [...initial, ...handle.read()]) : handle.read()),
    get done() { return handle.done; },
    get exitCode() { return handle.exitCode; },
    interrupt: () => {
      if (!handle.done) recordInput?.({ t: 'stop', token });
      handle.interrupt();
      refresh();
    },
  };
}

let nextWaitingId = 1;
/** How each waiting command runs (by id): the terminal runs its typed lines itself, to print their answers. */
const waitingRuns = new Map<number, () => void>();

/**
 * The one way in for a command that may come while the page starts (a line typed in
 * the terminal, a lesson's try-this clicked): once the start has settled, `run` runs
 * at once; before, the command waits in the store's `waiting` (the terminal shows it)
 * and runs when settleStartup is called, in the order the commands were given.
 * `run` defaults to runCommand(line, source). Returns a function that drops the
 * command while it waits (Ctrl+C), or undefined when it ran at once.
 */
export function runWhenStarted(line: string, source: TerminalEntry['source'], run: () => void = () => void runCommand(line, source)): (() => void) | undefined {
  if (useStore.getState().startupSettled) {
    run();
    return undefined;
  }
  const id = nextWaitingId++;
  waitingRuns.set(id, run);
  useStore.setState((s) => ({ waiting: [...s.waiting, { id, line, source }] }));
  return () => {
    if (!waitingRuns.delete(id)) return;
    useStore.setState((s) => ({ waiting: s.waiting.filter((w) => w.id !== id) }));
  };
}

/**
 * The start is over (main.tsx calls this once boot's start has run, whether it ran
 * everything, fell back to the welcome example or could not load the command line):
 * the commands that waited run now, in order — on the cluster the person sees, or,
 * when the command line is missing, answered with the reason.
 */
export function settleStartup(): void {
  const { startupSettled, waiting } = useStore.getState();
  if (startupSettled) return;
  useStore.setState({ startupSettled: true, waiting: [] });
  for (const { id, line } of waiting) {
    const run = waitingRuns.get(id);
    waitingRuns.delete(id);
    try {
      run?.();
    } catch (e) {
      // One broken command must not keep the others from running.
      console.warn(`running "${line}" after the start failed`, e);
    }
  }
}

/** Records a line the terminal handled itself (`clear`, `help`) in the ↑/↓ history. */
export function recordTyped(line: string): void {
  useStore.setState((s) => ({ typed: [...s.typed, line].slice(-200) }));
}

/** Moves simulated time forward (the ticker calls this while time runs). */
export function advanceTime(ms: number): void {
  recordInput?.({ t: 'advance', ms });
  useStore.getState().cluster.advance(ms);
  refresh();
}

export function setTimeRunning(running: boolean): void {
  useStore.setState({ timeRunning: running });
}

export function writeFile(path: string, text: string): void {
  recordInput?.({ t: 'write', path, text });
  useStore.getState().cluster.writeFile(path, text);
  useStore.setState((s) => ({ files: { ...s.files, [path]: text }, fileOrder: Object.hasOwn(s.files, path) ? s.fileOrder : [...s.fileOrder, path] }));
}

export function deleteFile(path: string): void {
  recordInput?.({ t: 'delete', path });
  useStore.getState().cluster.deleteFile(path);
  useStore.setState((s) => {
    const files = { ...s.files };
    delete files[path];
    const fileOrder = s.fileOrder.filter((name) => name !== path);
    const activeFile = s.activeFile === path ? tabAfterClosing(s.fileOrder, path) : s.activeFile;
    return { files, fileOrder, activeFile };
  });
}

/**
 * The command line's code could not load: the first picture stays, the editor says why it
 * takes no typing, and the start is over (commands that waited are answered with the reason).
 */
export function startupFailed(): void {
  useStore.setState({ startup: 'failed' });
  settleStartup();
}

export function setActiveFile(path: string): void {
  useStore.setState({ activeFile: path });
}

/** Creates a workspace file (the editor's + button) and opens it. */
export function createFile(path: string, text = ''): void {
  writeFile(path, text);
  setActiveFile(path);
}

/** Renames a workspace file (a write and a delete, as persistence records them), keeping it open and in its place among the tabs. */
export function renameFile(from: string, to: string): void {
  const s = useStore.getState();
  const text = s.files[from];
  if (text === undefined || from === to) return;
  writeFile(to, text);
  const wasActive = s.activeFile === from;
  deleteFile(from);
  useStore.setState((st) => {
    const appliedFiles = { ...st.appliedFiles };
    if (from in appliedFiles) appliedFiles[to] = appliedFiles[from];
    delete appliedFiles[from];
    const fileOrder = reconcileOrder(s.fileOrder.map((name) => (name === from ? to : name)), st.files);
    return { appliedFiles, fileOrder, ...(wasActive ? { activeFile: to } : {}) };
  });
}

/** Remembers a file's text as applied (its tab is clean until the text changes). */
export function markApplied(path: string, text: string): void {
  useStore.setState((s) => ({ appliedFiles: { ...s.appliedFiles, [path]: text } }));
}

export function setApplyAsYouType(on: boolean): void {
  useStore.setState({ applyAsYouType: on });
}

/** Done on a file a running `kubectl edit` waits on: its editor has closed (editorSessions.ts). */
export function closeEditor(path: string): void {
  if (closeEditorSession(path)) refresh();
}

/** Applies one workspace file, exactly as `kubectl apply -f FILE` typed in the terminal. */
export function applyFile(path: string): ExecResult {
  return runCommand(`kubectl apply -f ${path}`, 'editor');
}

export function select(ref: ObjectRef | null): void {
  useStore.setState((s) => ({ selection: ref, collapsed: ref ? { ...s.collapsed, inspector: false } : s.collapsed }));
}

export function setHighlight(h: Highlight | null): void {
  useStore.setState({ highlight: h });
}

export function setTheme(theme: 'light' | 'dark'): void {
  useStore.setState({ theme });
}

export function togglePane(pane: keyof PlaygroundState['collapsed']): void {
  useStore.setState((s) => ({ collapsed: { ...s.collapsed, [pane]: !s.collapsed[pane] } }));
}

export function clearTraces(): void {
  useStore.setState({ traces: [] });
}

/**
 * Runs a read-only line (`kubectl get … -o yaml`, `kubectl describe …`) without
 * recording it in the terminal or the replay log; the inspector uses it.
 */
export function queryCommand(line: string): ExecResult {
  execDepth++;
  try {
    // As `( line )`: the shell session's `$?` and variables stay as the person left them.
    return useStore.getState().cluster.exec(line, undefined, { subshell: true });
  } catch (e) {
    return { stdout: '', stderr: `${e instanceof Error ? e.message : String(e)}\n`, exitCode: 1 };
  } finally {
    execDepth--;
  }
}

export function setSizes(sizes: Partial<PlaygroundState['sizes']>): void {
  useStore.setState((s) => ({ sizes: { ...s.sizes, ...sizes } }));
}

export function setPresenter(presenter: boolean): void {
  useStore.setState({ presenter });
}
