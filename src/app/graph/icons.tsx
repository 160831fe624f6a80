// Inline SVG shapes for states (never colour alone) and object kinds.
import type { PodState } from '../../graph/types';

const PATHS = {
  ready: 'M12 22a10 10 0 1 0 0-20 10 10 0 0 0 0 20ZM7.5 12.5l3 3 6-6.5',
  notReady: 'M12 22a10 10 0 1 0 0-20 10 10 0 0 0 0 20ZM7.5 12h9',
  pending: 'M12 22a10 10 0 1 0 0-20 10 10 0 0 0 0 20ZM12 6.5V12l3.5 2',
  terminating: 'M12 22a10 10 0 1 0 0-20 10 10 0 0 0 0 20ZM8.5 8.5l7 7M15.5 8.5l-7 7',
  crashLooping: 'M20 12a8 8 0 1 1-2.3-5.6M20 4v4.5h-4.5M12 8v5M12 16.3h.01',
  warn: 'M12 3 2 20h20L12 3ZM12 10v4.5M12 17.5h.01',
  info: 'M12 22a10 10 0 1 0 0-20 10 10 0 0 0 0 20ZM12 11v6M12 7.5h.01',
  nodeReady: 'M3 5h18v14H3V5ZM7.5 12.5l3 3 6-6.5',
  nodeNotReady: 'M3 5h18v14H3V5ZM8.5 8.5l7 7M15.5 8.5l-7 7',
  cordoned: 'M12 22a10 10 0 1 0 0-20 10 10 0 0 0 0 20ZM5 5l14 14',
  power: 'M12 3v8M6.3 6.3a8 8 0 1 0 11.4 0',
  service: 'M12 3 21 8v8l-9 5-9-5V8l9-5ZM12 12l9-4M12 12v9M12 12 3 8',
  slice: 'M4 5h16M4 10h16M4 15h16M4 20h10',
  lb: 'M12 3v5M12 8 5 15M12 8l7 7M12 8v7M3 15h4v5H3zM10 15h4v5h-4zM17 15h4v5h-4z',
  ingress: 'M3 12h12M11 7l5 5-5 5M19 4v16',
  dns: 'M12 22a10 10 0 1 0 0-20 10 10 0 0 0 0 20ZM2 12h20M12 2c3 3 3 17 0 20M12 2c-3 3-3 17 0 20',
  laptop: 'M5 5h14v10H5V5ZM2 19h20l-2-4H4l-2 4Z',
  globe: 'M12 22a10 10 0 1 0 0-20 10 10 0 0 0 0 20ZM2 12h20M12 2c3 3 3 17 0 20M12 2c-3 3-3 17 0 20',
  more: 'M12 5.5h.01M12 12h.01M12 18.5h.01',
  group: 'M4 4h10v10H4zM8 8h12v12H8z',
  expand: 'M4 9V4h5M20 9V4h-5M4 15v5h5M20 15v5h-5',
} as const;

export type GraphIconName = keyof typeof PATHS;

export function GIcon({ name, size = 16, label, className }: { name: GraphIconName; size?: number; label?: string; className?: string }) {
  return (
    <svg
      className={`gicon ${className ?? ''}`}
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={name === 'more' ? 3.5 : 2}
      strokeLinecap="round"
      strokeLinejoin="round"
      role={label ? 'img' : undefined}
      aria-label={label}
      aria-hidden={label ? undefined : true}
    >
      <path d={PATHS[name]} />
    </svg>
  );
}

export const STATE_LABEL: Record<PodState, string> = {
  ready: 'Ready',
  notReady: 'Not ready',
  pending: 'Pending',
  terminating: 'Terminating',
  crashLooping: 'Crash-looping',
};

/** The state's icon, in its colour (CSS class `state-<state>`). */
export function StateIcon({ state, size = 16 }: { state: PodState; size?: number }) {
  return <GIcon name={state} size={size} className={`state-${state}`} />;
}
