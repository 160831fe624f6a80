import { describe, expect, it } from 'vitest';
import { createCluster, type ExecResult } from '../../engine';
import type { TerminalEntry } from '../store/state';
import { completionSource } from './completionSource';
import { TerminalSession } from './terminalSession';
import { FakeScreen } from './testing/fakeScreen';

/**
 * A session on a fresh cluster, with a history and a record of what ran, like the store keeps.
 * With `startup: 'starting'`, lines wait in a queue (the store's runWhenStarted) until `page.settle`.
 */
function setup(options: { readOnly?: boolean; width?: number; startup?: 'starting' | 'running' | 'failed' } = {}) {
  const queue: (() => void)[] = [];
  const page = {
    startup: options.startup ?? 'running',
    settled: options.startup !== 'starting',
    settle(outcome: 'running' | 'failed') {
      page.startup = outcome;
      page.settled = true;
      for (const run of queue.splice(0)) run();
    },
  };
  const cluster = createCluster({ seed: 1 });
  cluster.writeFile('web.yaml', 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: web\n');
  const screen = new FakeScreen(options.width ?? 80);
  const typed: string[] = [];
  const ran: string[] = [];
  const session = new TerminalSession(
    screen,
    {
      run: (line): ExecResult => {
        ran.push(line);
        typed.push(line);
        return cluster.exec(line);
      },
      history: () => typed,
      recordTyped: (line) => typed.push(line),
      completionSource: () => completionSource(cluster, cluster.snapshot()),
      simHelp: () => cluster.exec('sim help').stdout,
      startup: () => page.startup,
      whenStarted: (_line, run) => {
        if (page.settled) return void run();
        queue.push(run);
        return () => queue.splice(queue.indexOf(run), 1);
      },
    },
    { readOnly: options.readOnly ?? false },
  );
  return { cluster, screen, session, typed, ran, page };
}

const entry = (id: number, line: string, source: TerminalEntry['source'], stdout = ''): TerminalEntry => ({ id, line, source, result: { stdout, stderr: '', exitCode: 0 } });

describe('TerminalSession', () => {
  it('runs a typed line and prints its output, then a new prompt', () => {
    const { screen, session, ran } = setup();
    session.start([]);
    session.input('kubectl get ns\r');
    expect(ran).toEqual(['kubectl get ns']);
    const lines = screen.lines();
    expect(lines).toContain('$ kubectl get ns');
    expect(lines.some((l) => /^default\s+Active/.test(l))).toBe(true);
    expect(lines[lines.length - 1]).toBe('$');
  });

  it('prints stderr too, and runs each line of a multi-line paste in turn', () => {
    const { screen, session, ran } = setup();
    session.start([]);
    session.input('kubectl get nosuch\r\nkubectl apply -f web.yaml\r\n');
    expect(ran).toEqual(['kubectl get nosuch', 'kubectl apply -f web.yaml']);
    expect(screen.text()).toContain(`error: the server doesn't have a resource type "nosuch"`);
    expect(screen.text()).toContain('namespace/web created');
  });

  it('abandons a line on Ctrl+C, printing ^C, without running it', () => {
    const { screen, session, ran } = setup();
    session.start([]);
    session.input('kubectl delete ns default\x03');
    expect(ran).toEqual([]);
    expect(screen.lines().slice(-2)).toEqual(['$ kubectl delete ns default^C', '$']);
  });

  it('clears the screen with `clear` and Ctrl+L, keeping the line being typed', () => {
    const { screen, session, typed } = setup();
    session.start([]);
    session.input('kubectl get ns\r');
    session.input('clear\r');
    expect(screen.lines()).toEqual(['$']);
    expect(typed).toEqual(['kubectl get ns', 'clear']);
    session.input('kubectl version\rkubectl get\x0c');
    expect(screen.lines()).toEqual(['$ kubectl get']);
  });

  it('recalls earlier lines with ↑ and prints help without running anything', () => {
    const { screen, session } = setup();
    session.start([]);
    session.input('help\r');
    expect(screen.text()).toContain('kubectl ...');
    expect(screen.text()).toContain('sim pod fail-readiness POD');
    session.input('kubectl get ns\r\x1b[A\x1b[A');
    expect(screen.lines().at(-1)).toBe('$ help');
    expect(session.text).toBe('help');
  });

  it('completes on Tab, listing several candidates below the line and drawing it again', () => {
    const { screen, session } = setup();
    session.start([]);
    session.input('kubectl get po\t');
    expect(session.text).toBe('kubectl get pods ');
    session.input('\x15kubectl ex\t');
    const lines = screen.lines();
    expect(lines.at(-2)).toMatch(/^exec\s+explain\s+expose$/);
    expect(lines.at(-1)).toBe('$ kubectl ex');
  });

  it('echoes commands run elsewhere with a comment saying where, and keeps the line being typed', () => {
    const { screen, session } = setup();
    session.start([entry(1, 'kubectl apply -f web.yaml', 'system', 'namespace/web created\n')]);
    expect(screen.lines()).toEqual(expect.arrayContaining(['# run when the example loaded', '$ kubectl apply -f web.yaml', 'namespace/web created']));
    session.input('kubectl get');
    session.echo([entry(1, 'x', 'system'), entry(2, 'sim pod crash web-1', 'menu', 'pod/web-1 container web crashed (exit code 1)\n'), entry(3, 'typed', 'terminal')]);
    const lines = screen.lines();
    expect(lines.slice(-4)).toEqual(['# from the graph menu', '$ sim pod crash web-1', 'pod/web-1 container web crashed (exit code 1)', '$ kubectl get']);
    session.echo([entry(3, 'typed', 'terminal')]); // already seen: nothing printed
    expect(screen.lines()).toEqual(lines);
  });

  it('is read-only when the page is: output shows, input is ignored', () => {
    const { screen, session, ran } = setup({ readOnly: true });
    session.start([]);
    session.input('kubectl get ns\r');
    expect(ran).toEqual([]);
    expect(screen.text()).toContain('read-only');
    session.echo([entry(1, 'kubectl scale deploy web --replicas=2', 'embed', 'deployment.apps/web scaled\n')]);
    expect(screen.lines().slice(-3)).toEqual(['# from the embedding page', '$ kubectl scale deploy web --replicas=2', 'deployment.apps/web scaled']);
  });

  it('keeps a long line editable across wrapped rows', () => {
    const { screen, session } = setup({ width: 20 });
    session.start([]);
    session.input('kubectl get pods --all-namespaces -o wide');
    session.input('\x01\x1b[3~\x1b[3~\x1b[3~\x1b[3~\x1b[3~\x1b[3~\x1b[3~\x1b[3~'); // drop "kubectl "
    expect(session.text).toBe('get pods --all-namespaces -o wide');
    expect(screen.lines().slice(-2)).toEqual(['$ get pods --all-nam', 'espaces -o wide']);
    expect([screen.col]).toEqual([2]);
  });

  describe('while the page starts', () => {
    it('keeps a line entered meanwhile on screen, waiting, and runs it when the cluster is ready', () => {
      const { screen, session, ran, typed, page } = setup({ startup: 'starting' });
      session.start([]);
      session.input('kubectl get ns default -o name\r');
      expect(ran).toEqual([]);
      expect(screen.lines().slice(-2)).toEqual(['$ kubectl get ns default -o name', '# waiting for the cluster to start…']);
      expect([screen.row, screen.col]).toEqual([screen.lines().length, 0]); // on a fresh row, no prompt

      // The start echoes the example's commands; the waiting line is shown again above its answer.
      session.echo([entry(1, 'kubectl apply -f web.yaml', 'system', 'namespace/web created\n')]);
      page.settle('running');
      expect(ran).toEqual(['kubectl get ns default -o name']);
      expect(typed).toEqual(['kubectl get ns default -o name']);
      expect(screen.lines().slice(-8)).toEqual([
        '$ kubectl get ns default -o name',
        '# waiting for the cluster to start…',
        '# run when the example loaded',
        '$ kubectl apply -f web.yaml',
        'namespace/web created',
        '$ kubectl get ns default -o name',
        'namespace/default',
        '$',
      ]);
    });

    it('queues the keys typed behind a waiting line and plays them after it, in order', () => {
      const { screen, session, ran, page } = setup({ startup: 'starting' });
      session.start([]);
      session.input('kubectl get ns\rhelp\rkubectl get n');
      expect(ran).toEqual([]);
      page.settle('running');
      expect(ran).toEqual(['kubectl get ns']);
      expect(screen.text()).toContain('sim pod fail-readiness POD');
      expect(screen.lines().at(-1)).toBe('$ kubectl get n');
      expect(session.text).toBe('kubectl get n');
    });

    it('gives up the waiting line on Ctrl+C; `clear` never waits', () => {
      const { screen, session, ran, page } = setup({ startup: 'starting' });
      session.start([]);
      session.input('kubectl delete ns web\rkubectl get\x03clear\r');
      expect(screen.lines()).toEqual(['$']);
      page.settle('running');
      expect(ran).toEqual([]);
      expect(screen.lines()).toEqual(['$']);
    });

    it('answers a waiting line, and later ones, with the reason when the page could not start', () => {
      const { screen, session, ran, page } = setup({ startup: 'starting' });
      session.start([]);
      session.input('kubectl get pods\r');
      page.settle('failed');
      session.input('kubectl get svc\r');
      expect(ran).toEqual([]);
      expect(screen.lines().slice(-6)).toEqual([
        '$ kubectl get pods',
        '# waiting for the cluster to start…',
        'The playground could not load its command line. Reload the page to try again.',
        '$ kubectl get svc',
        'The playground could not load its command line. Reload the page to try again.',
        '$',
      ]);
    });
  });
});
