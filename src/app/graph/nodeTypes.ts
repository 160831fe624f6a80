// React Flow node types, defined once at module level (a new object each
// render would make React Flow re-create every node).
import type { NodeTypes } from '@xyflow/react';
import { ClusterNodeFrame } from './nodes/ClusterNodeFrame';
import { EndpointSliceNode } from './nodes/EndpointSliceNode';
import { GroupNode } from './nodes/GroupNode';
import { PodNode } from './nodes/PodNode';
import { ServiceNode } from './nodes/ServiceNode';
import { CoreDnsNode, ExternalNameNode, IngressNode, LoadBalancerNode, WorkstationNode } from './nodes/SideNodes';

export const NODE_TYPES: NodeTypes = {
  frame: ClusterNodeFrame,
  pod: PodNode,
  group: GroupNode,
  service: ServiceNode,
  slice: EndpointSliceNode,
  lb: LoadBalancerNode,
  ingress: IngressNode,
  coredns: CoreDnsNode,
  workstation: WorkstationNode,
  externalName: ExternalNameNode,
};
