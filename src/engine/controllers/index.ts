// Starts every controller of the simulated control plane, in a fixed order
// (the order only decides which queue the manager drains first). The StatefulSet,
// EndpointSlice mirroring, namespace and ingress-nginx controllers come from the engine's
// extension (extensionRegistry.ts): without it (the browser's first picture only, which
// has no StatefulSet, Ingress, selectorless Service or deleted namespace) they are left out.
import type { EngineContext } from '../context';
import type { EngineExtension } from '../extensionRegistry';
import { createServiceLoadBalancerController } from './cloudProvider';
import { createDaemonSetController } from './daemonset';
import { createDeploymentController } from './deployment';
import { createEndpointsController } from './endpoints/endpointsController';
import { createEndpointSliceController } from './endpoints/endpointSliceController';
import { createGarbageCollector } from './garbageCollector';
import { createKubeletController } from './kubelet';
import { createNodeLifecycleController } from './nodeLifecycle';
import { createReplicaSetController } from './replicaset';
import { createSchedulerController } from './scheduler';
import { createRootCACertPublisher, createServiceAccountsController } from './serviceaccounts/controllers';

export function startControllers(ctx: EngineContext, extension: EngineExtension | undefined): void {
  const factories = [
    // First, so that a namespace has its `default` ServiceAccount and CA bundle before the
    // workload controllers create pods in it (which the ServiceAccount admission plugin requires).
    createServiceAccountsController,
    createRootCACertPublisher,
    createDeploymentController,
    createReplicaSetController,
    extension?.createStatefulSetController,
    createDaemonSetController,
    createSchedulerController,
    createKubeletController,
    createEndpointsController,
    createEndpointSliceController,
    extension?.createEndpointSliceMirroringController,
    createServiceLoadBalancerController,
    createNodeLifecycleController,
    extension?.createNamespaceController,
    createGarbageCollector,
    extension?.createIngressController,
  ];
  for (const create of factories) if (create) ctx.controllers.add(create(ctx));
}
