// Saves the person's work in localStorage and restores it after a reload:
// workspace files, active file, theme, pane sizes and collapsed panes, typed
// terminal history, and the cluster as a replay log (session.ts). Corrupt or
// hostile content never blanks the page: it is validated, the raw text is kept
// under CORRUPT_KEY, and the page starts fresh with a notice. When storage is
// full, the session is saved without its log and says why (`logLost`), so the
// next load tells the person what was kept and what was not (sessionNotices.ts).
//
// Embedded pages (?embed=1) neither read nor write any of this.

import type { RunningCommand } from '../../engine';
import type { Scenario } from '../../scenarios';
import { clearTraces, initStore, refresh, setInputRecorder, type BootOptions } from './actions';
import { reconcileOrder } from './fileOrder';
import { showLesson } from './lesson';
import { pushNotice } from './notices';
import { LogRecorder, MAX_LOG_ENTRIES, readSession, SESSION_VERSION, type ReplayLog, type SavedSession } from './session';
import { noticeWhenCannotSave, noticeWhenReplayFailed, noticeWhenSavedWithoutLog, restoredWithoutLogNotice } from './sessionNotices';
import { useStore, type PlaygroundState } from './state';

export const STORAGE_KEY = 'services-playground:v1';
/** Unreadable saved text is moved here, so nothing is lost. */
export const CORRUPT_KEY = 'services-playground:v1:corrupt';
/** The previous session, kept when a link (`?scenario=`, a share link) replaces it. */
export const PREVIOUS_KEY = 'services-playground:v1:previous';

const DEFAULT_SEED = 1;
const DEFAULT_NODES = 3;
const SAVE_DELAY_MS = 500;

let recorder: LogRecorder | undefined;
let scenarioId: string | undefined;
let scenarioFiles: Record<string, string> = {};
let scenarioCommands = 0;
let enabled = false;
let saveTimer: ReturnType<typeof setTimeout> | undefined;
let overflowNoticeShown = false;
/**
 * The storage problem the person was last told about. Saves come every half second
 * while time runs, so a notice is pushed when the problem changes, not on every save
 * (else a dismissed notice would come straight back).
 */
let toldStorage: 'ok' | 'full' | 'unsaved' = 'ok';

function storage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined; // access denied (sandboxed iframe, privacy mode)
  }
}

/** UI settings that survive a cluster reset (picking an example keeps your theme and layout). */
type KeptUi = Pick<PlaygroundState, 'theme' | 'collapsed' | 'sizes' | 'presenter' | 'typed' | 'embed' | 'reducedMotion' | 'applyAsYouType'>;

function keptUi(): KeptUi | undefined {
  const s = useStore.getState();
  if (!s.cluster) return undefined;
  const { theme, collapsed, sizes, presenter, typed, embed, reducedMotion, applyAsYouType } = s;
  return { theme, collapsed, sizes, presenter, typed, embed, reducedMotion, applyAsYouType };
}

function startRecording(seed: number, nodes: number, files: Record<string, string>, entries?: ReplayLog['entries']): void {
  recorder = new LogRecorder(seed, nodes, entries);
  if (!entries) for (const [path, text] of Object.entries(files)) recorder.record({ t: 'write', path, text });
  overflowNoticeShown = false;
  setInputRecorder((input) => {
    recorder?.record(input);
    if (recorder?.overflowed && !overflowNoticeShown && enabled) {
      overflowNoticeShown = true;
      pushNotice(`This session passed ${MAX_LOG_ENTRIES.toLocaleString('en')} steps, too many to replay: after a reload your files are kept, not applied, and the cluster starts fresh.`, 'info');
    }
    scheduleSave();
  });
}

/** Boots a scenario into a fresh cluster (the first visit, the Examples menu, `?scenario=`). */
export function loadScenario(scenario: Scenario, opts: LoadOptions = {}): void {
  loadWorkspace(scenario.id, scenario.files, scenario.commands, opts);
  showLesson(scenario.id, { collapsed: useStore.getState().embed.enabled });
}

type LoadOptions = Pick<BootOptions, 'embed' | 'theme'> & { collapsed?: PlaygroundState['collapsed'] };

/**
 * Boots a shared workspace (a `#w=` link, embed/shareLink.ts) the way an example
 * boots: its files as tabs in their order, each applied in turn, no lesson.
 */
export function loadSharedWorkspace(files: readonly (readonly [string, string])[], open: string, opts: LoadOptions = {}): void {
  // Object.fromEntries defines own properties: no name can reach a prototype (the names are checked anyway).
  const record = Object.fromEntries(files);
  const names = files.map(([name]) => name);
  loadWorkspace(undefined, record, names.map((name) => `kubectl apply -f ${name}`), { ...opts, fileOrder: names, activeFile: open });
}

function loadWorkspace(id: string | undefined, files: Record<string, string>, commands: string[], opts: LoadOptions & Pick<BootOptions, 'fileOrder' | 'activeFile'>): void {
  const kept = keptUi();
  setInputRecorder(undefined);
  startRecording(DEFAULT_SEED, DEFAULT_NODES, files);
  scenarioId = id;
  scenarioFiles = { ...files };
  scenarioCommands = commands.length;
  initStore({
    seed: DEFAULT_SEED,
    nodes: DEFAULT_NODES,
    files,
    fileOrder: opts.fileOrder,
    activeFile: opts.activeFile,
    commands,
    embed: opts.embed ?? kept?.embed,
    theme: opts.theme ?? kept?.theme,
  });
  if (kept) useStore.setState({ collapsed: kept.collapsed, sizes: kept.sizes, presenter: kept.presenter, typed: kept.typed, reducedMotion: kept.reducedMotion, applyAsYouType: kept.applyAsYouType });
  if (opts.collapsed) useStore.setState({ collapsed: opts.collapsed });
  scheduleSave();
}

/** The example the session started from, if any. */
export function currentScenarioId(): string | undefined {
  return scenarioId;
}

/** Whether picking another example would throw away something the person did. */
export function hasUnsavedWork(): boolean {
  const { files } = useStore.getState();
  const names = Object.keys(files);
  if (names.length !== Object.keys(scenarioFiles).length || names.some((n) => files[n] !== scenarioFiles[n])) return true;
  return recorder ? recorder.overflowed || recorder.commandCount() > scenarioCommands : false;
}

/** Rebuilds the cluster from a replay log without drawing anything in between. */
function replay(log: ReplayLog, session: SavedSession): void {
  setInputRecorder(undefined);
  initStore({ seed: log.seed, nodes: log.nodes, files: {}, commands: [], theme: session.theme });
  const { cluster } = useStore.getState();
  const running = new Map<number, RunningCommand>();
  for (const e of log.entries) {
    switch (e.t) {
      case 'write':
        cluster.writeFile(e.path, e.text);
        break;
      case 'delete':
        cluster.deleteFile(e.path);
        break;
      case 'cmd':
        cluster.exec(e.line, e.stdin);
        break;
      case 'start':
        try {
          running.set(e.id, cluster.start(e.line));
        } catch {
          // The engine failed on it before the reload too (actions.ts engineFailure): it never ran.
        }
        break;
      case 'stop':
        running.get(e.id)?.interrupt();
        break;
      case 'close': {
        // kubectl edit's editor closed: the file as it was then, and the command carries on (editorSessions.ts).
        const edit = running.get(e.id);
        const file = edit?.editing;
        if (!file) break;
        cluster.writeFile(file.path, e.text);
        edit.closeEditor?.();
        break;
      }
      case 'advance':
        cluster.advance(e.ms);
        break;
      case 'trace':
        for (let i = 0; i < e.n; i++) cluster.trace(e.request);
        break;
    }
  }
  // The page that started them is gone, and its commands with it (a reload ends the terminal's jobs).
  for (const handle of running.values()) if (!handle.done) handle.interrupt();
  // The files as last saved win (they include edits not yet applied).
  for (const path of cluster.listFiles()) if (!(path in session.files)) cluster.deleteFile(path);
  for (const [path, text] of Object.entries(session.files)) cluster.writeFile(path, text);
  refresh();
  clearTraces(); // replayed curl commands must not animate now
  startRecording(log.seed, log.nodes, session.files, log.entries);
}

/** The saved layout and tabs; `replayed` says whether the saved cluster came back (else nothing is applied). */
function applySessionUi(session: SavedSession, replayed: boolean): void {
  const s = useStore.getState();
  const fileOrder = reconcileOrder(session.order ?? [], s.files);
  useStore.setState({
    fileOrder,
    activeFile: session.activeFile in s.files ? session.activeFile : (fileOrder[0] ?? ''),
    typed: session.typed,
    ...(session.collapsed ? { collapsed: session.collapsed } : {}),
    ...(session.sizes ? { sizes: session.sizes } : {}),
    ...(session.presenter !== undefined ? { presenter: session.presenter } : {}),
    ...(replayed && session.applied ? { appliedFiles: session.applied } : {}),
    ...(session.applyAsYouType !== undefined ? { applyAsYouType: session.applyAsYouType } : {}),
  });
}

/** A fresh cluster with the saved files in their tabs, none of them applied. */
function startFresh(session: SavedSession): void {
  setInputRecorder(undefined);
  startRecording(DEFAULT_SEED, DEFAULT_NODES, session.files);
  initStore({ seed: DEFAULT_SEED, nodes: DEFAULT_NODES, files: session.files, fileOrder: session.order, commands: [], theme: session.theme });
}

/** Keeps saved text the page could not use under CORRUPT_KEY; false when storage refused it. */
function keepCorruptText(store: Storage | undefined, text: string): boolean {
  try {
    store?.setItem(CORRUPT_KEY, text);
    return !!store;
  } catch {
    return false;
  }
}

/**
 * Restores the saved session into the store. Returns false when there was none
 * (the caller then opens the welcome example). Never throws.
 */
export function restoreSession(findScenario: (id: string) => Scenario | undefined): boolean {
  const store = storage();
  let text: string | null;
  try {
    text = store?.getItem(STORAGE_KEY) ?? null;
  } catch {
    text = null;
  }
  const { session, problems } = readSession(text);
  if (text !== null && problems.length > 0) {
    const keptText = keepCorruptText(store, text) ? ` The saved text was kept in localStorage under "${CORRUPT_KEY}".` : '';
    const kept = session ? (session.log ? 'Your files were kept.' : 'Your files were kept, marked as not applied.') : 'The playground started fresh.';
    pushNotice(`Your saved session could not be fully restored (${problems.join('; ')}). ${kept}${keptText}`);
  }
  if (!session) return false;
  const scenario = session.scenario ? findScenario(session.scenario) : undefined;
  scenarioId = scenario?.id;
  scenarioFiles = scenario ? { ...scenario.files } : {};
  scenarioCommands = scenario?.commands.length ?? 0;
  let replayed = false;
  toldStorage = 'ok';
  try {
    if (session.log) {
      replay(session.log, session);
      replayed = true;
    } else {
      if (problems.length === 0) {
        const notice = restoredWithoutLogNotice(session.logLost);
        pushNotice(notice.text, notice.tone);
        // Storage is likely still full: the next save's notice would say the same again.
        if (session.logLost === 'storage-full') toldStorage = 'full';
      }
      startFresh(session);
      scenarioCommands = 0;
    }
  } catch (e) {
    // An engine bug during replay: keep the files, start the cluster fresh, and keep
    // the saved text (the next save replaces it) so the bug can be reproduced.
    console.warn('replaying the saved session failed', e);
    const notice = noticeWhenReplayFailed(text !== null && keepCorruptText(store, text) ? CORRUPT_KEY : undefined);
    pushNotice(notice.text, notice.tone);
    startFresh(session);
    scenarioCommands = 0;
  }
  applySessionUi(session, replayed);
  if (scenarioId) showLesson(scenarioId, session.lesson);
  return true;
}

/** Keeps the stored session before a link replaces it; says whether there was one to keep. */
export function keepPreviousSession(): boolean {
  const store = storage();
  try {
    const text = store?.getItem(STORAGE_KEY);
    if (text) store?.setItem(PREVIOUS_KEY, text);
    return !!text;
  } catch {
    return false; // nothing to keep
  }
}

/**
 * Brings back the session a link set aside: the current one (the example or the shared
 * workspace, saved first) and the kept one trade places, so neither is lost, and autosave
 * stops so the page's last save cannot overwrite the swap. The caller reloads the page,
 * which then restores the person's own work. False when there is nothing to bring back.
 */
export function swapInPreviousSession(): boolean {
  const store = storage();
  try {
    const previous = store?.getItem(PREVIOUS_KEY);
    if (!store || !previous) return false;
    saveNow();
    stopAutosave?.();
    const current = store.getItem(STORAGE_KEY);
    store.setItem(STORAGE_KEY, previous);
    if (current) store.setItem(PREVIOUS_KEY, current);
    else store.removeItem(PREVIOUS_KEY);
    return true;
  } catch {
    return false; // storage blocked or full: the page stays as it is
  }
}

/** The session as it would be saved now. */
export function currentSession(): SavedSession {
  const s = useStore.getState();
  return {
    v: SESSION_VERSION,
    ...(scenarioId ? { scenario: scenarioId } : {}),
    files: { ...s.files },
    order: [...s.fileOrder],
    activeFile: s.activeFile,
    theme: s.theme,
    collapsed: s.collapsed,
    sizes: s.sizes,
    presenter: s.presenter,
    typed: s.typed.slice(-200),
    applied: { ...s.appliedFiles },
    applyAsYouType: s.applyAsYouType,
    ...(s.lesson ? { lesson: { collapsed: s.lesson.collapsed, dismissed: s.lesson.dismissed } } : {}),
    ...withLog(recorder?.toLog() ?? null),
  };
}

/** The log, or why there is none (a recorder that gave up on a long session). */
function withLog(log: ReplayLog | null): Pick<SavedSession, 'log' | 'logLost'> {
  return log ? { log } : { log: null, logLost: 'too-long' };
}

/** Writes the session now (also on page hide, so a crash or a closed tab loses nothing). */
export function saveNow(): void {
  if (saveTimer !== undefined) clearTimeout(saveTimer);
  saveTimer = undefined;
  if (!enabled) return;
  const store = storage();
  if (!store) return;
  const session = currentSession();
  if (trySave(store, session)) {
    toldStorage = 'ok';
    return;
  }
  // Probably full (QuotaExceededError): keep what the person typed (files, tabs,
  // terminal history) and drop the cluster's log, which is most of the size. The
  // session says why it has no log, so the next load tells the person the truth.
  if (session.log && trySave(store, { ...session, log: null, logLost: 'storage-full' })) tellStorage('full');
  else tellStorage('unsaved');
}

function trySave(store: Storage, session: SavedSession): boolean {
  try {
    store.setItem(STORAGE_KEY, JSON.stringify(session));
    return true;
  } catch {
    return false;
  }
}

function tellStorage(problem: 'full' | 'unsaved'): void {
  if (toldStorage === problem) return;
  toldStorage = problem;
  const notice = problem === 'full' ? noticeWhenSavedWithoutLog() : noticeWhenCannotSave();
  pushNotice(notice.text, notice.tone);
}

function scheduleSave(): void {
  // Not a debounce that restarts on every call: while simulated time runs, calls
  // come every 250 ms, and a restarting debounce would never fire.
  if (!enabled || saveTimer !== undefined) return;
  saveTimer = setTimeout(saveNow, SAVE_DELAY_MS);
}

/** Starts saving whenever the work or the layout changes. Not called in embeds. */
/** Stops the running autosave (set by enableAutosave). */
let stopAutosave: (() => void) | undefined;

export function enableAutosave(): () => void {
  enabled = true;
  const unsubscribe = useStore.subscribe((s, prev) => {
    if (s.files !== prev.files || s.fileOrder !== prev.fileOrder || s.activeFile !== prev.activeFile || s.theme !== prev.theme || s.collapsed !== prev.collapsed || s.sizes !== prev.sizes || s.presenter !== prev.presenter || s.typed !== prev.typed || s.appliedFiles !== prev.appliedFiles || s.applyAsYouType !== prev.applyAsYouType || s.lesson !== prev.lesson) scheduleSave();
  });
  const onHide = () => {
    if (document.visibilityState === 'hidden') saveNow();
  };
  window.addEventListener('pagehide', saveNow);
  document.addEventListener('visibilitychange', onHide);
  stopAutosave = () => {
    enabled = false;
    unsubscribe();
    window.removeEventListener('pagehide', saveNow);
    document.removeEventListener('visibilitychange', onHide);
    stopAutosave = undefined;
  };
  return stopAutosave;
}
