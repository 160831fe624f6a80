/// <reference lib="dom" />
// (The store and persistence use browser globals behind guards; this test runs them in Node.)
// The replay log rebuilds the same cluster after a reload (persistence.ts, session.ts).
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadCommandLine } from '../../engine/lean';
import { findScenario, SCENARIOS } from '../../scenarios';
import { installAppliedTracker } from '../editor/appliedTracker';
import { tabState } from '../editor/tabState';
import { advanceTime, closeEditor, initStore, markApplied, renameFile, runCommand, startCommand, writeFile } from './actions';
import { getNotices } from './notices';
import { CORRUPT_KEY, currentSession, hasUnsavedWork, keepPreviousSession, loadScenario, loadSharedWorkspace, PREVIOUS_KEY, restoreSession, STORAGE_KEY } from './persistence';
import { LogRecorder, MAX_LOG_ENTRIES, readSession } from './session';
import { useStore } from './state';

class MemoryStorage {
  data = new Map<string, string>();
  getItem = (k: string) => this.data.get(k) ?? null;
  setItem = (k: string, v: string) => void this.data.set(k, String(v));
  removeItem = (k: string) => void this.data.delete(k);
}

const state = () => useStore.getState().cluster.exec('kubectl get all,endpointslices,namespaces -A -o yaml').stdout;

let storage: MemoryStorage;
// The store runs the lean engine; the page loads its command line at boot (boot.ts), so do the tests.
beforeAll(() => loadCommandLine());
beforeEach(() => {
  storage = new MemoryStorage();
  (globalThis as { localStorage?: unknown }).localStorage = storage;
});

describe('persistence', () => {
  it('replays commands, edits, time and requests into the same cluster', () => {
    loadScenario(SCENARIOS[0]);
    expect(hasUnsavedWork()).toBe(false);
    advanceTime(5_000);
    runCommand('kubectl create namespace shop');
    advanceTime(250);
    advanceTime(250);
    writeFile('extra.yaml', 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: half\n');
    writeFile('extra.yaml', 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: extra\n');
    runCommand('kubectl apply -f extra.yaml');
    runCommand('kubectl scale deployment web --replicas=5');
    advanceTime(500);
    runCommand('kubectl delete pod ' + firstPod());
    advanceTime(20_000);
    writeFile('draft.yaml', 'not applied yet: {');
    useStore.setState({ typed: ['kubectl get pods'] });
    expect(hasUnsavedWork()).toBe(true);

    const before = state();
    storage.setItem(STORAGE_KEY, JSON.stringify(currentSession()));
    useStore.setState({}, false);
    loadScenario(SCENARIOS[1]); // something else entirely in between
    expect(restoreSession(findScenario)).toBe(true);
    expect(state()).toBe(before);
    expect(useStore.getState().files['draft.yaml']).toBe('not applied yet: {');
    expect(useStore.getState().typed).toEqual(['kubectl get pods']);
    expect(useStore.getState().traces).toEqual([]);
    expect(useStore.getState().cluster.exec('kubectl get ns shop -o name').stdout).toBe('namespace/shop\n');
  });

  it('replays a command that kept running (port-forward &) with the requests it carried, then its Ctrl-C', () => {
    loadScenario(SCENARIOS[0]);
    advanceTime(20_000);
    const exec = (line: string) => useStore.getState().cluster.exec(line);
    // Every pod's access log: the forwarded requests leave lines in the one pod they reached.
    const accessLogs = () => exec('kubectl get pods -o name').stdout.trim().split('\n').map((p) => exec(`kubectl logs ${p}`).stdout).join('\n--\n');
    const forward = startCommand('kubectl port-forward svc/web 8080:80');
    expect(runCommand('curl -s localhost:8080').exitCode).toBe(0);
    advanceTime(1_000);
    forward.interrupt();
    expect(runCommand('curl -s localhost:8080').stderr).toBe('');
    expect(runCommand('curl -s localhost:8080').exitCode).toBe(7); // refused: nothing forwards any more
    advanceTime(1_000);
    const before = { state: state(), logs: accessLogs() };
    expect(before.logs).toMatch(/"GET \/ HTTP\/1\.1" 200/);

    storage.setItem(STORAGE_KEY, JSON.stringify(currentSession()));
    loadScenario(SCENARIOS[1]);
    expect(restoreSession(findScenario)).toBe(true);
    expect({ state: state(), logs: accessLogs() }).toEqual(before);
    // The forward ended with its Ctrl-C, and a reload ends any still running: port 8080 is free.
    expect(exec('curl -s localhost:8080').exitCode).toBe(7);
  });

  it('replays kubectl edit as it went: an invalid Done, then a valid one, at the times they happened', () => {
    loadScenario(SCENARIOS[0]);
    advanceTime(5_000);
    const edit = startCommand('kubectl edit svc web');
    const path = useStore.getState().activeFile;
    expect(path).toMatch(/^tmp\/kubectl-edit-/);
    writeFile(path, useStore.getState().files[path].replace(/type: \w+/, 'type: Bogus'));
    closeEditor(path);
    advanceTime(3_000);
    // Reopened in a new temp file, the active tab.
    const reopened = useStore.getState().activeFile;
    expect(reopened).not.toBe(path);
    writeFile(reopened, useStore.getState().files[reopened].replace('type: Bogus', 'type: LoadBalancer'));
    closeEditor(reopened);
    expect(edit.done).toBe(true);
    advanceTime(10_000);
    const before = state();
    expect(before).toMatch(/type: LoadBalancer/);

    storage.setItem(STORAGE_KEY, JSON.stringify(currentSession()));
    loadScenario(SCENARIOS[1]);
    expect(restoreSession(findScenario)).toBe(true);
    expect(state()).toBe(before);
    expect(Object.keys(useStore.getState().files).filter((f) => f.startsWith('tmp/'))).toEqual([]);
  });

  it('ends, after a reload, a command left running when the page closed', () => {
    loadScenario(SCENARIOS[0]);
    advanceTime(20_000);
    startCommand('kubectl port-forward svc/web 8080:80');
    storage.setItem(STORAGE_KEY, JSON.stringify(currentSession()));
    loadScenario(SCENARIOS[1]);
    expect(restoreSession(findScenario)).toBe(true);
    const again = startCommand('kubectl port-forward svc/web 8080:80');
    expect(again.read().map((c) => c.text).join('')).toMatch(/^Forwarding from 127\.0\.0\.1:8080 -> 80\n/);
  });

  it('replays requests sent outside commands (a traffic generator) by count', () => {
    loadScenario(SCENARIOS[0]);
    runCommand('kubectl create namespace shop');
    for (let i = 0; i < 20; i++) {
      useStore.getState().cluster.trace({ from: { kind: 'workstation' }, url: 'http://192.168.49.2:' + nodePort() });
      advanceTime(100);
    }
    runCommand('kubectl scale deployment web --replicas=4');
    advanceTime(30_000);
    const log = currentSession().log;
    expect(log?.entries.filter((e) => e.t === 'trace')).toHaveLength(1);
    storage.setItem(STORAGE_KEY, JSON.stringify(currentSession()));
    expect(restoreSession(findScenario)).toBe(true);
    const c = useStore.getState().cluster;
    expect(c.exec('kubectl get ns shop -o name').stdout).toBe('namespace/shop\n');
    expect(c.exec('kubectl get deploy web -o jsonpath={.status.readyReplicas}').stdout).toBe('4');
  });

  it('restores what each file was when last applied, so only tabs edited since stay marked', () => {
    loadScenario(SCENARIOS[0]);
    writeFile('ns.yaml', 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n');
    runCommand('kubectl apply -f ns.yaml');
    markApplied('ns.yaml', useStore.getState().files['ns.yaml']); // what the editor's tracker does after that command
    markApplied('web.yaml', useStore.getState().files['web.yaml']);
    writeFile('draft.yaml', 'x: 1\n');
    storage.setItem(STORAGE_KEY, JSON.stringify(currentSession()));
    loadScenario(SCENARIOS[1]);
    expect(restoreSession(findScenario)).toBe(true);
    const { files, appliedFiles } = useStore.getState();
    const dirty = Object.keys(files).filter((f) => appliedFiles[f] !== files[f]);
    expect(dirty).toEqual(['draft.yaml']);
  });

  it('opens a shared workspace as an example opens: tabs in its order, its open tab, each file applied in turn', () => {
    loadScenario(SCENARIOS[0]);
    writeFile('mine.yaml', 'x: 1\n');
    storage.setItem(STORAGE_KEY, JSON.stringify(currentSession()));
    expect(keepPreviousSession()).toBe(true);
    const ns = (name: string) => `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${name}\n`;
    loadSharedWorkspace(
      [
        ['zeta.yaml', ns('zeta')],
        ['alpha.yaml', ns('alpha')],
        ['empty.yaml', ''],
      ],
      'alpha.yaml',
    );
    const s = useStore.getState();
    expect(s.fileOrder).toEqual(['zeta.yaml', 'alpha.yaml', 'empty.yaml']);
    expect(s.activeFile).toBe('alpha.yaml');
    expect(s.lesson).toBeUndefined();
    expect(s.entries.map((e) => e.line)).toEqual(['kubectl apply -f zeta.yaml', 'kubectl apply -f alpha.yaml', 'kubectl apply -f empty.yaml']);
    expect(s.cluster.exec('kubectl get namespace zeta alpha').exitCode).toBe(0);
    expect(hasUnsavedWork()).toBe(false);
    expect(storage.getItem(PREVIOUS_KEY)).toContain('mine.yaml');
    // Saved as the person's session from now on (no example), and restored as it was.
    storage.setItem(STORAGE_KEY, JSON.stringify(currentSession()));
    loadScenario(SCENARIOS[1]);
    expect(restoreSession(findScenario)).toBe(true);
    expect(useStore.getState().fileOrder).toEqual(['zeta.yaml', 'alpha.yaml', 'empty.yaml']);
    expect(useStore.getState().activeFile).toBe('alpha.yaml');
  });

  it('keeps the tabs in the order they were created, through ticks, a rename and a reload', () => {
    loadScenario(SCENARIOS[0]);
    writeFile('zeta.yaml', 'x: 1\n');
    writeFile('alpha.yaml', 'x: 2\n');
    advanceTime(250); // a tick re-reads the cluster, which lists its files by name
    expect(useStore.getState().fileOrder).toEqual(['web.yaml', 'zeta.yaml', 'alpha.yaml']);
    renameFile('zeta.yaml', 'mid.yaml');
    expect(useStore.getState().fileOrder).toEqual(['web.yaml', 'mid.yaml', 'alpha.yaml']);
    storage.setItem(STORAGE_KEY, JSON.stringify(currentSession()));
    loadScenario(SCENARIOS[1]);
    expect(restoreSession(findScenario)).toBe(true);
    expect(useStore.getState().fileOrder).toEqual(['web.yaml', 'mid.yaml', 'alpha.yaml']);
    expect(readSession(storage.getItem(STORAGE_KEY)).session?.order).toEqual(['web.yaml', 'mid.yaml', 'alpha.yaml']); // what the first picture (boot.ts) reads
  });

  it('restores a session saved before tabs had an order in the order of its files', () => {
    const files = { 'web.yaml': 'x: 1\n', 'b.yaml': 'x: 2\n' };
    storage.setItem(STORAGE_KEY, JSON.stringify({ v: 1, files, activeFile: 'b.yaml', typed: [], applied: files, log: { seed: 1, nodes: 3, entries: [] } }));
    expect(restoreSession(findScenario)).toBe(true);
    const s = useStore.getState();
    expect(s.fileOrder).toEqual(['web.yaml', 'b.yaml']);
    expect(s.activeFile).toBe('b.yaml');
    expect(s.appliedFiles).toEqual(files);
  });

  it('marks every tab not applied, and says so, when the session was too long to replay', () => {
    loadScenario(SCENARIOS[0]);
    markApplied('web.yaml', useStore.getState().files['web.yaml']); // the welcome example applied it
    writeFile('ns.yaml', 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n');
    runCommand('kubectl apply -f ns.yaml');
    markApplied('ns.yaml', useStore.getState().files['ns.yaml']);
    storage.setItem(STORAGE_KEY, JSON.stringify({ ...currentSession(), log: null, logLost: 'too-long' })); // what an overflowed recorder saves
    // The first picture (boot.ts) reads the same validated session: no applied texts without the cluster they went to.
    expect(readSession(storage.getItem(STORAGE_KEY)).session?.applied).toBeUndefined();
    expect(restoreSession(findScenario)).toBe(true);
    const { files, fileOrder, appliedFiles, cluster } = useStore.getState();
    expect(fileOrder.filter((f) => appliedFiles[f] !== files[f])).toEqual(['web.yaml', 'ns.yaml']);
    expect(cluster.exec('kubectl get namespace shop -o name').stderr).toMatch(/not found/);
    expect(getNotices().at(-1)?.text).toBe('Your last session was too long to replay, so the cluster started fresh. Your files are back, marked as not applied: apply them to create their objects again.');
  });

  it('shows an example\'s files as starting, not changed, until its boot commands have applied them', () => {
    installAppliedTracker();
    const scenario = findScenario('network-policy')!;
    const states = () => {
      const s = useStore.getState();
      return Object.fromEntries(s.fileOrder.map((f) => [f, tabState(s.files[f], s.appliedFiles[f], s.startingFiles[f])]));
    };
    // The first picture, before the command line has arrived (boot.ts).
    initStore({ files: scenario.files, startingCommands: scenario.commands });
    expect(states()).toEqual({ 'apps.yaml': 'starting', 'deny.yaml': 'starting', 'allow.yaml': 'unapplied' });
    loadScenario(scenario);
    expect(states()).toEqual({ 'apps.yaml': 'clean', 'deny.yaml': 'clean', 'allow.yaml': 'unapplied' });
    writeFile('apps.yaml', scenario.files['apps.yaml'] + '# edited\n');
    expect(states()['apps.yaml']).toBe('changed');
  });

  it('keeps corrupt text and starts fresh with a notice', () => {
    storage.setItem(STORAGE_KEY, '{"v":1,"files":{"__proto__":1}');
    expect(restoreSession(findScenario)).toBe(false);
    expect(storage.getItem(CORRUPT_KEY)).toBe('{"v":1,"files":{"__proto__":1}');
    expect(getNotices().at(-1)?.text).toMatch(/could not be fully restored/);
  });

  it('refuses a saved request the engine cannot take, instead of replaying it', () => {
    // A request's method must be a string: the engine upper-cases it (dataplane/trace.ts), and a number made the replay throw.
    const request = { from: { kind: 'workstation' }, url: 'http://192.168.49.2:30080', method: 5 };
    const text = JSON.stringify({ v: 2, files: { 'a.yaml': 'x: 1' }, activeFile: 'a.yaml', typed: [], log: { seed: 1, nodes: 3, entries: [{ t: 'trace', request, n: 1 }] } });
    expect(readSession(text).problems).toEqual(['the cluster log was unreadable, so the cluster started fresh']);
    const sound = { from: { kind: 'pod', namespace: 'default', name: 'web-1' }, url: 'http://web', method: 'POST', headers: { 'x-a': 'b' } };
    expect(readSession(text.replace(JSON.stringify(request), JSON.stringify(sound))).session?.log?.entries).toEqual([{ t: 'trace', request: sound, n: 1 }]);
  });

  it('numbers running commands in the log, across a reload, and refuses a hostile number', () => {
    const a = {};
    const b = {};
    const first = new LogRecorder(1, 3);
    first.record({ t: 'start', line: 'kubectl get pods -w', token: a });
    first.record({ t: 'stop', token: a });
    first.record({ t: 'stop', token: {} }); // a command the log never saw start: nothing to replay
    const reloaded = new LogRecorder(1, 3, first.toLog()!.entries);
    reloaded.record({ t: 'start', line: 'kubectl port-forward svc/web 8080:80', token: b });
    reloaded.record({ t: 'stop', token: b });
    expect(reloaded.toLog()!.entries).toEqual([
      { t: 'start', line: 'kubectl get pods -w', id: 0 },
      { t: 'stop', id: 0 },
      { t: 'start', line: 'kubectl port-forward svc/web 8080:80', id: 1 },
      { t: 'stop', id: 1 },
    ]);
    const saved = (entries: unknown[]) => JSON.stringify({ v: 2, files: {}, activeFile: '', typed: [], log: { seed: 1, nodes: 3, entries } });
    expect(readSession(saved(reloaded.toLog()!.entries)).session?.log?.entries).toHaveLength(4);
    for (const id of [-1, 0.5, 1e9, '0', null]) {
      expect(readSession(saved([{ t: 'stop', id }])).problems).toEqual(['the cluster log was unreadable, so the cluster started fresh']);
    }
  });

  it('keeps the files when only the log is broken', () => {
    storage.setItem(STORAGE_KEY, JSON.stringify({ v: 1, files: { 'a.yaml': 'x: 1' }, activeFile: 'a.yaml', typed: [], log: { seed: 1, nodes: 3, entries: [{ t: 'rm -rf' }] } }));
    expect(restoreSession(findScenario)).toBe(true);
    expect(useStore.getState().files).toEqual({ 'a.yaml': 'x: 1' });
    expect(getNotices().at(-1)?.text).toMatch(/cluster log was unreadable/);
  });
});

describe('LogRecorder', () => {
  it('folds advances, keeps only the last write before a command, and folds repeated requests', () => {
    const r = new LogRecorder(1, 3);
    r.record({ t: 'advance', ms: 250 });
    r.record({ t: 'advance', ms: 250 });
    r.record({ t: 'write', path: 'a', text: '1' });
    r.record({ t: 'advance', ms: 250 });
    r.record({ t: 'write', path: 'a', text: '2' });
    r.record({ t: 'cmd', line: 'kubectl apply -f a' });
    const request = { from: { kind: 'workstation' as const }, url: 'http://x' };
    r.record({ t: 'trace', request });
    r.record({ t: 'advance', ms: 100 });
    r.record({ t: 'trace', request });
    expect(r.toLog()?.entries).toEqual([
      { t: 'advance', ms: 750 },
      { t: 'write', path: 'a', text: '2' },
      { t: 'cmd', line: 'kubectl apply -f a' },
      { t: 'trace', request, n: 2 },
      { t: 'advance', ms: 100 },
    ]);
  });

  it('gives up the log (not the files) past the cap', () => {
    const r = new LogRecorder(1, 3);
    for (let i = 0; i <= MAX_LOG_ENTRIES; i++) r.record({ t: 'cmd', line: `echo ${i}` });
    expect(r.overflowed).toBe(true);
    expect(r.toLog()).toBeNull();
  });
});

describe('readSession', () => {
  it.each([
    ['null', 'not an object'],
    ['[]', 'not an object'],
    ['{"v":3}', 'unknown version'],
    ['{"v":1,"files":"x"}', 'files are unreadable'],
    ['{"v":1,"files":{"../../etc":"x"}}', 'files are unreadable'],
    ['{', 'not valid JSON'],
  ])('%s is refused', (text, problem) => {
    const { session, problems } = readSession(text);
    expect(session).toBeNull();
    expect(problems.join()).toContain(problem);
  });
});

function nodePort(): number {
  const svc = useStore.getState().snapshot.objects.Service.find((s) => s.metadata.name === 'web') as unknown as { spec: { ports: { nodePort: number }[] } };
  return svc.spec.ports[0].nodePort;
}

function firstPod(): string {
  return useStore.getState().snapshot.objects.Pod.find((p) => p.metadata.namespace === 'default')?.metadata.name ?? '';
}
