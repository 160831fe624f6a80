// Which workspace files a command line applies: the editor's clean/dirty tabs
// follow it (editor/appliedTracker.ts), and so does the first picture, whose
// example files are about to be applied by the example's own boot commands.

/** The files a real (not dry-run) `kubectl apply -f …` line reads. */
export function appliedFilesOf(line: string): string[] {
  const words = line.trim().split(/\s+/);
  if (words[0] !== 'kubectl' || !words.includes('apply')) return [];
  if (words.some((w) => w.startsWith('--dry-run') && w !== '--dry-run=none')) return [];
  const files: string[] = [];
  for (let i = 1; i < words.length; i++) {
    const w = words[i];
    if ((w === '-f' || w === '--filename') && words[i + 1]) files.push(words[++i]);
    else if (w.startsWith('--filename=')) files.push(w.slice('--filename='.length));
    else if (w.startsWith('-f') && w.length > 2) files.push(w.slice(2).replace(/^=/, ''));
  }
  return files.filter((f) => f !== '-');
}

/** The files among `files` that `commands` will apply, with the text they will apply. */
export function filesAppliedBy(commands: readonly string[], files: Readonly<Record<string, string>>): Record<string, string> {
  const applied: Record<string, string> = {};
  for (const line of commands) for (const f of appliedFilesOf(line)) if (Object.hasOwn(files, f)) applied[f] = files[f];
  return applied;
}
