// React Flow's view of a model node: the model data under `m` (React Flow wants
// node data to be an index-able record).
import type { Edge, Node } from '@xyflow/react';
import type { NodeData } from '../../graph/types';

export type FlowData = { m: NodeData };
export type FlowNode = Node<FlowData>;
export type FlowEdge = Edge<{ kind: string }>;
