// Applies a list of EndpointSlice changes through the API server in order
// (creates, updates, deletes), stopping at the first failure as upstream's
// finalize does, and returns that failure's message.

import type { EngineContext } from '../../context';
import type { SliceChange } from './endpointSliceReconciler';

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** `owner` reads like upstream's messages: `Service default/web` or `Endpoints default/db`. */
export function applySliceChanges(ctx: EngineContext, namespace: string, owner: string, changes: readonly SliceChange[]): string | undefined {
  for (const c of changes) {
    try {
      // The reconcilers build each slice for this write alone: handed over, not copied.
      if (c.op === 'create') ctx.api.create(c.slice, { handOver: true });
      else if (c.op === 'update') ctx.api.update(c.slice, { handOver: true });
      else if (ctx.store.get('EndpointSlice', namespace, c.name)) ctx.api.delete('EndpointSlice', namespace, c.name);
    } catch (e) {
      // A namespace being terminated refuses new content: drop the work, as upstream does.
      if (c.op === 'create' && messageOf(e).includes('because it is being terminated')) return undefined;
      const what = c.op === 'create' ? 'create EndpointSlice' : `${c.op} ${c.op === 'delete' ? c.name : c.slice.metadata.name} EndpointSlice`;
      return `failed to ${what} for ${owner}: ${messageOf(e)}`;
    }
  }
  return undefined;
}
