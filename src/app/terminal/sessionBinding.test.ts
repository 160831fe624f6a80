/// <reference lib="dom" />
// (The store uses browser globals behind guards; this test runs it in Node.)
// Commands given while the page starts — typed in the terminal or a lesson's try-this
// clicked — wait in the store's one queue and run, in the order given, once the start
// is over (settleStartup), on the cluster the person sees. The terminal is wired to the
// store exactly as on the page (sessionBinding.ts), drawing on a FakeScreen.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCommandLine } from '../../engine/lean';
import { resolveTryCommand, SCENARIOS } from '../../scenarios';
import { resolveLessonCommand, runLessonCommand } from '../lesson/lessonCommand';
import { advanceTime, initStore, runCommand, settleStartup, startupFailed } from '../store/actions';
import { useStore } from '../store/state';
import { bindSession, storeSessionDeps } from './sessionBinding';
import { TerminalSession } from './terminalSession';
import { FakeScreen } from './testing/fakeScreen';

const welcome = SCENARIOS[0];

// The store runs the lean engine; the page loads its command line at boot (boot.ts), so do the tests.
beforeAll(() => loadCommandLine());

/** boot.ts step 1: the first picture, before the command line's code has arrived. */
function firstPicture(): void {
  initStore({ starting: true, files: welcome.files, startingCommands: welcome.commands });
}

/** boot.ts step 2 and main.tsx: the example replaces the first picture (here with an await between its steps), then the start is over. */
async function startExample(): Promise<void> {
  initStore({ files: welcome.files }); // the store says `running` from here
  await new Promise((resolve) => setTimeout(resolve, 0));
  for (const line of welcome.commands) runCommand(line, 'system');
  settleStartup();
}

function mountTerminal() {
  const screen = new FakeScreen(100);
  const session = new TerminalSession(screen, storeSessionDeps, { readOnly: false });
  const unbind = bindSession(session);
  return { screen, session, unbind };
}

const typeLine = (session: TerminalSession, line: string) => session.input(`${line}\r`);
/** The screen from the first waiting note on (the greeting above it is not the point). */
const fromNote = (screen: FakeScreen) => screen.lines().slice(1);

describe('commands given while the page starts', () => {
  // The terminal used to learn that the start was over from a microtask after the store
  // left `starting`: a start that awaits between replacing the cluster and running the
  // example's commands ran the typed line before them, on a cluster without the example.
  it('a typed line runs after the start’s own commands, even when the start awaits between its steps', async () => {
    firstPicture();
    const { screen, session, unbind } = mountTerminal();
    typeLine(session, 'kubectl get deploy web -o name');
    expect(useStore.getState().waiting).toMatchObject([{ line: 'kubectl get deploy web -o name', source: 'terminal' }]);

    await startExample();
    expect(fromNote(screen)).toEqual([
      '$ kubectl get deploy web -o name',
      '# waiting for the cluster to start…',
      '# run when the example loaded',
      '$ kubectl apply -f web.yaml',
      'deployment.apps/web created',
      'service/web created',
      '$ kubectl get deploy web -o name',
      'deployment.apps/web',
      '$',
    ]);
    expect(useStore.getState()).toMatchObject({ waiting: [], startupSettled: true, typed: ['kubectl get deploy web -o name'] });
    unbind();
  });

  it('a lesson’s try-this waits in the terminal like a typed line and runs in the order given, keys typed after it included', async () => {
    firstPicture();
    const { screen, session, unbind } = mountTerminal();
    typeLine(session, 'kubectl get deploy web -o name');
    session.input('kubectl get ns default -o name\r'); // typeahead, before the click
    runLessonCommand({ line: 'kubectl get svc web -o name' });
    session.input('kubectl get ns kube-system -o name\r'); // typeahead, after the click
    expect(useStore.getState().entries).toEqual([]); // nothing ran, nothing was lost
    expect(fromNote(screen)).toEqual([
      '$ kubectl get deploy web -o name',
      '# waiting for the cluster to start…',
      "# from the example's lesson",
      '$ kubectl get svc web -o name',
      '# waiting for the cluster to start…',
    ]);

    await startExample();
    expect(fromNote(screen).slice(5)).toEqual([
      '# run when the example loaded',
      '$ kubectl apply -f web.yaml',
      'deployment.apps/web created',
      'service/web created',
      '$ kubectl get deploy web -o name',
      'deployment.apps/web',
      '$ kubectl get ns default -o name',
      'namespace/default',
      "# from the example's lesson",
      '$ kubectl get svc web -o name',
      'service/web',
      '$ kubectl get ns kube-system -o name',
      'namespace/kube-system',
      '$',
    ]);
    expect(useStore.getState().typed).toEqual(['kubectl get deploy web -o name', 'kubectl get ns default -o name', 'kubectl get svc web -o name', 'kubectl get ns kube-system -o name']);
    unbind();
  });

  it('a try-this clicked before the terminal’s code arrived shows waiting when it opens, then only its answer is added', () => {
    firstPicture();
    runLessonCommand({ line: 'kubectl get ns default -o name' });
    const { screen, unbind } = mountTerminal();
    expect(fromNote(screen)).toEqual(["# from the example's lesson", '$ kubectl get ns default -o name', '# waiting for the cluster to start…', '$']);
    // A restored session echoes nothing: the answer comes right under the note.
    initStore({ files: welcome.files });
    settleStartup();
    expect(fromNote(screen)).toEqual(["# from the example's lesson", '$ kubectl get ns default -o name', '# waiting for the cluster to start…', 'namespace/default', '$']);
    unbind();
  });

  it('a try-this that needs a LoadBalancer’s IP reads none from the cluster about to be replaced', () => {
    firstPicture();
    const curl = { line: 'curl -v http://<external-ip>', externalIPOf: { namespace: 'ingress-nginx', name: 'ingress-nginx-controller' } };
    // The first picture's ingress controller has an IP already; the example's cluster gives its own later.
    expect(resolveTryCommand(curl, useStore.getState().snapshot)).toMatchObject({ ready: true });
    expect(resolveLessonCommand(curl, useStore.getState())).toMatchObject({ ready: false, reason: expect.stringContaining('The cluster is starting') });
    runLessonCommand(curl);
    expect(useStore.getState().waiting).toEqual([]);
    settleStartup();
    expect(resolveLessonCommand(curl, useStore.getState())).toEqual(resolveTryCommand(curl, useStore.getState().snapshot));
  });

  it('when the command line could not load, a clicked line is answered with the same reason as a typed one', () => {
    firstPicture();
    const { screen, session, unbind } = mountTerminal();
    typeLine(session, 'kubectl get pods');
    runLessonCommand({ line: 'kubectl get endpoints web' });
    startupFailed();
    const reason = 'The playground could not load its command line. Reload the page to try again.';
    expect(fromNote(screen)).toEqual([
      '$ kubectl get pods',
      '# waiting for the cluster to start…',
      "# from the example's lesson",
      '$ kubectl get endpoints web',
      '# waiting for the cluster to start…',
      '$ kubectl get pods',
      reason,
      "# from the example's lesson",
      '$ kubectl get endpoints web',
      reason,
      '$',
    ]);
    expect(useStore.getState().entries.at(-1)).toMatchObject({ line: 'kubectl get endpoints web', source: 'lesson', result: { exitCode: 1 } });
    unbind();
  });

  it('Ctrl+C drops the waiting line and the keys behind it; the clicked command still runs', () => {
    firstPicture();
    const { screen, session, unbind } = mountTerminal();
    typeLine(session, 'kubectl delete ns default');
    runLessonCommand({ line: 'kubectl get ns default -o name' });
    session.input('kubectl get pods\r\x03');
    expect(useStore.getState().waiting).toMatchObject([{ line: 'kubectl get ns default -o name', source: 'lesson' }]);
    initStore({ files: welcome.files });
    settleStartup();
    expect(fromNote(screen).slice(-3)).toEqual(['$ kubectl get ns default -o name', 'namespace/default', '$']);
    expect(useStore.getState().entries.map((e) => e.line)).toEqual(['kubectl get ns default -o name']);
    unbind();
  });

  it('Ctrl+C ends a watch run through the store with `^C` on its own line and one prompt after it', async () => {
    await startExample();
    const { screen, session, unbind } = mountTerminal();
    session.input('kubectl get deploy web -w\r');
    advanceTime(3000);
    expect(screen.lines().at(-1)).toMatch(/^web\s+\d\/3\s/);
    session.input('\x03');
    // Ending the watch changes the store; no prompt may appear between its rows and the `^C`.
    expect(screen.lines().slice(-3)).toEqual([expect.stringMatching(/^web\s+\d\/3\s/), '^C', '$']);
    unbind();
  });

  it('a command that keeps running whose start throws (an engine bug) prints the error and gives the prompt back', async () => {
    await startExample();
    const { screen, session, unbind } = mountTerminal();
    const cluster = useStore.getState().cluster;
    cluster.start = () => {
      throw new Error('engine bug: watch failed');
    };
    session.input('kubectl get pods -w\r');
    expect(session.busy).toBe(false);
    expect(screen.lines().slice(-3)).toEqual(['$ kubectl get pods -w', 'engine bug: watch failed', '$']);
    expect(useStore.getState().entries.at(-1)).toMatchObject({ line: 'kubectl get pods -w', result: { exitCode: 1 } });
    unbind();
  });
});
