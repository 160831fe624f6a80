// What the embed's postMessage API (embedApi.ts, a chunk loaded for embeds only)
// may do to the page: the same actions the UI uses. Kept in the first picture,
// and small, so that the API's chunk imports no module of the page.

import type { ApiActions, SendFrom, TraceLike } from '../embed/messageApi';
import { findScenario } from '../scenarios';
import { changesCluster } from '../scenarios/tryThis';
import type { EmbedHost } from './embedApi';
import { commandFor, sources } from './packets/sendRequest';
import { runCommand, setTheme } from './store/actions';
import { loadScenario } from './store/persistence';
import { useStore } from './store/state';

/** The command line the Send request dialog would run for this request, or why there is none. */
export function sendCommandLine(url: string, from: SendFrom, host?: string): { ok: true; command: string } | { ok: false; message: string } {
  if (from.kind === 'workstation') return { ok: true, command: commandFor(from, url, host) };
  const found = sources(useStore.getState().snapshot).find((s) => s.source.kind === 'pod' && s.source.namespace === from.namespace && s.source.name === from.name);
  if (!found) return { ok: false, message: `no running pod ${from.namespace}/${from.name} has curl or wget to send the request` };
  return { ok: true, command: commandFor(found.source, url, host) };
}

const actions: ApiActions = {
  readOnly: () => useStore.getState().embed.readOnly,
  running: () => useStore.getState().startup === 'running',
  changesCluster,
  runCommand: (line) => runCommand(line, 'embed'),
  sendCommand: sendCommandLine,
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

export const embedHost: EmbedHost = { actions, watchTraces };
