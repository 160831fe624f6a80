import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { ErrorBoundary } from './app/ErrorBoundary';
import { initStore } from './app/store/actions';
import { SCENARIOS } from './scenarios';
import './app/theme.css';
import './app/app.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// A first visit opens the welcome scenario.
const welcome = SCENARIOS[0];
initStore({ files: welcome.files, commands: welcome.commands });

createRoot(root).render(
  <StrictMode>
    <ErrorBoundary>
      <App />
    </ErrorBoundary>
  </StrictMode>,
);
