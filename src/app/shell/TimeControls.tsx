// Simulated time: pause/resume, jump ahead 10 s or 1 min, and the simulated clock.

import { advanceTime, setTimeRunning } from '../store/actions';
import { useStore } from '../store/state';
import { Icon } from './Icon';
import { shortcutFor } from './shortcuts';

export function TimeControls({ compact = false }: { compact?: boolean }) {
  const running = useStore((s) => s.timeRunning);
  // A string selector: this re-renders when the clock's second changes, not on every snapshot.
  const time = useStore((s) => s.snapshot.time);
  const clock = time.slice(11, 19);
  const key = shortcutFor('Space');
  return (
    <div className="toolbar-group time-group" role="group" aria-label="Simulated time">
      <span className="sim-clock" title="Simulated time (UTC): it runs while the page is open" aria-live="off">
        <Icon name="clock" size={15} />
        <output aria-label="Simulated time">{clock}</output>
        {!running && <span className="paused-tag">paused</span>}
      </span>
      <button
        type="button"
        className="icon-btn"
        onClick={() => setTimeRunning(!running)}
        aria-label={running ? 'Pause simulated time' : 'Resume simulated time'}
        title={`${running ? 'Pause' : 'Resume'} simulated time (${key})`}
        aria-keyshortcuts={key}
      >
        <Icon name={running ? 'pause' : 'play'} />
      </button>
      {!compact && (
        <>
          <button type="button" className="btn btn-small time-jump" onClick={() => advanceTime(10_000)} aria-label="Advance simulated time by 10 seconds" title="Advance simulated time by 10 seconds">
            +10s
          </button>
          <button type="button" className="btn btn-small time-jump" onClick={() => advanceTime(60_000)} aria-label="Advance simulated time by 1 minute" title="Advance simulated time by 1 minute">
            +1m
          </button>
        </>
      )}
    </div>
  );
}
