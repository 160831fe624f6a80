// Registers every kind's strategy with the API server.
import type { EngineContext } from '../../context';
import { KINDS } from '../kinds';
import type { KindStrategy } from '../registry';
import { createEndpointSliceStrategy } from './endpointSlice';
import { createEndpointsStrategy } from './endpoints';
import { createEventStrategy } from './event';
import { createIngressStrategy } from './ingress';
import { createIngressClassStrategy } from './ingressClass';
import { createNamespaceStrategy } from './namespace';
import { createNetworkPolicyStrategy } from './networkPolicy';
import { createNodeStrategy } from './node';
import { createPodStrategy } from './pod';
import { createServiceStrategy } from './service/strategy';
import { createControllerRevisionStrategy, createDeploymentStrategy, createReplicaSetStrategy, createStatefulSetStrategy } from './workloads';

export function registerStrategies(ctx: EngineContext): void {
  const strategies = [
    createServiceStrategy(ctx),
    createPodStrategy(ctx),
    createReplicaSetStrategy(ctx),
    createDeploymentStrategy(ctx),
    createStatefulSetStrategy(ctx),
    createControllerRevisionStrategy(ctx),
    createNamespaceStrategy(ctx),
    createNodeStrategy(ctx),
    createEndpointsStrategy(ctx),
    createEndpointSliceStrategy(ctx),
    createEventStrategy(ctx),
    createIngressStrategy(ctx),
    createIngressClassStrategy(ctx),
    createNetworkPolicyStrategy(ctx),
  ] as KindStrategy[];
  for (const s of strategies) ctx.registry.register(s);
  for (const info of Object.values(KINDS)) {
    if (!ctx.registry.info(info.kind)) ctx.registry.register({ info });
  }
}
