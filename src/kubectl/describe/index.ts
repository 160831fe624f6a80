// Placeholder: replaced by kubectl describe for every kind.
import type { EngineContext } from '../../engine/context';
import type { KubeObject } from '../../engine/core/types';

/** `kubectl describe` text of one object, ending in '\n'. */
export function describeObject(_ctx: EngineContext, kind: string, obj: KubeObject): string {
  return `Name: ${obj.metadata.name}\nKind: ${kind}\n`;
}
