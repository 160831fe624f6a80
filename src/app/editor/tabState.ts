// What a file's tab shows about the file's text (FileTabs.tsx).

export type TabState = 'clean' | 'starting' | 'unapplied' | 'changed';

/**
 * The dot shows on `changed` (the text differs from what was last applied) and
 * `unapplied` (never applied to this cluster), unless the page is about to apply
 * exactly this text as an example starts: that is `starting`, shown without the
 * dot, since it is not the person's edit.
 */
export function tabState(text: string | undefined, applied: string | undefined, starting: string | undefined): TabState {
  if (text === applied) return 'clean';
  if (starting !== undefined && text === starting) return 'starting';
  return applied === undefined ? 'unapplied' : 'changed';
}

/** The tab's tooltip. */
export function tabTitle(path: string, state: TabState): string {
  switch (state) {
    case 'clean':
      return path;
    case 'starting':
      return `${path} — the example applies it as it starts`;
    case 'unapplied':
      return `${path} — not applied yet`;
    case 'changed':
      return `${path} — changed since it was last applied`;
  }
}
