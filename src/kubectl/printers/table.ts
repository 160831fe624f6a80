// Placeholder: replaced by kubectl's table printers.
import type { EngineContext } from '../../engine/context';
import type { KubeObject } from '../../engine/core/types';

export interface TableOptions {
  /** `-o wide`: add the priority-1 columns. */
  wide: boolean;
  /** `--show-labels`: a LABELS column. */
  showLabels: boolean;
  /** `-L key`: one column per key. */
  labelColumns: string[];
  /** `-A`: a leading NAMESPACE column. */
  withNamespace: boolean;
  /** Several kinds in one `get`: names print as `kind/name` (e.g. `service/web`). */
  showKind: boolean;
  noHeaders: boolean;
}

/** One table for objects of one kind, lines ending in '\n'; header included unless noHeaders. */
export function printTable(_ctx: EngineContext, kind: string, objects: KubeObject[], _opts: TableOptions): string {
  return objects.map((o) => `${kind} ${o.metadata.name}`).join('\n') + '\n';
}
