import { describe, expect, it } from 'vitest';
import { keepEarlyMessages } from './earlyMessages';

/** A window stand-in: listeners by type, and a way to dispatch a message from a source. */
function fakeWindow() {
  const listeners = new Set<(e: MessageEvent) => void>();
  return {
    addEventListener: (_type: string, l: (e: MessageEvent) => void) => listeners.add(l),
    removeEventListener: (_type: string, l: (e: MessageEvent) => void) => listeners.delete(l),
    dispatch(source: unknown, data: unknown) {
      for (const l of [...listeners]) l({ source, data } as MessageEvent);
    },
    listening: () => listeners.size,
  };
}

describe('requests a parent page posts before the embed API is installed', () => {
  const parent = { name: 'parent' };

  it('are kept in order and handed over once, after which nothing more is kept', () => {
    const win = fakeWindow();
    const early = keepEarlyMessages(win as unknown as Window, parent);
    win.dispatch(parent, 'first');
    win.dispatch(parent, 'second');
    expect(early.take().map((e) => e.data)).toEqual(['first', 'second']);
    expect(win.listening()).toBe(0);
    win.dispatch(parent, 'late');
    expect(early.take()).toEqual([]);
  });

  it("are only the parent's: other frames' and scripts' messages are not kept", () => {
    const win = fakeWindow();
    const early = keepEarlyMessages(win as unknown as Window, parent);
    win.dispatch({ name: 'another frame' }, 'not ours');
    win.dispatch(win, 'the page itself');
    win.dispatch(parent, 'ours');
    expect(early.take().map((e) => e.data)).toEqual(['ours']);
  });

  it('are kept up to the limit; a flood beyond it is counted and dropped', () => {
    const win = fakeWindow();
    const early = keepEarlyMessages(win as unknown as Window, parent, 3);
    for (let i = 0; i < 10; i++) win.dispatch(parent, i);
    expect(early.take().map((e) => e.data)).toEqual([0, 1, 2]);
    expect(early.dropped()).toBe(7);
  });
});
