// The toolbar: product name, Examples, packet playback, simulated time, pane
// toggles, presenter view, share, theme and help. In an embed it is compact (icons
// only) and has no Share button; read-only embeds have no Examples menu.

import { memo } from 'react';
import { PlaybackControls } from '../packets/PlaybackControls';
import { togglePane } from '../store/actions';
import { useStore } from '../store/state';
import { ExamplesMenu } from './ExamplesMenu';
import { HelpPopover } from './HelpPopover';
import { Icon, Logo, type IconName } from './Icon';
import { shortcutFor } from './shortcuts';
import { TimeControls } from './TimeControls';
import { ShareButton } from './ShareButton';
import { PresenterToggle, ThemeToggle } from './ThemeToggle';

const PANE_TOGGLES: { pane: 'editor' | 'terminal' | 'inspector'; label: string; icon: IconName; code: string }[] = [
  { pane: 'editor', label: 'Editor', icon: 'editor', code: 'KeyE' },
  { pane: 'terminal', label: 'Terminal', icon: 'terminal', code: 'KeyT' },
  { pane: 'inspector', label: 'Inspector', icon: 'inspector', code: 'KeyI' },
];

function PaneToggles() {
  const collapsed = useStore((s) => s.collapsed);
  return (
    <div className="toolbar-group" role="group" aria-label="Panes">
      {PANE_TOGGLES.map(({ pane, label, icon, code }) => {
        const key = shortcutFor(code);
        return (
          <button
            key={pane}
            type="button"
            className="icon-btn"
            aria-label={label}
            aria-pressed={!collapsed[pane]}
            aria-controls={`pane-${pane}`}
            aria-keyshortcuts={key}
            title={`${collapsed[pane] ? 'Show' : 'Hide'} the ${pane} (${key})`}
            onClick={() => togglePane(pane)}
          >
            <Icon name={icon} />
          </button>
        );
      })}
    </div>
  );
}

// Memoised: the toolbar has no props that change with the cluster; its parts subscribe to their own slices.
export const Toolbar = memo(function Toolbar({ helpSignal }: { helpSignal: number }) {
  const embed = useStore((s) => s.embed);
  const compact = embed.enabled;
  return (
    <header className={`toolbar${compact ? ' toolbar-compact' : ''}`}>
      <div className="brand">
        <Logo size={compact ? 20 : 26} />
        <h1 className={compact ? 'visually-hidden' : undefined}>Services Playground</h1>
      </div>
      {!embed.readOnly && <ExamplesMenu compact={compact} />}
      <div className="toolbar-group playback-slot" aria-label="Packet playback" role="group">
        <PlaybackControls />
      </div>
      <TimeControls compact={compact} />
      <div className="toolbar-spacer" />
      <PaneToggles />
      {!compact && <PresenterToggle />}
      {!compact && <ShareButton />}
      <ThemeToggle />
      <HelpPopover openSignal={helpSignal} />
    </header>
  );
});

