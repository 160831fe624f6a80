// Packet playback in the toolbar: send a request, play/pause, step back and
// forward hop by hop through the focused trace, speed 0.25×–4×, and the traffic
// generator's toggle. Plain buttons and a select: all keyboard reachable.

import { memo } from 'react';
import { useStore } from '../store/state';
import { loadedPlayer } from './playerHandle';
import { openSendRequest } from './sendRequestOpener';
import { toggleTrafficGenerator } from './LazyPanels';
import './packets.css';

const SPEEDS = [0.25, 0.5, 1, 2, 4];

const ICONS = {
  send: 'M3 11.5 21 3l-8.5 18-2.5-7.5L3 11.5ZM10 13.5 21 3',
  play: 'M7 4.5v15l12-7.5-12-7.5Z',
  pause: 'M7 4.5h3.5v15H7zM13.5 4.5H17v15h-3.5z',
  back: 'M18 5v14L8 12l10-7ZM6 5v14',
  forward: 'M6 5v14l10-7L6 5ZM18 5v14',
  traffic: 'M4 20V10M9 20V4M14 20v-7M19 20V8',
} as const;

function Glyph({ d }: { d: string }) {
  return (
    <svg width="16" height="16" viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="2" strokeLinejoin="round" strokeLinecap="round">
      <path d={d} />
    </svg>
  );
}

// Memoised: the toolbar re-renders with the shell; this subscribes to three small values only.
export const PlaybackControls = memo(function PlaybackControls() {
  const playing = useStore((s) => s.playback.playing);
  const speed = useStore((s) => s.playback.speed);
  const hasFocus = useStore((s) => !!s.packetFocus);
  const trafficOpen = useStore((s) => !!s.trafficOpen);

  const setPlayback = (patch: Partial<{ playing: boolean; speed: number }>) =>
    useStore.setState((s) => ({ playback: { ...s.playback, ...patch } }));

  return (
    <div className="playback" role="group" aria-label="Packets">
      {/* Its words give way to the icon alone in a narrower window (app.css): the name and the tooltip stay. */}
      <button type="button" className="playback-send" aria-label="Send request" title="Send a request and watch its packets hop by hop" onClick={() => openSendRequest()}>
        <Glyph d={ICONS.send} />
        <span>Send request</span>
      </button>
      <button
        type="button"
        className="playback-icon"
        aria-label={playing ? 'Pause packets' : 'Play packets'}
        title={playing ? 'Pause packets' : 'Play packets'}
        onClick={() => {
          if (!playing) loadedPlayer()?.replayIfDone();
          setPlayback({ playing: !playing });
        }}
      >
        <Glyph d={playing ? ICONS.pause : ICONS.play} />
      </button>
      <button type="button" className="playback-icon" aria-label="Step back" title="Step back one hop" disabled={!hasFocus} onClick={() => loadedPlayer()?.stepBack()}>
        <Glyph d={ICONS.back} />
      </button>
      <button type="button" className="playback-icon" aria-label="Step forward" title="Step forward one hop" disabled={!hasFocus} onClick={() => loadedPlayer()?.stepForward()}>
        <Glyph d={ICONS.forward} />
      </button>
      <select className="playback-speed" aria-label="Playback speed" title="Playback speed" value={speed} onChange={(e) => setPlayback({ speed: Number(e.target.value) })}>
        {SPEEDS.map((x) => (
          <option key={x} value={x}>{x}×</option>
        ))}
      </select>
      <button type="button" className="playback-icon" aria-label="Traffic generator" title="Traffic generator" aria-pressed={trafficOpen} onClick={() => toggleTrafficGenerator()}>
        <Glyph d={ICONS.traffic} />
      </button>
    </div>
  );
});
