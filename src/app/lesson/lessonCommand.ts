// What a try-this button does. Kept apart from store/lesson.ts, which the first
// picture imports (boot, persistence): this part only loads with the graph's chunk.

import { changesCluster } from '../../scenarios/tryThis';
import { recordTyped, runCommand, togglePane } from '../store/actions';
import { useStore } from '../store/state';

/**
 * Runs a try-this line through the one command path, as if typed: it joins the
 * terminal's ↑ history, and the terminal opens if it was folded away, so the
 * person sees the output.
 */
export function runLessonCommand(line: string): void {
  const s = useStore.getState();
  // A read-only page offers such lines as text only; this keeps the rule whoever calls.
  if (s.embed.readOnly && changesCluster(line)) return;
  if (s.collapsed.terminal) togglePane('terminal');
  runCommand(line, 'lesson');
  recordTyped(line);
}
