// Simulated time runs while the page is open: about four times a second the
// cluster advances by the real time that passed × timeScale / 1000, then the
// picture refreshes. It pauses while the tab is hidden and never catches up in a
// burst: when the page fell behind (a long task, a sleeping laptop), the missed
// time is skipped rather than replayed.

import { advanceTime } from './store/actions';
import { useStore } from './store/state';

const STEP_MS = 250;
/** Real time one tick may cover at most; more than this is skipped. */
const MAX_REAL_STEP_MS = 1000;

export function startTicker(): () => void {
  let last = performance.now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  const tick = () => {
    timer = undefined;
    if (stopped) return;
    const now = performance.now();
    const real = Math.min(now - last, MAX_REAL_STEP_MS);
    last = now;
    const { timeRunning, timeScale } = useStore.getState();
    const hidden = typeof document !== 'undefined' && document.visibilityState === 'hidden';
    if (timeRunning && !hidden) {
      // Whole milliseconds keep the replay log exact.
      const ms = Math.round((real * timeScale) / 1000);
      if (ms > 0) {
        try {
          advanceTime(ms);
        } catch (e) {
          console.warn('advancing simulated time failed', e);
        }
      }
    }
    // Schedule after the work, so a slow step delays the next one instead of piling up.
    timer = setTimeout(tick, STEP_MS);
  };

  const onVisibility = () => {
    // Coming back: do not count the time the tab was hidden.
    if (document.visibilityState === 'visible') last = performance.now();
  };
  document.addEventListener('visibilitychange', onVisibility);
  timer = setTimeout(tick, STEP_MS);
  return () => {
    stopped = true;
    if (timer !== undefined) clearTimeout(timer);
    document.removeEventListener('visibilitychange', onVisibility);
  };
}
