// v1 defaulting of a Service request body, before anything else runs.
// Source: pkg/apis/core/v1/defaults.go SetDefaults_Service,
// SetDefaults_LoadBalancerIngress (ipMode VIP), pkg/api/service/util.go.

import type { Service } from '../../../core/types';
import { externallyAccessible, TYPE_CLUSTER_IP, TYPE_LOAD_BALANCER, TYPE_NODE_PORT } from './serviceUtil';

/** DefaultClientIPServiceAffinitySeconds: 3 hours. */
export const DEFAULT_CLIENT_IP_TIMEOUT_SECONDS = 10800;

export function setServiceDefaults(svc: Service): void {
  if (!svc.spec || typeof svc.spec !== 'object') svc.spec = {};
  const spec = svc.spec;

  if (!spec.sessionAffinity) spec.sessionAffinity = 'None';
  // With affinity None the config is dropped silently, so validation's
  // "must not be set when session affinity is None" is unreachable through v1.
  if (spec.sessionAffinity === 'None') delete spec.sessionAffinityConfig;
  if (spec.sessionAffinity === 'ClientIP' && spec.sessionAffinityConfig?.clientIP?.timeoutSeconds == null) {
    spec.sessionAffinityConfig = { clientIP: { timeoutSeconds: DEFAULT_CLIENT_IP_TIMEOUT_SECONDS } };
  }

  if (!spec.type) spec.type = TYPE_CLUSTER_IP;

  for (const port of spec.ports ?? []) {
    if (!port || typeof port !== 'object') continue;
    if (!port.protocol) port.protocol = 'TCP';
    // targetPort absent, 0 or "" all mean "same as port" (intstr.FromInt32(0) / FromString("")).
    if (port.targetPort === undefined || port.targetPort === null || port.targetPort === 0 || port.targetPort === '') {
      port.targetPort = port.port;
    }
  }

  if (externallyAccessible(svc) && !spec.externalTrafficPolicy) spec.externalTrafficPolicy = 'Cluster';

  if (spec.internalTrafficPolicy == null && (spec.type === TYPE_CLUSTER_IP || spec.type === TYPE_NODE_PORT || spec.type === TYPE_LOAD_BALANCER)) {
    spec.internalTrafficPolicy = 'Cluster';
  }

  if (spec.type === TYPE_LOAD_BALANCER) {
    if (spec.allocateLoadBalancerNodePorts == null) spec.allocateLoadBalancerNodePorts = true;
    for (const ing of svc.status?.loadBalancer?.ingress ?? []) {
      if (ing.ip && !ing.ipMode) ing.ipMode = 'VIP';
    }
  }
}
