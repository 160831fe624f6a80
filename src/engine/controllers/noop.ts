// A controller that does nothing: the placeholder for one not yet written.
import { KeyQueue } from '../core/queue';
import type { Controller } from './runtime';

export function noopController(name: string): Controller {
  return { name, queue: new KeyQueue(), handle: () => {}, sync: () => {} };
}
