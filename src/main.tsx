import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { boot } from './app/boot';
import { ErrorBoundary } from './app/ErrorBoundary';
import { installTestHooks } from './app/testHooks';
import { loadScenario } from './app/store/persistence';
import { parsePageParams } from './embed/params';
import { SCENARIOS } from './scenarios';
import './app/theme.css';
import './app/app.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

const params = parsePageParams(location.search);
try {
  boot(params);
} catch (e) {
  // The page must never go blank: start the welcome example with nothing restored.
  console.warn('starting the playground failed; opening the welcome example', e);
  loadScenario(SCENARIOS[0]);
}
installTestHooks(params.testHooks);

createRoot(root).render(
  <StrictMode>
    <ErrorBoundary>
      <App />
    </ErrorBoundary>
  </StrictMode>,
);
