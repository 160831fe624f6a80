// Requests a parent page posts before the embed's API is installed. The API
// installs when the example has started (main.tsx), after the command line's
// chunk has arrived; a blog post that posts from its iframe's `load` event (the
// natural thing to write) would be speaking to nobody. This listener, installed
// first thing in the page, keeps those messages so the API answers them, in
// order, as soon as it is there. Kept tiny: it is part of the first picture.

/** At most this many early messages are kept; a page that floods the frame loses the rest. */
export const EARLY_MESSAGE_LIMIT = 100;

export interface EarlyMessages {
  /** Stops listening and hands over what was kept, oldest first. */
  take(): MessageEvent[];
  /** How many messages were dropped because the limit was reached. */
  dropped(): number;
}

/** Listens on `win` for messages from `parent` until take() is called. */
export function keepEarlyMessages(win: Pick<Window, 'addEventListener' | 'removeEventListener'>, parent: unknown, limit = EARLY_MESSAGE_LIMIT): EarlyMessages {
  const kept: MessageEvent[] = [];
  let dropped = 0;
  const onMessage = (event: MessageEvent) => {
    // Other frames' and scripts' messages are never the API's (embedApi.ts ignores them too).
    if (event.source !== parent) return;
    if (kept.length < limit) kept.push(event);
    else dropped++;
  };
  win.addEventListener('message', onMessage);
  return {
    take() {
      win.removeEventListener('message', onMessage);
      return kept.splice(0);
    },
    dropped: () => dropped,
  };
}
