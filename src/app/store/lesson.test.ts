/// <reference lib="dom" />
// (The store and persistence use browser globals behind guards; this test runs them in Node.)
// Which example's lesson the store shows, how it survives a reload, and what a
// try-this click does (lesson.ts, persistence.ts).
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadCommandLine } from '../../engine/lean';
import { findScenario, SCENARIOS } from '../../scenarios';
import { advanceTime, initStore } from './actions';
import { runLessonCommand } from '../lesson/lessonCommand';
import { setLessonCollapsed, setLessonDismissed } from './lesson';
import { currentSession, loadScenario, restoreSession, STORAGE_KEY } from './persistence';
import { useStore } from './state';

class MemoryStorage {
  data = new Map<string, string>();
  getItem = (k: string) => this.data.get(k) ?? null;
  setItem = (k: string, v: string) => void this.data.set(k, String(v));
  removeItem = (k: string) => void this.data.delete(k);
}

const selectorTypo = findScenario('selector-typo')!;

beforeAll(() => loadCommandLine());
beforeEach(() => {
  (globalThis as { localStorage?: unknown }).localStorage = new MemoryStorage();
});

describe('the running example’s lesson', () => {
  it('is set when an example loads, unfolded in the full app and folded in an embed', () => {
    loadScenario(SCENARIOS[0]);
    expect(useStore.getState().lesson).toEqual({ scenario: 'welcome', collapsed: false, dismissed: false });
    loadScenario(selectorTypo, { embed: { enabled: true, readOnly: false } });
    expect(useStore.getState().lesson).toEqual({ scenario: 'selector-typo', collapsed: true, dismissed: false });
  });

  it('is unset after a reset without an example, and edits to the files keep it', () => {
    loadScenario(SCENARIOS[0]);
    useStore.getState().cluster.writeFile('web.yaml', 'changed: true\n');
    expect(useStore.getState().lesson?.scenario).toBe('welcome');
    initStore();
    expect(useStore.getState().lesson ?? null).toBeNull();
  });

  it('comes back after a reload folded or closed as it was left; a session from no example shows none', () => {
    loadScenario(selectorTypo);
    setLessonCollapsed(true);
    localStorage.setItem(STORAGE_KEY, JSON.stringify(currentSession()));
    loadScenario(SCENARIOS[0]);
    expect(restoreSession(findScenario)).toBe(true);
    expect(useStore.getState().lesson).toEqual({ scenario: 'selector-typo', collapsed: true, dismissed: false });

    setLessonDismissed(true);
    localStorage.setItem(STORAGE_KEY, JSON.stringify(currentSession()));
    restoreSession(findScenario);
    expect(useStore.getState().lesson?.dismissed).toBe(true);
    // Reopened, it is unfolded.
    setLessonDismissed(false);
    expect(useStore.getState().lesson).toMatchObject({ collapsed: false, dismissed: false });

    const { scenario: _dropped, ...own } = currentSession();
    localStorage.setItem(STORAGE_KEY, JSON.stringify({ ...own, lesson: { collapsed: false, dismissed: false } }));
    restoreSession(findScenario);
    expect(useStore.getState().lesson ?? null).toBeNull();
  });

  it('runs a command as if typed, opening the terminal; a read-only page runs only what changes nothing', () => {
    loadScenario(selectorTypo);
    useStore.setState((s) => ({ collapsed: { ...s.collapsed, terminal: true } }));
    runLessonCommand({ line: 'kubectl get endpoints web' });
    const s = useStore.getState();
    expect(s.collapsed.terminal).toBe(false);
    expect(s.entries.at(-1)).toMatchObject({ line: 'kubectl get endpoints web', source: 'lesson' });
    expect(s.typed.at(-1)).toBe('kubectl get endpoints web');

    useStore.setState({ embed: { enabled: true, readOnly: true } });
    const count = useStore.getState().entries.length;
    runLessonCommand({ line: 'kubectl run client --rm -i --image=busybox:1.36 --restart=Never -- true' });
    expect(useStore.getState().entries.length).toBe(count);
    runLessonCommand({ line: 'kubectl get pods --show-labels' });
    expect(useStore.getState().entries.length).toBe(count + 1);
  });

  it('runs a line naming a Service’s external IP with the IP the cluster gave it, and not before it has one', () => {
    const shop = findScenario('loadbalancer-local')!;
    loadScenario(shop);
    const curl = shop.tryThis![0];
    const count = useStore.getState().entries.length;
    runLessonCommand(curl);
    expect(useStore.getState().entries.length).toBe(count); // EXTERNAL-IP <pending>: nothing ran
    advanceTime(10_000);
    const ip = useStore.getState().cluster.exec('kubectl get svc shop -o jsonpath={.status.loadBalancer.ingress[0].ip}').stdout;
    expect(ip).toMatch(/^203\.0\.113\.\d+$/);
    runLessonCommand(curl);
    expect(useStore.getState().entries.at(-1)).toMatchObject({ line: `curl -v http://${ip}`, source: 'lesson' });
  });
});
