// What the person changed while the page started, laid back over what the start restored.
//
// The page's first picture (boot.ts step 1) already shows the saved session's or the
// example's settings; step 2 then rebuilds the store (persistence.ts restoreSession,
// loadScenario), re-deriving those settings from the saved session or the page's
// parameters. A setting the person changed in between (the theme, a pane, the lesson
// fold) would silently revert. So the start compares three readings: the first
// picture's, the moment before step 2, and after it; whatever the person changed
// between the first two wins over the third. Pure, so it is table-tested in Node.

import type { LessonState, PlaygroundState } from './state';

/** The settings a person can change while the page starts. */
export type StartupUi = Pick<PlaygroundState, 'theme' | 'collapsed' | 'sizes' | 'presenter' | 'applyAsYouType' | 'typed' | 'lesson'>;

export function readStartupUi(s: PlaygroundState): StartupUi {
  const { theme, collapsed, sizes, presenter, applyAsYouType, typed, lesson } = s;
  return { theme, collapsed, sizes, presenter, applyAsYouType, typed, lesson };
}

/** The keys of `before` (all, or those given) the person changed (they differ from `first`) and the start restored otherwise (they differ from `after`). */
function changedKeys<T extends object>(first: T, before: T, after: T, keys = Object.keys(before) as (keyof T)[]): Partial<T> {
  const changed: Partial<T> = {};
  for (const key of keys) if (before[key] !== first[key] && before[key] !== after[key]) changed[key] = before[key];
  return changed;
}

/** `changed` laid over `after`, or undefined when nothing changed. */
function laidOver<T extends object>(after: T, changed: Partial<T>): T | undefined {
  return Object.keys(changed).length > 0 ? { ...after, ...changed } : undefined;
}

/** A lesson's fold and close, when the example is still the one the person changed them on. */
function lessonPatch(first: LessonState | null | undefined, before: LessonState | null | undefined, after: LessonState | null | undefined): LessonState | undefined {
  if (!before || !after || before.scenario !== after.scenario) return undefined;
  // The first picture may have had no lesson (none was known yet): everything shown is the person's then.
  const base = first && first.scenario === before.scenario ? first : after;
  const patch: Partial<LessonState> = {};
  if (before.collapsed !== base.collapsed) patch.collapsed = before.collapsed;
  if (before.dismissed !== base.dismissed) patch.dismissed = before.dismissed;
  const merged = { ...after, ...patch };
  return merged.collapsed !== after.collapsed || merged.dismissed !== after.dismissed ? merged : undefined;
}

/**
 * The store patch that puts back what the person changed between `first` (the first
 * picture) and `before` (the moment the start began) over `after` (what it restored).
 * Empty when the person changed nothing. Lines typed meanwhile are added after the
 * restored history, not instead of it.
 */
export function keepStartupChanges(first: StartupUi, before: StartupUi, after: StartupUi): Partial<StartupUi> {
  const patch = changedKeys(first, before, after, ['theme', 'presenter', 'applyAsYouType']);
  // Pane by pane and size by size: the session's layout stays where the person left it alone.
  const collapsed = laidOver(after.collapsed, changedKeys(first.collapsed, before.collapsed, after.collapsed));
  if (collapsed) patch.collapsed = collapsed;
  const sizes = laidOver(after.sizes, changedKeys(first.sizes, before.sizes, after.sizes));
  if (sizes) patch.sizes = sizes;
  const lesson = lessonPatch(first.lesson, before.lesson, after.lesson);
  if (lesson) patch.lesson = lesson;
  const typedMeanwhile = before.typed.slice(first.typed.length);
  if (typedMeanwhile.length > 0 && before.typed !== after.typed) patch.typed = [...after.typed, ...typedMeanwhile].slice(-200);
  return patch;
}
