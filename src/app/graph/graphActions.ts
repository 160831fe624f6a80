// Callbacks node components need from the graph pane (open a context menu,
// expand a group), passed through context so nodes stay memoised per item.
import { createContext, useContext } from 'react';
import type { NodeData } from '../../graph/types';

export interface MenuAnchor {
  x: number;
  y: number;
}

export interface GraphActions {
  openMenu(data: NodeData, anchor: MenuAnchor): void;
  toggleGroup(groupKey: string): void;
}

export const GraphActionsContext = createContext<GraphActions>({ openMenu: () => {}, toggleGroup: () => {} });

export const useGraphActions = () => useContext(GraphActionsContext);
