// `kubectl describe`: one describer per kind, as describe.go's describerMap; kinds
// without one use the generic describer (as kubectl does for Event and ControllerRevision).

import type { EngineContext } from '../../engine/context';
import type { DaemonSet, Deployment, EndpointSlice, Endpoints, KubeEvent, KubeObject, Namespace, Node, Pod, ReplicaSet, Service, StatefulSet } from '../../engine/core/types';
import { describeConfigMap, describeServiceAccount } from './configuration';
import { describeGeneric } from './generic';
import { describeIngress, describeIngressClass, describeNetworkPolicy } from './ingress';
import { describeEndpointSlice, describeEndpoints, describeService } from './networking';
import { describeNamespace, describeNode } from './node';
import { describePod } from './pod';
import { describeDaemonSet, describeDeployment, describeReplicaSet, describeStatefulSet } from './workloads';

function eventsFor(ctx: EngineContext, obj: KubeObject): KubeEvent[] {
  return ctx.events?.eventsFor(obj) ?? [];
}

/** `kubectl describe` text of one object, ending in '\n'. */
export function describeObject(ctx: EngineContext, kind: string, obj: KubeObject): string {
  const nowMs = ctx.clock.now();
  switch (kind) {
    case 'Service': {
      // describe.go lists EndpointSlices labelled kubernetes.io/service-name=<name>.
      const slices = ctx.store
        .list<EndpointSlice>('EndpointSlice', obj.metadata.namespace)
        .filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === obj.metadata.name);
      return describeService(obj as Service, slices, eventsFor(ctx, obj), nowMs);
    }
    case 'Endpoints': return describeEndpoints(obj as Endpoints, eventsFor(ctx, obj), nowMs);
    case 'EndpointSlice': return describeEndpointSlice(obj as EndpointSlice, eventsFor(ctx, obj), nowMs);
    case 'Pod': return describePod(obj as Pod, eventsFor(ctx, obj), nowMs);
    case 'Deployment': return describeDeployment(ctx, obj as Deployment, eventsFor(ctx, obj));
    case 'ReplicaSet': return describeReplicaSet(ctx, obj as ReplicaSet, eventsFor(ctx, obj));
    case 'StatefulSet': return describeStatefulSet(ctx, obj as StatefulSet, eventsFor(ctx, obj));
    case 'DaemonSet': return describeDaemonSet(ctx, obj as DaemonSet, eventsFor(ctx, obj));
    case 'Node': return describeNode(ctx, obj as Node, eventsFor(ctx, obj));
    case 'Namespace': return describeNamespace(obj as Namespace);
    case 'ServiceAccount': return describeServiceAccount(obj, eventsFor(ctx, obj), nowMs);
    case 'ConfigMap': return describeConfigMap(obj, eventsFor(ctx, obj), nowMs);
    case 'Ingress': return describeIngress(ctx, obj, eventsFor(ctx, obj));
    case 'IngressClass': return describeIngressClass(ctx, obj, eventsFor(ctx, obj));
    // describe.go's NetworkPolicy describer prints no events.
    case 'NetworkPolicy': return describeNetworkPolicy(obj);
    default: return describeGeneric(obj, eventsFor(ctx, obj), nowMs);
  }
}
