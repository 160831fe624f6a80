// Placeholder for the cluster graph; replaced by its real implementation.
export function GraphPane() {
  return <div className="placeholder">the cluster graph</div>;
}
