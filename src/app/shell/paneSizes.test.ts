import { describe, expect, it } from 'vitest';
import { paneSizesFor, storedSize, windowDefaultSizes } from './paneSizes';

// The store's defaults (src/app/store/state.ts DEFAULT_SIZES), right from 1440×900 up.
const STORE = { editor: 420, inspector: 380, terminal: 220 };

describe('pane sizes that follow the window', () => {
  it('gives a projector or small laptop a narrower editor and a shorter terminal, so the graph has room', () => {
    expect(windowDefaultSizes(STORE, 1024, 768)).toEqual({ editor: 300, inspector: 380, terminal: 176 });
    expect(windowDefaultSizes(STORE, 1280, 720)).toEqual({ editor: 340, inspector: 380, terminal: 160 });
    expect(windowDefaultSizes(STORE, 1366, 768).editor).toBeLessThan(420);
  });

  it("keeps the store's sizes from 1440×900 up", () => {
    expect(windowDefaultSizes(STORE, 1440, 900)).toEqual(STORE);
    expect(windowDefaultSizes(STORE, 1920, 1080)).toEqual(STORE);
  });

  it('keeps a size the person chose, whatever the window', () => {
    const chosen = { editor: 500, inspector: 300, terminal: 260 };
    expect(paneSizesFor(chosen, STORE, windowDefaultSizes(STORE, 1280, 720))).toEqual(chosen);
    expect(paneSizesFor({ ...STORE, terminal: 260 }, STORE, windowDefaultSizes(STORE, 1280, 720))).toEqual({ editor: 340, inspector: 380, terminal: 260 });
  });

  it('stores a reset to the window default as the store default, so it follows the window again', () => {
    expect(storedSize(340, 340, 420)).toBe(420);
    expect(storedSize(356, 340, 420)).toBe(356);
  });

  it("keeps the store's default when the person chooses it in a window whose default differs", () => {
    const stored = storedSize(420, 340, 420);
    expect(Math.round(stored)).toBe(420);
    expect(paneSizesFor({ ...STORE, editor: stored }, STORE, windowDefaultSizes(STORE, 1280, 720)).editor).toBeCloseTo(420, 2);
  });
});
