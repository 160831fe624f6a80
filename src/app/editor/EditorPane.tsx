// Placeholder for the YAML editor; replaced by its real implementation.
export function EditorPane() {
  return <div className="placeholder">the YAML editor</div>;
}
