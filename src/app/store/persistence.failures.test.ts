/// <reference lib="dom" />
// When the saved session cannot be kept whole: browser storage full (the session is
// saved without its replay log) and a replay that throws (an engine bug). In both
// the person's files come back and a notice says what happened (persistence.ts).
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadCommandLine } from '../../engine/lean';
import { findScenario, SCENARIOS } from '../../scenarios';
import { advanceTime, markApplied, runCommand, writeFile } from './actions';
import { dismissNotice, getNotices } from './notices';
import { CORRUPT_KEY, currentSession, enableAutosave, loadScenario, restoreSession, saveNow, STORAGE_KEY } from './persistence';
import { readSession } from './session';
import { useStore } from './state';

// An engine with a bug: the command line `kubectl crash-the-engine` and an advance of
// 13 371 ms throw, as an engine bug would mid-replay. Everything else is the real engine.
vi.mock('../../engine/lean', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../engine/lean')>();
  return {
    ...real,
    createCluster: (...args: Parameters<typeof real.createCluster>) => {
      const cluster = real.createCluster(...args);
      const exec = cluster.exec.bind(cluster);
      const advance = cluster.advance.bind(cluster);
      cluster.exec = (line, stdin) => {
        if (line === 'kubectl crash-the-engine') throw new TypeError('an engine bug');
        return exec(line, stdin);
      };
      cluster.advance = (ms) => {
        if (ms === 13_371) throw new RangeError('an engine bug');
        advance(ms);
      };
      return cluster;
    },
  };
});

/** localStorage with a quota: a write that would pass it throws QuotaExceededError, as browsers do. */
class QuotaStorage {
  data = new Map<string, string>();
  quota = Infinity;
  used = () => [...this.data].reduce((n, [k, v]) => n + k.length + v.length, 0);
  getItem = (k: string) => this.data.get(k) ?? null;
  setItem = (k: string, v: string) => {
    const after = this.used() - (this.data.has(k) ? k.length + this.data.get(k)!.length : 0) + k.length + v.length;
    if (after > this.quota) throw new DOMException(`Setting the value of '${k}' exceeded the quota.`, 'QuotaExceededError');
    this.data.set(k, String(v));
  };
  removeItem = (k: string) => void this.data.delete(k);
}

const NS = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n';
const DRAFT = 'kind: ConfigMap # typed, never applied\n';
const lastNotice = () => getNotices().at(-1);
const unappliedTabs = () => {
  const { files, fileOrder, appliedFiles } = useStore.getState();
  return fileOrder.filter((f) => appliedFiles[f] !== files[f]);
};

let storage: QuotaStorage;
let stopAutosave: (() => void) | undefined;
beforeAll(() => loadCommandLine());
beforeEach(() => {
  storage = new QuotaStorage();
  (globalThis as { localStorage?: unknown }).localStorage = storage;
  // enableAutosave listens for the page being hidden; Node has no window or document.
  Object.assign(globalThis, { window: new EventTarget(), document: Object.assign(new EventTarget(), { visibilityState: 'visible' }) });
  for (const n of getNotices()) dismissNotice(n.id);
});
afterEach(() => stopAutosave?.());

/** The welcome example, a namespace applied from ns.yaml, and a draft typed but never applied. */
function work(): void {
  loadScenario(SCENARIOS[0]);
  markApplied('web.yaml', useStore.getState().files['web.yaml']);
  writeFile('ns.yaml', NS);
  runCommand('kubectl apply -f ns.yaml');
  markApplied('ns.yaml', NS);
  advanceTime(5_000);
  writeFile('draft.yaml', DRAFT);
  useStore.setState({ typed: ['kubectl apply -f ns.yaml'] });
  stopAutosave = enableAutosave();
}

describe('browser storage full', () => {
  it('saves the files without the cluster, says so, and after a reload says storage was full (not "too long")', () => {
    work();
    const full = JSON.stringify(currentSession()).length + STORAGE_KEY.length;
    const withoutLog = JSON.stringify({ ...currentSession(), log: null, logLost: 'storage-full' }).length + STORAGE_KEY.length;
    storage.quota = Math.round((full + withoutLog) / 2); // room for the files, not for the log
    saveNow();

    const saved = JSON.parse(storage.getItem(STORAGE_KEY)!);
    expect(saved).toMatchObject({ v: 2, log: null, logLost: 'storage-full', typed: ['kubectl apply -f ns.yaml'] });
    expect(saved.files['draft.yaml']).toBe(DRAFT);
    expect(lastNotice()).toMatchObject({
      tone: 'warn',
      text: "Browser storage is full: your files, tabs and terminal history are saved, but not the cluster, so after a reload it starts fresh and your files need applying again. Free some of this site's browser storage to have the cluster saved too.",
    });
    // Time runs, so saves come every half second: a dismissed notice stays dismissed.
    dismissNotice(lastNotice()!.id);
    advanceTime(250);
    saveNow();
    expect(getNotices()).toEqual([]);

    stopAutosave?.();
    loadScenario(SCENARIOS[1]); // the reload
    expect(restoreSession(findScenario)).toBe(true);
    expect(getNotices().map((n) => n.text)).toEqual([
      "Browser storage was full when your session was last saved, so the cluster was not saved and started fresh; your files, tabs and terminal history were kept. Your files are back, marked as not applied: apply them to create their objects again. Free some of this site's browser storage to have the cluster saved too.",
    ]);
    const s = useStore.getState();
    expect(s.files).toEqual(saved.files);
    expect(s.typed).toEqual(['kubectl apply -f ns.yaml']);
    expect(unappliedTabs()).toEqual(['web.yaml', 'ns.yaml', 'draft.yaml']);
    expect(s.cluster.exec('kubectl get namespace shop').exitCode).toBe(1);

    // Storage is still full: the first save after the reload does not say it a second time.
    stopAutosave = enableAutosave();
    saveNow();
    expect(getNotices()).toHaveLength(1);
    expect(JSON.parse(storage.getItem(STORAGE_KEY)!).files).toEqual(saved.files);
  });

  it('saves the cluster again, and says nothing, once there is room', () => {
    work();
    storage.quota = JSON.stringify(currentSession()).length; // just too small
    saveNow();
    expect(JSON.parse(storage.getItem(STORAGE_KEY)!).logLost).toBe('storage-full');
    storage.quota = Infinity;
    saveNow();
    expect(readSession(storage.getItem(STORAGE_KEY)).session?.log?.entries.length).toBeGreaterThan(0);
    loadScenario(SCENARIOS[1]);
    for (const n of getNotices()) dismissNotice(n.id);
    expect(restoreSession(findScenario)).toBe(true);
    expect(getNotices()).toEqual([]);
    expect(useStore.getState().cluster.exec('kubectl get namespace shop').exitCode).toBe(0);
  });

  it('says a reload would lose the latest changes when even the files do not fit, and keeps the last save', () => {
    work();
    saveNow();
    const before = storage.getItem(STORAGE_KEY);
    storage.quota = storage.used(); // nothing more fits
    writeFile('draft.yaml', DRAFT + '# and a long line typed afterwards '.repeat(500));
    saveNow();
    expect(storage.getItem(STORAGE_KEY)).toBe(before);
    expect(lastNotice()?.text).toBe(
      'Browser storage is full or blocked: your latest changes are not saved, and a reload would lose them. Before reloading, keep your files elsewhere: the Share button puts them in a link.',
    );
  });

  it('reads a session saved before the format said why its log is missing, without guessing the reason', () => {
    const files = { 'a.yaml': 'x: 1\n' };
    storage.setItem(STORAGE_KEY, JSON.stringify({ v: 1, files, activeFile: 'a.yaml', typed: ['kubectl get pods'], applied: files, log: null }));
    expect(restoreSession(findScenario)).toBe(true);
    expect(useStore.getState().files).toEqual(files);
    expect(useStore.getState().typed).toEqual(['kubectl get pods']);
    expect(unappliedTabs()).toEqual(['a.yaml']);
    expect(lastNotice()).toMatchObject({
      tone: 'info',
      text: "Your last session's cluster was not saved (it was too long to replay, or browser storage was full), so the cluster started fresh. Your files are back, marked as not applied: apply them to create their objects again.",
    });
  });
});

describe('a replay that throws (an engine bug)', () => {
  it.each([
    ['a command', { t: 'cmd', line: 'kubectl crash-the-engine' }],
    ['a time advance', { t: 'advance', ms: 13_371 }],
  ])('rebuilds nothing half-way when %s throws: the files come back not applied, with a notice, and the page works on', (_, crash) => {
    work();
    const session = currentSession();
    const log = session.log!;
    // The namespace was created before the entry that throws; the cluster must not keep half a replay.
    const text = JSON.stringify({ ...session, log: { ...log, entries: [...log.entries, crash, { t: 'cmd', line: 'kubectl create namespace after' }] } });
    storage.setItem(STORAGE_KEY, text);
    stopAutosave?.();
    loadScenario(SCENARIOS[1]);
    for (const n of getNotices()) dismissNotice(n.id);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});

    expect(restoreSession(findScenario)).toBe(true);
    expect(warn).toHaveBeenCalledWith('replaying the saved session failed', expect.any(Error));
    warn.mockRestore();
    expect(getNotices().map((n) => [n.tone, n.text])).toEqual([
      [
        'warn',
        `The saved cluster could not be rebuilt (a bug in the playground), so it started fresh. Your files are back, marked as not applied: apply them to create their objects again. The saved session was kept in localStorage under "${CORRUPT_KEY}".`,
      ],
    ]);
    expect(storage.getItem(CORRUPT_KEY)).toBe(text); // for a bug report: the next save replaces the session
    const s = useStore.getState();
    expect(s.files).toEqual(session.files);
    expect(s.files['draft.yaml']).toBe(DRAFT);
    expect(s.fileOrder).toEqual(session.order);
    expect(s.typed).toEqual(['kubectl apply -f ns.yaml']);
    expect(unappliedTabs()).toEqual(['web.yaml', 'ns.yaml', 'draft.yaml']);
    expect(s.traces).toEqual([]);
    expect(s.cluster.exec('kubectl get namespace shop').exitCode).toBe(1);
    expect(s.cluster.exec('kubectl get nodes').exitCode).toBe(0);

    // What is saved next is the fresh cluster's log, so the following reload does not fail again.
    runCommand('kubectl apply -f ns.yaml');
    storage.setItem(STORAGE_KEY, JSON.stringify(currentSession()));
    loadScenario(SCENARIOS[1]);
    for (const n of getNotices()) dismissNotice(n.id);
    expect(restoreSession(findScenario)).toBe(true);
    expect(getNotices()).toEqual([]);
    expect(useStore.getState().cluster.exec('kubectl get namespace shop').exitCode).toBe(0);
    expect(useStore.getState().files['draft.yaml']).toBe(DRAFT);
  });
});
