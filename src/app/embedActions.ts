// What the embed's postMessage API (embedApi.ts, a chunk loaded for embeds only)
// may do to the page: the same actions the UI uses. A chunk of its own, loaded with
// the API's (main.tsx), so that the API's chunk imports no module of the page.

import type { TraceLike } from '../embed/messageApi';
import { findScenario } from '../scenarios';
import { changesCluster } from '../scenarios/tryThis';
import type { EmbedHost, PageActions } from './embedApi';
import { runCommand, setTheme } from './store/actions';
import { loadScenario } from './store/persistence';
import { useStore } from './store/state';

const actions: PageActions = {
  readOnly: () => useStore.getState().embed.readOnly,
  running: () => useStore.getState().startup === 'running',
  changesCluster,
  runCommand: (line) => runCommand(line, 'embed'),
  loadScenario: (id) => {
    const scenario = findScenario(id);
    if (!scenario) return false;
    loadScenario(scenario);
    return true;
  },
  setTheme,
};

/** Each request traced from now on, in order (the store keeps the latest traces; ids only grow). */
function watchTraces(listener: (trace: TraceLike) => void): () => void {
  let lastId = useStore.getState().traces.at(-1)?.id ?? 0;
  return useStore.subscribe((s, prev) => {
    if (s.traces === prev.traces) return;
    for (const { id, trace } of s.traces) {
      if (id <= lastId) continue;
      lastId = id;
      listener(trace);
    }
  });
}

export const embedHost: EmbedHost = { actions, snapshot: () => useStore.getState().snapshot, watchTraces };
