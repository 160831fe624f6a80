// The required half of a pod's node affinity, as the scheduler's NodeAffinity filter and the
// DaemonSet controller evaluate it: spec.nodeSelector AND any one of the
// requiredDuringSchedulingIgnoredDuringExecution terms, a term being its matchExpressions (on
// node labels) AND its matchFields (only metadata.name). The DaemonSet controller pins each of
// its pods to a node with `matchFields: metadata.name In [node]`.
// Sources: staging/src/k8s.io/component-helpers/scheduling/corev1/nodeaffinity/nodeaffinity.go
// (GetRequiredNodeAffinity, LazyErrorNodeSelector.Match, nodeSelectorRequirementsAsSelector,
// nodeSelectorRequirementsAsFieldSelector), pkg/scheduler/framework/plugins/nodeaffinity.

import type { Node, Pod } from '../core/types';

export interface NodeSelectorRequirement {
  key: string;
  operator: string;
  values?: string[];
}

export interface NodeSelectorTerm {
  matchExpressions?: NodeSelectorRequirement[];
  matchFields?: NodeSelectorRequirement[];
}

interface AffinityOfPod {
  nodeAffinity?: { requiredDuringSchedulingIgnoredDuringExecution?: { nodeSelectorTerms?: NodeSelectorTerm[] } };
}

/** The pod's required node selector terms, or undefined when it has none. */
export function requiredNodeSelectorTerms(pod: Pod): NodeSelectorTerm[] | undefined {
  const affinity = (pod.spec as { affinity?: AffinityOfPod }).affinity;
  return affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
}

/** One label requirement (labels.Requirement.Matches); a malformed one matches nothing. */
function labelRequirementMatches(req: NodeSelectorRequirement, labels: Record<string, string>): boolean {
  const has = Object.prototype.hasOwnProperty.call(labels, req.key);
  const values = req.values ?? [];
  switch (req.operator) {
    case 'In': return has && values.includes(labels[req.key]);
    case 'NotIn': return !has || !values.includes(labels[req.key]);
    case 'Exists': return has;
    case 'DoesNotExist': return !has;
    case 'Gt':
    case 'Lt': {
      if (!has || values.length !== 1 || !/^-?\d+$/.test(values[0]) || !/^-?\d+$/.test(labels[req.key])) return false;
      const [have, want] = [Number(labels[req.key]), Number(values[0])];
      return req.operator === 'Gt' ? have > want : have < want;
    }
    default: return false;
  }
}

/** One field requirement: only metadata.name, only In / NotIn with one value (nodeSelectorRequirementsAsFieldSelector). */
function fieldRequirementMatches(req: NodeSelectorRequirement, node: Node): boolean {
  const values = req.values ?? [];
  if (req.key !== 'metadata.name' || values.length !== 1) return false;
  if (req.operator === 'In') return node.metadata.name === values[0];
  if (req.operator === 'NotIn') return node.metadata.name !== values[0];
  return false;
}

/** A term with neither expressions nor fields matches no node. */
function termMatches(term: NodeSelectorTerm, node: Node): boolean {
  const exprs = term.matchExpressions ?? [];
  const fields = term.matchFields ?? [];
  if (!exprs.length && !fields.length) return false;
  const labels = node.metadata.labels ?? {};
  return exprs.every((r) => labelRequirementMatches(r, labels)) && fields.every((r) => fieldRequirementMatches(r, node));
}

/** RequiredNodeAffinity.Match: the node selector and the required terms (either may be absent). */
export function requiredNodeAffinityMatches(pod: Pod, node: Node): boolean {
  const nodeSelector = pod.spec.nodeSelector;
  if (nodeSelector) {
    const labels = node.metadata.labels ?? {};
    for (const k of Object.keys(nodeSelector)) if (labels[k] !== nodeSelector[k]) return false;
  }
  const terms = requiredNodeSelectorTerms(pod);
  return !terms || terms.some((t) => termMatches(t, node));
}
