/// <reference lib="dom" />
// `kubectl edit` typed in the page's terminal, wired through the store as on the page
// (sessionBinding.ts): its file opens as the active tab, Done (closeEditor) hands it back
// to kubectl, Ctrl+C cancels, and a reload can replay the edit.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCommandLine } from '../../engine/lean';
import { SCENARIOS } from '../../scenarios';
import { bindSession, storeSessionDeps } from '../terminal/sessionBinding';
import { TerminalSession } from '../terminal/terminalSession';
import { FakeScreen } from '../terminal/testing/fakeScreen';
import { type ClusterInput, closeEditor, createFile, initStore, setInputRecorder, writeFile } from './actions';
import { useStore } from './state';

beforeAll(() => loadCommandLine());

function mount() {
  const welcome = SCENARIOS[0];
  initStore({ files: welcome.files, commands: welcome.commands });
  useStore.setState({ collapsed: { editor: true, terminal: false, inspector: true } });
  const screen = new FakeScreen(100);
  const session = new TerminalSession(screen, storeSessionDeps, { readOnly: false });
  const unbind = bindSession(session);
  const inputs: ClusterInput[] = [];
  setInputRecorder((input) => inputs.push(input));
  return { screen, session, unbind, inputs };
}

describe('kubectl edit in the page', () => {
  it('opens its file as the active tab (the editor pane unfolds) and holds the terminal until Done; then `service/web edited` and the tab that was open', () => {
    const { screen, session, unbind, inputs } = mount();
    session.input('kubectl edit svc web\r');
    const { editing, activeFile, files, collapsed } = useStore.getState();
    const path = Object.keys(editing)[0];
    expect(path).toMatch(/^tmp\/kubectl-edit-[a-z0-9]{5}\.yaml$/);
    expect(Object.entries(editing).map(([name, e]) => [name, e.handle.line])).toEqual([[path, 'kubectl edit svc web']]);
    expect([activeFile, collapsed.editor]).toEqual([path, false]);
    expect(files[path]).toContain('  type: NodePort\n');
    expect(session.busy).toBe(true);
    // A resize (the editor pane unfolding) draws no prompt under the running command.
    session.redraw();
    expect(screen.lines().at(-1)).toBe('$ kubectl edit svc web');

    const edited = files[path].replace('type: NodePort', 'type: LoadBalancer');
    writeFile(path, edited);
    closeEditor(path);
    expect(screen.lines().slice(-2)).toEqual(['service/web edited', '$']);
    expect(session.busy).toBe(false);
    const after = useStore.getState();
    expect([after.editing, after.activeFile, path in after.files]).toEqual([{}, 'web.yaml', false]);
    expect(after.snapshot.objects.Service.find((s) => s.metadata.name === 'web')?.spec).toMatchObject({ type: 'LoadBalancer' });
    // What a reload replays: the edit started, then its editor closed with the text the person left.
    const start = inputs.find((i) => i.t === 'start');
    expect(start).toEqual({ t: 'start', line: 'kubectl edit svc web', token: expect.any(Object) });
    expect(inputs.filter((i) => i.t === 'close')).toEqual([{ t: 'close', token: start && 'token' in start ? start.token : undefined, path, text: edited }]);
    unbind();
  });

  it('an invalid edit keeps the tab open with the reasons on top; Ctrl+C then cancels and the tab goes away', () => {
    const { screen, session, unbind } = mount();
    session.input('kubectl edit svc web\r');
    const path = useStore.getState().activeFile;
    writeFile(path, useStore.getState().files[path].replace('type: NodePort', 'type: Bogus'));
    closeEditor(path);
    expect(screen.lines().at(-1)).toBe('error: services "web" is invalid');
    // kubectl's editor runs again on a new temp file (editor.go LaunchTempFile): the tab follows it.
    const reopened = useStore.getState().activeFile;
    expect(reopened).toMatch(/^tmp\/kubectl-edit-[a-z0-9]{5}\.yaml$/);
    expect(reopened).not.toBe(path);
    expect(Object.entries(useStore.getState().editing).map(([name, e]) => [name, e.handle.line])).toEqual([[reopened, 'kubectl edit svc web']]);
    expect(useStore.getState().files[reopened]).toContain('# services "web" was not valid:\n# * spec.type: Unsupported value: "Bogus"');
    session.input('\x03');
    expect(screen.lines().slice(-2)).toEqual(['^C', '$']);
    expect([useStore.getState().editing, useStore.getState().activeFile, path in useStore.getState().files, reopened in useStore.getState().files]).toEqual([{}, 'web.yaml', false, false]);
    unbind();
  });

  it('gives the tab back to the file that was open, not the first one; a kept copy of refused changes stays open', () => {
    const { screen, session, unbind } = mount();
    createFile('notes.yaml', '# notes\n');
    session.input('kubectl edit svc web\r');
    const first = useStore.getState().activeFile;
    session.input('\x03');
    expect([useStore.getState().activeFile, useStore.getState().fileOrder]).toEqual(['notes.yaml', ['web.yaml', 'notes.yaml']]);

    session.input('kubectl edit svc web\r');
    const path = useStore.getState().activeFile;
    expect(path).not.toBe(first);
    writeFile(path, useStore.getState().files[path].replace('type: NodePort', 'type: Bogus'));
    closeEditor(path);
    const reopened = useStore.getState().activeFile;
    closeEditor(reopened);
    expect(screen.lines().slice(-3)).toEqual([`A copy of your changes has been stored to "/${reopened}"`, 'error: Edit cancelled, no valid changes were saved.', '$']);
    // Both passes' files stay, as upstream's short-circuit leaves them.
    expect([useStore.getState().editing, useStore.getState().activeFile, path in useStore.getState().files, reopened in useStore.getState().files]).toEqual([{}, reopened, true, true]);
    unbind();
  });
});
