// Starts the playground: reads the page parameters, restores the saved session
// or opens an example, starts autosave (full app only) and the time ticker.

import { initialCollapsed, type PageParams } from '../embed/params';
import { findScenario, SCENARIOS } from '../scenarios';
import { enableAutosave, keepPreviousSession, loadScenario, restoreSession } from './store/persistence';
import { useStore } from './store/state';
import { startTicker } from './ticker';

export function boot(params: PageParams): void {
  const collapsed = initialCollapsed(params);
  const scenario = params.scenario ? findScenario(params.scenario) : undefined;
  if (params.embed) {
    // Embeds never touch the full app's saved session: each load is the same scenario.
    loadScenario(scenario ?? SCENARIOS[0], { embed: { enabled: true, readOnly: params.readOnly }, theme: params.theme, collapsed });
    // A small frame: the graph gets most of the height.
    useStore.setState({ sizes: { editor: 320, inspector: 300, terminal: Math.round(Math.max(100, window.innerHeight * 0.3)) } });
  } else {
    let restored = false;
    if (scenario) {
      // A link to an example wins; the session it replaces is kept under another key.
      keepPreviousSession();
      loadScenario(scenario, { theme: params.theme });
      const url = new URL(location.href);
      url.searchParams.delete('scenario');
      history.replaceState(history.state, '', url);
    } else {
      restored = restoreSession(findScenario);
    }
    if (!restored && !scenario) loadScenario(SCENARIOS[0], { theme: params.theme });
    if (params.theme) useStore.setState({ theme: params.theme });
    if (collapsed) useStore.setState({ collapsed });
    if (params.readOnly) useStore.setState({ embed: { enabled: false, readOnly: true } });
    enableAutosave();
  }
  startTicker();
}
