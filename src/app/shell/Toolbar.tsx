// Placeholder for the toolbar (examples, playback, traffic, theme); replaced by its real implementation.
export function Toolbar() {
  return <div className="placeholder">the toolbar (examples, playback, traffic, theme)</div>;
}
