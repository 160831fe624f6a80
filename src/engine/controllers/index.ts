// Starts every controller of the simulated control plane, in a fixed order
// (the order only decides which queue the manager drains first).
import type { EngineContext } from '../context';
import { createServiceLoadBalancerController } from './cloudProvider';
import { createDeploymentController } from './deployment';
import { createEndpointsController } from './endpoints/endpointsController';
import { createEndpointSliceController } from './endpoints/endpointSliceController';
import { createEndpointSliceMirroringController } from './endpoints/endpointSliceMirroringController';
import { createGarbageCollector } from './garbageCollector';
import { createIngressController } from './ingressController';
import { createKubeletController } from './kubelet';
import { createNamespaceController } from './namespace';
import { createNodeLifecycleController } from './nodeLifecycle';
import { createReplicaSetController } from './replicaset';
import { createSchedulerController } from './scheduler';
import { createStatefulSetController } from './statefulset';

export function startControllers(ctx: EngineContext): void {
  const factories = [
    createDeploymentController,
    createReplicaSetController,
    createStatefulSetController,
    createSchedulerController,
    createKubeletController,
    createEndpointsController,
    createEndpointSliceController,
    createEndpointSliceMirroringController,
    createServiceLoadBalancerController,
    createNodeLifecycleController,
    createNamespaceController,
    createGarbageCollector,
    createIngressController,
  ];
  for (const create of factories) ctx.controllers.add(create(ctx));
}
