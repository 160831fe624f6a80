// The workspace files: what the editor shows as tabs and what
// `kubectl apply -f NAME` reads. Paths are flat names like `web.yaml`.

export class Workspace {
  private files = new Map<string, string>();

  static normalise(path: string): string {
    return path.replace(/^(\.\/)+/, '').replace(/^\/+/, '');
  }

  write(path: string, text: string): void {
    this.files.set(Workspace.normalise(path), text);
  }

  read(path: string): string | undefined {
    return this.files.get(Workspace.normalise(path));
  }

  remove(path: string): boolean {
    return this.files.delete(Workspace.normalise(path));
  }

  list(): string[] {
    return [...this.files.keys()].sort();
  }

  entries(): Record<string, string> {
    return Object.fromEntries([...this.files.entries()].sort(([a], [b]) => (a < b ? -1 : 1)));
  }
}
