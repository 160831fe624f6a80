// What a try-this button does. Kept apart from store/lesson.ts, which the first
// picture imports (boot, persistence): this part only loads with the graph's chunk.

import { changesCluster, resolveTryCommand, type ResolvedTryCommand, type TryCommand } from '../../scenarios/tryThis';
import { runWhenStarted, togglePane } from '../store/actions';
import { useStore, type PlaygroundState } from '../store/state';

/**
 * A try-this line as it stands now (what its button shows). While the page starts, the
 * cluster on show is about to be replaced by the example's, so no IP is read from it.
 */
export function resolveLessonCommand(command: TryCommand, state: Pick<PlaygroundState, 'snapshot' | 'startupSettled'>): ResolvedTryCommand {
  if (command.externalIPOf && !state.startupSettled) return { ready: false, line: command.line, reason: 'The cluster is starting: the external IP this command needs is read from it once it has.' };
  return resolveTryCommand(command, state.snapshot);
}

/**
 * Runs a try-this line through the one command path, as if typed: it joins the
 * terminal's ↑ history, and the terminal opens if it was folded away, so the
 * person sees the output. While the page starts it waits, shown in the terminal,
 * and runs in order with lines typed meanwhile (runWhenStarted). A line naming a
 * Service's external IP runs with the IP the cluster has now; without one it does
 * not run (its button says why).
 */
export function runLessonCommand(command: TryCommand): void {
  const s = useStore.getState();
  const resolved = resolveLessonCommand(command, s);
  if (!resolved.ready) return;
  // A read-only page offers such lines as text only; this keeps the rule whoever calls.
  if (s.embed.readOnly && changesCluster(resolved.line)) return;
  if (s.collapsed.terminal) togglePane('terminal');
  runWhenStarted(resolved.line, 'lesson');
}
