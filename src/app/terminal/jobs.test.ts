// The terminal's foreground command and bash-style jobs (jobs.ts, terminalSession.ts).
import { describe, expect, it } from 'vitest';
import { createCluster } from '../../engine';
import { completionSource } from './completionSource';
import { backgroundLine } from './jobs';
import { TerminalSession } from './terminalSession';
import { FakeScreen } from './testing/fakeScreen';

function setup() {
  const cluster = createCluster({ seed: 1 });
  cluster.exec('kubectl create deployment web --image=nginx --replicas=1');
  cluster.exec('kubectl expose deployment web --port=80');
  cluster.advance(20_000);
  const screen = new FakeScreen(120);
  const typed: string[] = [];
  const session = new TerminalSession(
    screen,
    {
      run: (line) => cluster.exec(line),
      start: (line) => cluster.start(line),
      history: () => typed,
      recordTyped: (line) => typed.push(line),
      completionSource: () => completionSource(cluster, cluster.snapshot()),
      simHelp: () => '',
      startup: () => 'running',
      whenStarted: (_line, run) => void run(),
    },
    { readOnly: false },
  );
  session.start([]);
  // What the binding does when the store's snapshot changes.
  const change = (f: () => void) => {
    f();
    session.pump();
  };
  return { cluster, screen, session, change };
}

describe('terminal: commands that keep running', () => {
  it('keeps kubectl get -w in the foreground without a prompt, streams rows as the cluster changes, and Ctrl+C prints ^C and the prompt', () => {
    const { cluster, screen, session, change } = setup();
    session.input('kubectl get pods -w\r');
    expect(session.busy).toBe(true);
    expect(screen.lines().at(-1)).not.toBe('$');
    change(() => cluster.exec('kubectl scale deployment web --replicas=2'));
    expect(screen.lines().at(-1)).toMatch(/^web-\S+\s+0\/1\s+(Pending|ContainerCreating)/);
    session.input('x\x03');
    expect(screen.lines().slice(-2)).toEqual(['^C', '$']);
    expect(session.busy).toBe(false);
  });

  it("runs `kubectl port-forward … &` as job [1] (bash's `[1] PID`), lets curl through it, and reports `[1]+  Terminated` after kill %1", () => {
    const { screen, session } = setup();
    session.input('kubectl port-forward svc/web 8080:80 &\r');
    expect(screen.text()).toContain('[1] 4243\nForwarding from 127.0.0.1:8080 -> 80\nForwarding from [::1]:8080 -> 80');
    expect(screen.lines().at(-1)).toBe('$');
    session.input('curl -s localhost:8080\r');
    session.pump();
    expect(screen.text()).toMatch(/Served by pod web-/);
    expect(screen.text()).toContain('Handling connection for 8080');
    session.input('jobs\r');
    expect(screen.lines()).toContain('[1]+  Running                 kubectl port-forward svc/web 8080:80 &');
    session.input('kill %1\r');
    session.input('\r');
    // An ended job's line has no `&` (bash's jobs.c prints it only for a running one).
    expect(screen.lines()).toContain('[1]+  Terminated              kubectl port-forward svc/web 8080:80');
    session.input('kill %1\r');
    expect(screen.text()).toContain('bash: kill: %1: no such job');
    session.input('curl localhost:8080\r');
    expect(screen.text()).toContain("curl: (7) Failed to connect to localhost port 8080 after 0 ms: Couldn't connect to server");
  });

  it('takes a lone trailing & as the background operator, not && or a quoted one', () => {
    expect(backgroundLine('kubectl get pods -w &')).toBe('kubectl get pods -w');
    expect(backgroundLine('kubectl get pods -w&')).toBe('kubectl get pods -w');
    expect(backgroundLine('a && b')).toBeUndefined();
    expect(backgroundLine('a &&')).toBeUndefined();
    expect(backgroundLine("echo 'a &'")).toBeUndefined();
    expect(backgroundLine('kubectl get pods')).toBeUndefined();
  });
});
