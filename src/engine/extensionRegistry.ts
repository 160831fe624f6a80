// The seam between the cluster the first picture needs and the parts of the engine
// it does not: the Ingress and NetworkPolicy kinds, the StatefulSet and ingress-nginx
// controllers, and the heavy spec validation of Pods, workloads and Services. A fresh
// cluster (nodes, system pods, ingress-nginx's Deployment) never stores an Ingress,
// NetworkPolicy or StatefulSet, and its bootstrap objects are valid, so the browser
// can draw it without this code. extension.ts holds the real thing; it is installed
// together with the command line (commandLine.ts), so in Node (index.ts, cluster.ts)
// it is always there, and in the browser it arrives in the command line's chunk.
// lean.ts rebuilds a cluster made without it on first use once it is installed, so
// no cluster ever runs commands without it.
//
// Imports here are type-only: this module must stay tiny.

import type { KindStrategy } from './api/registry';
import type { historyToClean, planDaemonSetRollingUpdate } from './controllers/workloads/daemonSetRollingUpdate';
import type { validateService, validateServiceUpdate } from './api/strategies/service/validation';
import type { validateDaemonSetSpec, validateDeploymentSpec, validateReplicaSetSpec, validateStatefulSetSpec } from './api/strategies/workloadValidation';
import type { validatePodOnlyContainerRules, validatePodSpec } from './api/validation/podSpec';
import type { EngineContext } from './context';
import type { Controller } from './controllers/runtime';

/** The spec validation the strategies of the always-present kinds call (strategies/index.ts). */
export interface SpecValidation {
  validatePodSpec: typeof validatePodSpec;
  validatePodOnlyContainerRules: typeof validatePodOnlyContainerRules;
  validateReplicaSetSpec: typeof validateReplicaSetSpec;
  validateDeploymentSpec: typeof validateDeploymentSpec;
  validateStatefulSetSpec: typeof validateStatefulSetSpec;
  validateDaemonSetSpec: typeof validateDaemonSetSpec;
  validateService: typeof validateService;
  validateServiceUpdate: typeof validateServiceUpdate;
}

type StrategyFactory = (ctx: EngineContext) => KindStrategy;
type ControllerFactory = (ctx: EngineContext) => Controller;

export interface EngineExtension {
  validation: SpecValidation;
  createIngressStrategy: StrategyFactory;
  createNetworkPolicyStrategy: StrategyFactory;
  createStatefulSetController: ControllerFactory;
  /** The DaemonSet controller's rolling update (daemonSetReconciler.ts DaemonSetSyncInput.rollingUpdate). */
  planDaemonSetRollingUpdate: typeof planDaemonSetRollingUpdate;
  /** The DaemonSet controller's cleanup of revisions past revisionHistoryLimit. */
  daemonSetHistoryToClean: typeof historyToClean;
  createIngressController: ControllerFactory;
  /** EndpointSlice mirroring and namespace deletion: nothing of a fresh cluster needs them. */
  createEndpointSliceMirroringController: ControllerFactory;
  createNamespaceController: ControllerFactory;
}

let installed: EngineExtension | undefined;

/** Installs the extension for every cluster created (or, in lean.ts, rebuilt) from now on. Idempotent. */
export function installExtension(extension: EngineExtension): void {
  installed ??= extension;
}

/** The installed extension, or undefined while the command line's chunk is still loading (browser only). */
export function installedExtension(): EngineExtension | undefined {
  return installed;
}
