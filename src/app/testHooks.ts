// window.__playground: a small API for end-to-end tests (and curious people in
// the console) to drive the app the way a user does.
//
// Exposed in development and test builds (import.meta.env.MODE !== 'production')
// and, in the production build that e2e tests run against, only with the
// `?test-hooks=1` page parameter. It exposes nothing a person cannot already do
// through the UI, so the parameter is safe to leave in a public build.

import { exposeTestHooks } from './componentHooks';
import { loadedPlayer } from './packets/playerHandle';
import { advanceTime, runCommand, select, setActiveFile, writeFile } from './store/actions';
import { useStore } from './store/state';

export function installTestHooks(requested: boolean): void {
  if (import.meta.env.MODE === 'production' && !requested) return;
  exposeTestHooks({
    runCommand,
    select,
    writeFile,
    setActiveFile,
    advanceTime,
    getState: useStore.getState,
    /** The store's subscribe: `npm run bench` times when a keystroke reaches the store. */
    subscribe: useStore.subscribe,
    /** Packets drawn in flight now, and generator packets left undrawn (sampled out). */
    packets: () => ({ inFlight: loadedPlayer()?.inFlight ?? 0, sampledOut: loadedPlayer()?.sampledOut ?? 0 }),
  });
}
