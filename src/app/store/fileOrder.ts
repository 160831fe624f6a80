// The tabs' order. The cluster's workspace lists files sorted by name; the editor
// shows them in the order they were created, as a person expects tabs to stay.

/**
 * The order for `files`: the names of `order` that are still files, then any
 * other file (new ones, written by a command or another tab) in the order
 * `files` lists them. Returns `order` itself when nothing changed: the store
 * refreshes on every tick, and an unchanged array re-renders nothing.
 */
export function reconcileOrder(order: readonly string[], files: Readonly<Record<string, string>>): string[] {
  const seen = new Set<string>();
  const next: string[] = [];
  for (const name of order) {
    if (Object.hasOwn(files, name) && !seen.has(name)) {
      seen.add(name);
      next.push(name);
    }
  }
  for (const name of Object.keys(files)) if (!seen.has(name)) next.push(name);
  return next.length === order.length && next.every((name, i) => name === order[i]) ? (order as string[]) : next;
}

/**
 * The tab that opens when the open tab `path` closes, as editors do: its right
 * neighbour, or its left one when it was the last; '' when no tab is left.
 */
export function tabAfterClosing(order: readonly string[], path: string): string {
  const i = order.indexOf(path);
  if (i < 0) return order[0] ?? '';
  return order[i + 1] ?? order[i - 1] ?? '';
}
