// Registers every kind's strategy with the API server. The Ingress and NetworkPolicy
// strategies and the heavy spec validation come from the engine's extension
// (extensionRegistry.ts); without it (the browser's first picture only) those kinds
// are registered bare, in the same place, and specs are not validated.
import type { EngineContext } from '../../context';
import type { EngineExtension } from '../../extensionRegistry';
import { KINDS } from '../kinds';
import type { KindStrategy } from '../registry';
import { createConfigMapStrategy } from './configMap';
import { createEndpointSliceStrategy } from './endpointSlice';
import { createEndpointsStrategy } from './endpoints';
import { createEventStrategy } from './event';
import { createIngressClassStrategy } from './ingressClass';
import { createNamespaceStrategy } from './namespace';
import { createNodeStrategy } from './node';
import { createPodStrategy } from './pod';
import { createServiceStrategy } from './service/strategy';
import { createServiceAccountStrategy } from './serviceAccount';
import { createControllerRevisionStrategy, createDaemonSetStrategy, createDeploymentStrategy, createReplicaSetStrategy, createStatefulSetStrategy } from './workloads';

/** `extension` is required so that every caller decides: undefined means no Ingress kinds and no spec validation. */
export function registerStrategies(ctx: EngineContext, extension: EngineExtension | undefined): void {
  const v = extension?.validation;
  const strategies = [
    createServiceStrategy(ctx, v),
    createPodStrategy(ctx, v),
    createReplicaSetStrategy(ctx, v),
    createDeploymentStrategy(ctx, v),
    createStatefulSetStrategy(ctx, v),
    createDaemonSetStrategy(ctx, v),
    createControllerRevisionStrategy(ctx),
    createNamespaceStrategy(ctx),
    createNodeStrategy(ctx),
    createEndpointsStrategy(ctx),
    createEndpointSliceStrategy(ctx),
    createEventStrategy(ctx),
    createServiceAccountStrategy(ctx),
    createConfigMapStrategy(ctx),
    extension ? extension.createIngressStrategy(ctx) : { info: KINDS.Ingress },
    createIngressClassStrategy(ctx),
    extension ? extension.createNetworkPolicyStrategy(ctx) : { info: KINDS.NetworkPolicy },
  ] as KindStrategy[];
  for (const s of strategies) ctx.registry.register(s);
  for (const info of Object.values(KINDS)) {
    if (!ctx.registry.info(info.kind)) ctx.registry.register({ info });
  }
}
