// Binds a TerminalSession to the store: what it runs goes through the store's command
// path (and, while the page starts, its queue of waiting commands); what ran or waits
// elsewhere is shown on it. Kept apart from xtermSetup.ts (xterm and the DOM), so Node
// tests drive the very wiring the page uses, with a FakeScreen.
import { recordTyped, runCommand, runWhenStarted, setForegroundInterrupter, startCommand } from '../store/actions';
import { useStore } from '../store/state';
import { completionSource } from './completionSource';
import type { SessionDeps, TerminalSession } from './terminalSession';

/** The session's ways into the store. */
export const storeSessionDeps: SessionDeps = {
  run: (line) => runCommand(line, 'terminal'),
  history: () => useStore.getState().typed,
  recordTyped,
  completionSource: () => {
    const s = useStore.getState();
    return completionSource(s.cluster, s.snapshot);
  },
  simHelp: () => useStore.getState().cluster.exec('sim help', undefined, { subshell: true }).stdout,
  startup: () => useStore.getState().startup,
  whenStarted: (line, run) => runWhenStarted(line, 'terminal', run),
  start: (line) => startCommand(line, 'terminal'),
};

/**
 * Starts the session on what the store holds (commands run so far, and those waiting
 * for the start) and keeps it in step with the store. Returns what unbinds it: a line
 * still waiting for the start is dropped then.
 */
export function bindSession(session: TerminalSession): () => void {
  const state = useStore.getState();
  session.start(state.entries, state.waiting);
  // A lesson's try-this ends the foreground command before it runs (actions.ts runCommand).
  setForegroundInterrupter(() => session.interruptForeground());
  const unsubscribe = useStore.subscribe((s, prev) => {
    if (s.entries !== prev.entries) session.echo(s.entries);
    // Running commands write as the cluster changes (a command ran, time moved).
    if (s.snapshot !== prev.snapshot) session.pump();
    if (s.waiting !== prev.waiting) session.showWaiting(s.waiting);
    if (s.embed.readOnly !== prev.embed.readOnly) session.setReadOnly(s.embed.readOnly);
  });
  return () => {
    setForegroundInterrupter(undefined);
    unsubscribe();
    session.dispose();
  };
}
