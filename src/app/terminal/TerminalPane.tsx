// Placeholder for the terminal; replaced by its real implementation.
export function TerminalPane() {
  return <div className="placeholder">the terminal</div>;
}
