// The running example's lesson: which example it is, and whether its strip is
// folded or closed. Loading an example sets it (persistence.ts); a cluster reset
// without an example (initStore) leaves it unset, so nothing is shown.
// Only store writes here: the first picture imports this module, and giving it
// other imports that the graph's chunk shares made the bundler split the entry
// into more chunks (+3 KB gzip). Running a command is src/app/lesson/lessonCommand.ts.

import { useStore, type LessonState } from './state';

/** Shows an example's lesson; `embed` pages start with it folded, so the graph keeps its room. */
export function showLesson(scenario: string, shown: Partial<Pick<LessonState, 'collapsed' | 'dismissed'>> = {}): void {
  useStore.setState({ lesson: { scenario, collapsed: shown.collapsed ?? false, dismissed: shown.dismissed ?? false } });
}

function patchLesson(patch: Partial<Pick<LessonState, 'collapsed' | 'dismissed'>>): void {
  useStore.setState((s) => (s.lesson ? { lesson: { ...s.lesson, ...patch } } : {}));
}

export function setLessonCollapsed(collapsed: boolean): void {
  patchLesson({ collapsed });
}

/** Closes the strip; reopening brings it back unfolded. */
export function setLessonDismissed(dismissed: boolean): void {
  patchLesson(dismissed ? { dismissed } : { dismissed, collapsed: false });
}
