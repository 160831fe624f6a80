// Light/dark theme and presenter view (larger text for a projector); both persisted.

import { setPresenter, setTheme } from '../store/actions';
import { useStore } from '../store/state';
import { Icon } from './Icon';
import { shortcutFor } from './shortcuts';

export function ThemeToggle() {
  const theme = useStore((s) => s.theme);
  const key = shortcutFor('KeyD');
  return (
    <button
      type="button"
      className="icon-btn"
      aria-label="Dark theme"
      aria-pressed={theme === 'dark'}
      aria-keyshortcuts={key}
      title={`Switch to the ${theme === 'dark' ? 'light' : 'dark'} theme (${key})`}
      onClick={() => setTheme(theme === 'dark' ? 'light' : 'dark')}
    >
      <Icon name={theme === 'dark' ? 'moon' : 'sun'} />
    </button>
  );
}

export function PresenterToggle() {
  const presenter = useStore((s) => s.presenter);
  const key = shortcutFor('KeyP');
  return (
    <button type="button" className="icon-btn presenter-toggle" aria-label="Presenter view" aria-pressed={presenter} aria-keyshortcuts={key} title={`Presenter view: larger text for a projector (${key})`} onClick={() => setPresenter(!presenter)}>
      <Icon name="presenter" />
    </button>
  );
}
