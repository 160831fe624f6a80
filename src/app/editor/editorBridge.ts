// A small bridge from the always-loaded pane to the lazily loaded Monaco editor:
// the problems list asks it to show a line without importing Monaco.

type Revealer = (line: number, col: number) => void;
let revealer: Revealer | undefined;

export function setRevealer(fn: Revealer | undefined): void {
  revealer = fn;
}

/** Moves the editor's cursor to a problem; false while Monaco is still loading. */
export function revealProblem(line: number, col: number): boolean {
  if (!revealer) return false;
  revealer(line, col);
  return true;
}
