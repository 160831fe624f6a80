// Placeholder for packet playback controls; replaced by its real implementation.
export function PlaybackControls() {
  return <div className="placeholder">packet playback controls</div>;
}
