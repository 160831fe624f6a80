// The playground's one zustand store, in slices (zustand's slices pattern).
// Actions live as plain module-level functions in actions.ts; components read
// small slices with selectors and never the whole state.

import { create } from 'zustand';
import type { Cluster, ClusterSnapshot, ExecResult, RunningCommand, Trace } from '../../engine';

/** Identifies one API object, as the graph, inspector and context menus refer to it. */
export interface ObjectRef {
  kind: string;
  namespace?: string;
  name: string;
}

/** What the person is pointing at: an object, or a label/selector whose matches light up. */
export type Highlight =
  | { kind: 'label'; key: string; value: string }
  | { kind: 'selector'; namespace: string; selector: Record<string, string> };

export interface TerminalEntry {
  id: number;
  line: string;
  result: ExecResult;
  /** Where the command came from: typed, a toolbar button, a context menu, the editor, the embed API. */
  source: 'terminal' | 'toolbar' | 'menu' | 'editor' | 'embed' | 'system' | 'lesson';
}

export interface ClusterSlice {
  cluster: Cluster;
  snapshot: ClusterSnapshot;
  /** Simulated time runs on its own (pods start, probes tick) unless paused. */
  timeRunning: boolean;
  /** Simulated milliseconds per real second. */
  timeScale: number;
  /**
   * `starting` while the page shows its first picture (boot.ts): the example or the
   * saved session replaces this cluster and its files when the command line's code
   * arrives, so until then nothing may be typed or applied (it would be lost).
   * `failed` when that code could not load; `running` otherwise.
   */
  startup: 'starting' | 'running' | 'failed';
  /**
   * Whether the start is over: everything it runs has run (the example's own commands,
   * a saved session's replay), or the command line could not load. `startup` says
   * `running` earlier, as soon as the start's first step has replaced the cluster, so
   * commands given during the start (`waiting`) run when this turns true, not then.
   * Set by settleStartup (actions.ts) when boot's start has finished, however it awaits.
   */
  startupSettled: boolean;
}

export interface WorkspaceSlice {
  /** Workspace files (editor tabs), mirrored from the cluster's workspace. */
  files: Record<string, string>;
  /**
   * The tabs' order: each file in the order it was created (a rename keeps its
   * place). The cluster lists files sorted by name, so the order is kept here,
   * and saved with the session.
   */
  fileOrder: string[];
  activeFile: string;
}

export interface EditorSlice {
  /** Each file's text when it was last applied without error (a tab is dirty when its text differs). */
  appliedFiles: Record<string, string>;
  /**
   * Files the page itself is about to apply: an example's files while its boot
   * commands wait for the command line's code (boot.ts). Their tabs are not marked
   * as the person's unapplied edits meanwhile. Empty once the example has started.
   */
  startingFiles: Record<string, string>;
  /** Apply the active file automatically (debounced) while its text has no errors. */
  applyAsYouType: boolean;
  /**
   * Files a running `kubectl edit` waits on (its $EDITOR is the editor pane), by workspace
   * name: their tab says so, Done (or closing the tab) tells kubectl the editor closed, and
   * they are never applied as manifests (editorSessions.ts).
   */
  editing: Record<string, EditorSession>;
}

/** A running `kubectl edit` whose file is open in the editor pane (editorSessions.ts). */
export interface EditorSession {
  /** The command: its `line` names it in the tab's bar; `editing` says whether it still waits. */
  handle: RunningCommand;
  /** Records a Done: the file's workspace name and its text then. */
  recordClose: (path: string, text: string) => void;
  /** The tab that was open when the edit began: it opens again when the edit's file goes away. */
  returnTo: string;
}

/** A command given while the page starts (typed, or a lesson's try-this clicked): it runs once the start has settled. */
export interface WaitingCommand {
  id: number;
  line: string;
  source: TerminalEntry['source'];
}

export interface TerminalSlice {
  entries: TerminalEntry[];
  /** Lines typed (or clicked in the lesson), oldest first, for ↑/↓ history. */
  typed: string[];
  /** Commands waiting for the start to settle, in the order given (runWhenStarted in actions.ts); empty after it. */
  waiting: WaitingCommand[];
}

/** What a command answers when the command line's code could not load (typed or clicked alike). */
export const COMMAND_LINE_MISSING = 'The playground could not load its command line. Reload the page to try again.\n';

export interface UiSlice {
  theme: 'light' | 'dark';
  selection: ObjectRef | null;
  highlight: Highlight | null;
  collapsed: { editor: boolean; terminal: boolean; inspector: boolean };
  reducedMotion: boolean;
  /** Embedded in an iframe with ?embed: a compact chrome; readOnly hides editing. */
  embed: { enabled: boolean; readOnly: boolean };
  /** Pane sizes in CSS pixels (the shell's splitters; persisted). */
  sizes: PaneSizes;
  /** Presenter view: larger fonts for a projector. */
  presenter: boolean;
}

export interface PaneSizes {
  editor: number;
  inspector: number;
  terminal: number;
}

export const DEFAULT_SIZES: PaneSizes = { editor: 420, inspector: 380, terminal: 220 };

export interface PacketSlice {
  /** Traces waiting or playing, oldest first; the packet layer animates them. */
  traces: { id: number; trace: Trace; startedAt: number }[];
  playback: { playing: boolean; speed: number };
  /**
   * The trace whose hops are explained (the latest request a person sent, not the
   * traffic generator's) and the step on show; the packet layer sets it.
   */
  packetFocus?: { traceId: number; step: number } | null;
  /** Whether the traffic generator's panel is open (toolbar toggle). */
  trafficOpen?: boolean;
}

/** The running example's lesson (a strip atop the graph pane, src/app/lesson) and how the person left it. */
export interface LessonState {
  /** The scenario id (src/scenarios). */
  scenario: string;
  /** Folded to one line (title only). */
  collapsed: boolean;
  /** Closed; the graph's toolbar offers it again. */
  dismissed: boolean;
}

export interface LessonSlice {
  /** Absent when no example is running (a cluster reset clears it; loading an example sets it). */
  lesson?: LessonState | null;
}

export type PlaygroundState = ClusterSlice & WorkspaceSlice & EditorSlice & TerminalSlice & UiSlice & PacketSlice & LessonSlice;

/**
 * The store. It is empty until initStore (actions.ts) boots a cluster into it, which
 * main.tsx does before the first render, so components always see a full state.
 */
export const useStore = create<PlaygroundState>()(() => ({}) as PlaygroundState);
