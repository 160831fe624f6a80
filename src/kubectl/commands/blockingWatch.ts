// A store watch for a command that blocks while it moves simulated time on (drain,
// rollout status). Its listener runs inside whatever write announced the change (a
// controller's sync, deep in advance()), so an error in the command's own code must not be
// thrown there: the write would stop half-done. The error is kept, the watch stops, and the
// command throws it from its own loop (check), where runCommand reports it.

import type { ObjectStore, WatchEvent } from '../../engine/core/store';

export interface BlockingWatch {
  /** Throws the listener's error, if it had one. Call after each step of waiting. */
  check(): void;
  stop(): void;
}

export function watchWhileBlocked(store: ObjectStore, listener: (e: WatchEvent) => void): BlockingWatch {
  let failure: { error: unknown } | undefined;
  const stop = store.subscribe((e) => {
    if (failure) return;
    try {
      listener(e);
    } catch (error) {
      failure = { error };
      stop();
    }
  });
  return {
    check() {
      if (failure) throw failure.error;
    },
    stop,
  };
}
