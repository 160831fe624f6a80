import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { boot } from './app/boot';
import { embedHost } from './app/embedActions';
import { ErrorBoundary } from './app/ErrorBoundary';
import { loadGraphPane } from './app/graph/LazyGraphPane';
import { installTestHooks } from './app/testHooks';
import { initStore, settleStartup, startupFailed } from './app/store/actions';
import { pushNotice } from './app/store/notices';
import { loadScenario } from './app/store/persistence';
import { commandLineReady, loadCommandLine } from './engine/lean';
import { keepEarlyMessages } from './embed/earlyMessages';
import { parsePageParams } from './embed/params';
import { SCENARIOS } from './scenarios';
import './app/theme.css';
import './app/app.css';

/** The graph's chunk did not arrive: the pane says so; the editor and the terminal still work. */
function graphMissing(e: unknown): void {
  console.warn('loading the graph failed', e);
  pushNotice('The playground could not load its cluster graph. Reload the page to try again.');
}

// First of all, fetch the graph's code (React Flow and the graph layers, a chunk
// of its own): it loads while the cluster boots below and the command line's chunk
// loads, instead of after the first render asks for it (LazyGraphPane.tsx).
loadGraphPane().catch(graphMissing);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

const params = parsePageParams(location.search, location.hash);

/** The page must never go blank: start the welcome example with nothing restored. */
function openWelcome(e: unknown): void {
  console.warn('starting the playground failed; opening the welcome example', e);
  loadScenario(SCENARIOS[0]);
}

/** The command line's chunk did not arrive (offline, a deploy replaced it): say so, keep the picture. */
function commandLineMissing(e: unknown): void {
  console.warn('loading the command line failed', e);
  startupFailed();
  pushNotice('The playground could not load its command line (kubectl, curl …). Reload the page to try again.');
}

// boot() fills the store at once (the cluster's nodes, the layout) and starts
// loading the command line in parallel with the first render below; the example
// or the saved session starts when it has arrived. The test hooks appear then,
// so a test that waits for them can run commands straight away.
let started: Promise<void>;
try {
  started = boot(params).catch((e: unknown) => (commandLineReady() ? openWelcome(e) : commandLineMissing(e)));
} catch (e) {
  console.warn('starting the playground failed', e);
  initStore({ starting: true });
  started = loadCommandLine().then(() => loadScenario(SCENARIOS[0]), commandLineMissing);
}
// An embed's postMessage API (src/embed/messageApi.ts) is a chunk of its own, fetched
// while the page boots; it installs, and says `ready` to the parent page, at the same
// moment as the test hooks. Requests the parent posts before then are kept, and answered then.
const inFrame = params.embed && window.parent !== window;
const earlyMessages = inFrame ? keepEarlyMessages(window, window.parent) : undefined;
const embedApi = inFrame
  ? import('./app/embedApi').catch((e: unknown) => {
      console.warn('loading the embed API failed', e);
      return undefined;
    })
  : undefined;
void started.then(() => {
  // The start is over, however it went: commands given meanwhile run now (actions.ts).
  settleStartup();
  installTestHooks(params.testHooks);
  void embedApi?.then((m) => m?.installEmbedApi(params, embedHost, earlyMessages));
});

createRoot(root).render(
  <StrictMode>
    <ErrorBoundary>
      <App />
    </ErrorBoundary>
  </StrictMode>,
);
