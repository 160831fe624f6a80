// Workspace file names: what the tabs accept when creating or renaming a file.
// `kubectl apply -f NAME` reads these names, so they stay simple.

/** Why `name` cannot be used, or undefined when it can. */
export function fileNameProblem(name: string, existing: readonly string[], current?: string): string | undefined {
  const n = name.trim();
  if (!n) return 'A file needs a name.';
  if (n.includes('/') || n.includes('\\')) return 'File names cannot contain slashes.';
  if (/\s/.test(n)) return 'File names cannot contain spaces.';
  if (!/\.ya?ml$/i.test(n) || /^\.ya?ml$/i.test(n)) return 'File names end in .yaml or .yml.';
  if (n !== current && existing.includes(n)) return `A file named ${n} already exists.`;
  return undefined;
}

/** The first free `untitled-N.yaml`. */
export function untitledName(existing: readonly string[]): string {
  for (let i = 1; ; i++) {
    const name = `untitled-${i}.yaml`;
    if (!existing.includes(name)) return name;
  }
}
