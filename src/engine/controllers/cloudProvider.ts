// Placeholder: replaced by the real controller.
import type { EngineContext } from '../context';
import { noopController } from './noop';
import type { Controller } from './runtime';

export function createServiceLoadBalancerController(_ctx: EngineContext): Controller {
  return noopController('service-lb');
}
