// Starts the playground in two steps, so the first picture never waits for the
// command line's code (kubectl, the manifest parser, curl …, a chunk of its own):
//
// 1. At once (before the first render): start loading the command line, and
//    boot a cluster that has only its nodes and system pods into the store, with
//    the layout, theme and files the page will have, so nothing jumps later.
//    The store says `startup: 'starting'`: step 2 replaces these files, so the
//    editor takes no typing and Apply is off until then (EditorPane.tsx).
// 2. When the command line has arrived: restore the saved session or open an
//    example exactly as before (persistence.ts replaces the starting cluster),
//    or open a share link's workspace (`#w=`, decoded meanwhile by shareLink.ts),
//    start autosave (full app only) and the time ticker; fetch the inspector's
//    code while the page is idle. Settings the person changed meanwhile (theme,
//    panes, the lesson's fold) are laid back over what was restored
//    (startupChanges.ts): nothing the person does is undone by the start.
// 3. When boot's promise has settled, however it went (main.tsx): the start is
//    over (actions.ts settleStartup), and commands typed or clicked meanwhile run,
//    in order, on the cluster the person sees. Step 2 may await: nothing relies on
//    it running in one task.

import { loadCommandLine } from '../engine/lean';
import { initialCollapsed, SHARE_PREFIX, type PageParams } from '../embed/params';
import { preloadInspector } from './inspector/LazyInspectorPane';
import { findScenario, SCENARIOS, type Scenario } from '../scenarios';
import { initStore, setActiveFile } from './store/actions';
import { showLesson } from './store/lesson';
import type { DecodeResult } from '../embed/shareLink';
import { pushNotice } from './store/notices';
import { enableAutosave, keepPreviousSession, loadScenario, loadSharedWorkspace, restoreSession, STORAGE_KEY, swapInPreviousSession } from './store/persistence';
import { readSession, type SavedSession } from './store/session';
import { useStore } from './store/state';
import { keepStartupChanges, readStartupUi, type StartupUi } from './store/startupChanges';
import { startTicker } from './ticker';

const DEFAULT_SEED = 1;
const DEFAULT_NODES = 3;

/**
 * Boots the page. The store is full when this returns (the first render can
 * happen at once); the promise settles when the example or the saved session is
 * running. It rejects only when the command line could not be loaded.
 */
export function boot(params: PageParams): Promise<void> {
  const commandLine = loadCommandLine();
  const link = params.share === undefined ? Promise.resolve(undefined) : readShareLink(params.share);
  showStartingCluster(params);
  const firstPicture = readStartupUi(useStore.getState());
  reloadOnNewShareLink();
  return Promise.all([commandLine, link]).then(([, shared]) => start(params, shared, firstPicture));
}

/** Decodes a share link (its code is a small chunk, fetched only for links). Never rejects. */
function readShareLink(payload: string): Promise<DecodeResult> {
  return import('../embed/shareLink')
    .then((m) => m.decodeWorkspace(payload))
    .catch((e: unknown): DecodeResult => {
      console.warn('reading the share link failed', e);
      return { ok: false, reason: 'the page could not load the code that reads it (reload to try again)' };
    });
}

/** A share link pasted into the address bar of an open page changes only the fragment: open it as a page load would. */
function reloadOnNewShareLink(): void {
  window.addEventListener('hashchange', () => {
    if (location.hash.startsWith(SHARE_PREFIX)) location.reload();
  });
}

/** The saved session, read without side effects (restoreSession reports problems later). */
function peekSession(): SavedSession | null {
  try {
    return readSession(localStorage.getItem(STORAGE_KEY)).session;
  } catch {
    return null; // storage blocked: the page starts with the welcome example
  }
}

/** Step 1: the cluster's nodes in the layout the page will have once it is running. */
function showStartingCluster(params: PageParams): void {
  const collapsed = initialCollapsed(params);
  const scenario = params.scenario ? findScenario(params.scenario) : undefined;
  // A share link's files are known only once it is decoded: until then the cluster is empty.
  const sharing = params.share !== undefined;
  if (params.embed) {
    // The example's files and its lesson show from the first picture (the editor, when
    // shown, is not empty meanwhile; the graph does not shrink under the lesson later).
    const example = sharing ? undefined : scenario ?? SCENARIOS[0];
    initStore({
      seed: DEFAULT_SEED,
      nodes: DEFAULT_NODES,
      files: example?.files ?? {},
      startingCommands: example?.commands,
      embed: { enabled: true, readOnly: params.readOnly },
      theme: params.theme,
      starting: true,
    });
    useStore.setState({ collapsed: collapsed!, sizes: embedSizes() });
    if (example) showLesson(example.id, { collapsed: true });
    return;
  }
  const session = scenario || sharing ? null : peekSession();
  const shown: Scenario | undefined = session || sharing ? undefined : scenario ?? SCENARIOS[0];
  initStore({
    seed: session?.log?.seed ?? DEFAULT_SEED,
    nodes: session?.log?.nodes ?? DEFAULT_NODES,
    files: session?.files ?? shown?.files,
    fileOrder: session?.order,
    activeFile: session?.activeFile,
    theme: params.theme ?? session?.theme,
    startingCommands: shown?.commands,
    starting: true,
  });
  if (session) {
    useStore.setState((s) => ({
      ...(session.collapsed ? { collapsed: session.collapsed } : {}),
      ...(session.sizes ? { sizes: session.sizes } : {}),
      ...(session.presenter !== undefined ? { presenter: session.presenter } : {}),
      ...(session.applied ? { appliedFiles: session.applied } : {}),
      ...(session.activeFile in s.files ? {} : { activeFile: Object.keys(s.files)[0] ?? '' }),
    }));
  }
  if (collapsed) useStore.setState({ collapsed });
  if (params.readOnly) useStore.setState({ embed: { enabled: false, readOnly: true } });
  const lesson = session ? (session.scenario && findScenario(session.scenario) ? session.scenario : undefined) : shown?.id;
  if (lesson) showLesson(lesson, session?.lesson);
}

/** A small frame: the graph gets most of the height. */
function embedSizes() {
  return { editor: 320, inspector: 300, terminal: Math.round(Math.max(100, window.innerHeight * 0.3)) };
}

/** Step 2: the shared workspace, or the example or the saved session, as the page always started. */
function start(params: PageParams, shared: DecodeResult | undefined, firstPicture: StartupUi): void {
  // The tab the person opened while the page started stays open (the files are the same).
  const viewing = useStore.getState().activeFile;
  const beforeStart = readStartupUi(useStore.getState());
  if (shared?.ok) startSharedWorkspace(params, shared.workspace);
  else {
    // A bad link is bad input: say why, and start as the page would without it.
    if (shared) pushNotice(`This share link could not be opened: ${shared.reason}.`);
    startExampleOrSession(params);
  }
  if (viewing && Object.hasOwn(useStore.getState().files, viewing)) setActiveFile(viewing);
  const kept = keepStartupChanges(firstPicture, beforeStart, readStartupUi(useStore.getState()));
  if (Object.keys(kept).length > 0) useStore.setState(kept);
  startTicker();
  preloadWhenIdle();
}

/**
 * The notice action after a link set the person's own work aside: it trades places with
 * what the link opened (so that is kept too) and the page reloads into it.
 */
const BRING_BACK = {
  label: 'Bring back my work',
  run: () => {
    if (swapInPreviousSession()) location.replace(location.pathname);
  },
};

/** What the page says when `scenario=` names no example it has (params.ts keeps the id as text). */
function unknownScenarioNotice(id: string, restoredSession: boolean): string {
  const instead = restoredSession ? 'your saved session is shown instead' : `“${SCENARIOS[0].title}” is shown instead`;
  return `This link asks for the example “${id}”, which this playground does not have; ${instead}. The Examples menu lists the examples there are.`;
}

/** A page link's `scenario=` has done its work: a reload shows what the person does next. */
function dropScenarioParam(): void {
  const url = new URL(location.href);
  url.searchParams.delete('scenario');
  history.replaceState(history.state, '', url);
}

/** Replaces the first picture with the example or the saved session (persistence.ts). */
function startExampleOrSession(params: PageParams): void {
  const collapsed = initialCollapsed(params);
  const scenario = params.scenario ? findScenario(params.scenario) : undefined;
  if (params.embed) {
    // Embeds never touch the full app's saved session: each load is the same scenario.
    loadScenario(scenario ?? SCENARIOS[0], { embed: { enabled: true, readOnly: params.readOnly }, theme: params.theme, collapsed });
    useStore.setState({ sizes: embedSizes() });
    // Whoever wrote the iframe's src sees the typo at once, instead of a silently other example.
    if (params.unknownScenario) pushNotice(unknownScenarioNotice(params.unknownScenario, false));
  } else {
    let restored = false;
    if (scenario) {
      // A link to an example wins; the session it replaces is kept under another key.
      const kept = keepPreviousSession();
      loadScenario(scenario, { theme: params.theme });
      if (kept) pushNotice(`This link opened the example “${scenario.title}”. Your own work from before is kept in this browser.`, 'info', BRING_BACK);
      dropScenarioParam();
    } else {
      restored = restoreSession(findScenario);
    }
    if (!restored && !scenario) loadScenario(SCENARIOS[0], { theme: params.theme });
    if (params.unknownScenario) {
      pushNotice(unknownScenarioNotice(params.unknownScenario, restored));
      dropScenarioParam();
    }
    if (params.theme) useStore.setState({ theme: params.theme });
    if (collapsed) useStore.setState({ collapsed });
    if (params.readOnly) useStore.setState({ embed: { enabled: false, readOnly: true } });
    enableAutosave();
  }
}

/** Opens a share link's files as tabs, each applied in order, as an example opens. */
function startSharedWorkspace(params: PageParams, workspace: Extract<DecodeResult, { ok: true }>['workspace']): void {
  const collapsed = initialCollapsed(params);
  if (params.embed) {
    // Like `scenario=`: no saved session is read or written; each load is the same workspace.
    loadSharedWorkspace(workspace.files, workspace.open, { embed: { enabled: true, readOnly: params.readOnly }, theme: params.theme, collapsed });
    useStore.setState({ sizes: embedSizes() });
    return;
  }
  // As for `?scenario=` links: the person's own session is kept under another key first.
  const kept = keepPreviousSession();
  loadSharedWorkspace(workspace.files, workspace.open, { theme: params.theme });
  const count = workspace.files.length === 1 ? '1 file' : `${workspace.files.length} files`;
  pushNotice(
    `You are looking at a shared workspace (${count}, applied to a fresh cluster). Changes you make are saved in this browser as your session.` +
      (kept ? ' Your own work from before is kept in this browser.' : ''),
    'info',
    kept ? BRING_BACK : undefined,
  );
  // A reload keeps what the person does next instead of opening the link again.
  const url = new URL(location.href);
  url.hash = '';
  history.replaceState(history.state, '', url);
  if (params.theme) useStore.setState({ theme: params.theme });
  if (collapsed) useStore.setState({ collapsed });
  if (params.readOnly) useStore.setState({ embed: { enabled: false, readOnly: true } });
  enableAutosave();
}

/** Code the first picture did not need, fetched while the page is idle, so opening it rarely waits. */
function preloadWhenIdle(): void {
  const run = () => preloadInspector();
  if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 3000 });
  else setTimeout(run, 1000);
}
