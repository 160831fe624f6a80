// Stable ids for graph nodes, shared by the graph, the packet layer and the
// inspector: one id per API object, plus ids for things outside the API.

/** `Pod/default/web-abc`, `Node//node-1` (cluster-scoped objects have an empty namespace). */
export function objectNodeId(kind: string, namespace: string | undefined, name: string): string {
  return `${kind}/${namespace ?? ''}/${name}`;
}

/** Graph nodes that are not API objects. */
export const WORKSTATION_NODE_ID = 'external/workstation';
export const CLOUD_LB_NODE_ID = 'external/cloud-load-balancer';
export const externalNameNodeId = (host: string) => `external/name/${host}`;
