// Placeholder for the inspector; replaced by its real implementation.
export function InspectorPane() {
  return <div className="placeholder">the inspector</div>;
}
