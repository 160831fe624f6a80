// A setting the person changed while the page started survives the start (startupChanges.ts).
import { describe, expect, it } from 'vitest';
import { keepStartupChanges, type StartupUi } from './startupChanges';

/** Builds a reading of the settings: the defaults a first picture has, with `over` on top. */
function ui(over: Partial<StartupUi> = {}): StartupUi {
  return {
    theme: 'light',
    collapsed: { editor: false, terminal: false, inspector: true },
    sizes: { editor: 420, inspector: 380, terminal: 220 },
    presenter: false,
    applyAsYouType: false,
    typed: [],
    lesson: { scenario: 'welcome', collapsed: false, dismissed: false },
    ...over,
  };
}

const folded = { scenario: 'welcome', collapsed: true, dismissed: false };

describe('keepStartupChanges', () => {
  const cases: { name: string; first: StartupUi; before: StartupUi; after: StartupUi; want: Partial<StartupUi> }[] = [
    { name: 'nothing changed: nothing to put back', first: ui(), before: ui(), after: ui({ theme: 'dark' }), want: {} },
    { name: 'a theme picked while starting that the start restored as well: nothing to put back', first: ui(), before: ui({ theme: 'dark' }), after: ui({ theme: 'dark' }), want: {} },
    { name: 'the theme picked while starting wins over the saved one', first: ui({ theme: 'dark' }), before: ui({ theme: 'light' }), after: ui({ theme: 'dark' }), want: { theme: 'light' } },
    {
      name: 'a pane shown while starting stays shown; the panes the person left alone keep the restored layout',
      first: ui({ collapsed: { editor: true, terminal: true, inspector: true } }),
      before: ui({ collapsed: { editor: true, terminal: false, inspector: true } }),
      after: ui({ collapsed: { editor: false, terminal: true, inspector: false } }),
      want: { collapsed: { editor: false, terminal: false, inspector: false } },
    },
    { name: 'a splitter moved while starting keeps its size', first: ui(), before: ui({ sizes: { editor: 300, inspector: 380, terminal: 220 } }), after: ui({ sizes: { editor: 420, inspector: 500, terminal: 220 } }), want: { sizes: { editor: 300, inspector: 500, terminal: 220 } } },
    { name: 'presenter view and apply-as-you-type switched while starting stay switched', first: ui(), before: ui({ presenter: true, applyAsYouType: true }), after: ui(), want: { presenter: true, applyAsYouType: true } },
    { name: 'the lesson folded while starting stays folded', first: ui(), before: ui({ lesson: folded }), after: ui(), want: { lesson: folded } },
    {
      name: "an embed's lesson unfolded while starting stays open",
      first: ui({ lesson: folded }),
      before: ui(),
      after: ui({ lesson: folded }),
      want: { lesson: { scenario: 'welcome', collapsed: false, dismissed: false } },
    },
    { name: 'a lesson closed while starting stays closed, over a restored fold', first: ui(), before: ui({ lesson: { scenario: 'welcome', collapsed: false, dismissed: true } }), after: ui({ lesson: folded }), want: { lesson: { scenario: 'welcome', collapsed: true, dismissed: true } } },
    { name: "another example's lesson is not touched", first: ui(), before: ui({ lesson: folded }), after: ui({ lesson: { scenario: 'headless', collapsed: false, dismissed: false } }), want: {} },
    { name: 'no lesson after the start: nothing to fold', first: ui(), before: ui({ lesson: folded }), after: ui({ lesson: null }), want: {} },
    { name: 'lines typed while starting follow the restored history', first: ui(), before: ui({ typed: ['clear'] }), after: ui({ typed: ['kubectl get pods'] }), want: { typed: ['kubectl get pods', 'clear'] } },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const frozen = JSON.stringify([c.first, c.before, c.after]);
      expect(keepStartupChanges(c.first, c.before, c.after)).toEqual(c.want);
      expect(JSON.stringify([c.first, c.before, c.after]), 'inputs are not mutated').toBe(frozen);
    });
  }

  it('keeps the history as it is when the start kept it (an example keeps the typed lines)', () => {
    const typed = ['clear'];
    expect(keepStartupChanges(ui(), ui({ typed }), ui({ typed }))).toEqual({});
  });
});
