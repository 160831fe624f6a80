// The engine's extension (extensionRegistry.ts explains the split): everything a
// cluster needs only once someone applies or runs something. Imported by
// commandLine.ts (so it shares the command line's lazily loaded chunk in the
// browser) and by the Node-only helpers that assemble a control plane by hand.

import { createIngressStrategy } from './api/strategies/ingress';
import { createNetworkPolicyStrategy } from './api/strategies/networkPolicy';
import { validateService, validateServiceUpdate } from './api/strategies/service/validation';
import { validateDaemonSetSpec, validateDeploymentSpec, validateReplicaSetSpec, validateStatefulSetSpec } from './api/strategies/workloadValidation';
import { validatePodOnlyContainerRules, validatePodSpec } from './api/validation/podSpec';
import { createEndpointSliceMirroringController } from './controllers/endpoints/endpointSliceMirroringController';
import { createIngressController } from './controllers/ingressController';
import { createNamespaceController } from './controllers/namespace';
import { createStatefulSetController } from './controllers/statefulset';
import { historyToClean, planDaemonSetRollingUpdate } from './controllers/workloads/daemonSetRollingUpdate';
import type { EngineExtension } from './extensionRegistry';

export const fullExtension: EngineExtension = {
  validation: {
    validatePodSpec,
    validatePodOnlyContainerRules,
    validateReplicaSetSpec,
    validateDeploymentSpec,
    validateStatefulSetSpec,
    validateDaemonSetSpec,
    validateService,
    validateServiceUpdate,
  },
  createIngressStrategy: createIngressStrategy as EngineExtension['createIngressStrategy'],
  createNetworkPolicyStrategy: createNetworkPolicyStrategy as EngineExtension['createNetworkPolicyStrategy'],
  createStatefulSetController,
  planDaemonSetRollingUpdate,
  daemonSetHistoryToClean: historyToClean,
  createIngressController,
  createEndpointSliceMirroringController,
  createNamespaceController,
};
