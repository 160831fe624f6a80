// The live cluster graph: snapshot -> model (src/graph, pure) -> stable layout ->
// React Flow. Packets are drawn by <PacketLayer /> on one canvas inside <ReactFlow>.
// This module and everything it imports load as a chunk apart from the first
// picture (LazyGraphPane.tsx); keep it out of the entry's static imports.
import '@xyflow/react/dist/style.css';
import './graph.css';
import { applyNodeChanges, Background, ReactFlow, ReactFlowProvider, useReactFlow, useUpdateNodeInternals, type NodeChange } from '@xyflow/react';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { emptyLayoutCache, layoutGraph, type LayoutCache } from '../../graph/layout';
import { buildGraphModel } from '../../graph/model';
import { LessonStrip } from '../lesson/LessonStrip';
import type { NodeData, WorkloadRef } from '../../graph/types';
import { PacketLayer } from '../packets/PacketLayer';
import { runCommand, select, setHighlight } from '../store/actions';
import { useStore } from '../store/state';
import { FaultMenu, type FaultHandlers } from './FaultMenu';
import type { FlowNode } from './flowTypes';
import { GraphActionsContext, type GraphActions, type MenuAnchor } from './graphActions';
import { FIT_PADDING, GraphToolbar } from './GraphToolbar';
import { highlightEdges } from './highlightEdges';
import { LabelDialog } from './LabelDialog';
import { LayoutOrientationContext } from './layoutOrientation';
import { useWindowOrientation } from './orientationForWindow';
import { Legend } from './Legend';
import { NODE_TYPES } from './nodeTypes';
import { ScaleDialog } from './ScaleDialog';
import { emptyFlowCache, toFlowEdges, toFlowNodes } from './toFlow';

export function GraphPane() {
  return (
    <section className="graph-pane" aria-label="Cluster graph">
      <LessonStrip />
      <ReactFlowProvider>
        <GraphCanvas />
      </ReactFlowProvider>
    </section>
  );
}

type DialogState = { kind: 'labels'; namespace: string; name: string } | { kind: 'scale'; namespace: string; workload: WorkloadRef } | null;

function GraphCanvas() {
  const snapshot = useStore((s) => s.snapshot);
  const highlight = useStore((s) => s.highlight);
  const theme = useStore((s) => s.theme);
  const readOnly = useStore((s) => s.embed.readOnly);
  const embed = useStore((s) => s.embed.enabled);
  const [showSystem, setShowSystem] = useState(false);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set());
  const [menu, setMenu] = useState<{ data: NodeData; anchor: MenuAnchor } | null>(null);
  const [dialog, setDialog] = useState<DialogState>(null);
  const [status, setStatus] = useState<{ line: string; error?: string } | null>(null);
  const { fitView } = useReactFlow();

  const model = useMemo(() => buildGraphModel(snapshot, { showSystem, expandedGroups: expanded }), [snapshot, showSystem, expanded]);
  // Positions persist across snapshots (kept in a ref: the layout reads the previous one).
  const layoutCache = useRef<LayoutCache>(emptyLayoutCache());
  const flowCache = useRef(emptyFlowCache());
  // Columns, the familiar picture, or rows in a short window (orientationForWindow.ts):
  // chosen from the window's size, never from a pane opened for a moment or from an
  // edit, so the picture does not re-arrange itself under the person.
  const orientation = useWindowOrientation(embed);
  const layout = useMemo(() => {
    const l = layoutGraph(model.nodes, layoutCache.current, orientation);
    layoutCache.current = l.cache;
    return l;
  }, [model, orientation]);

  const [nodes, setNodes] = useState<FlowNode[]>([]);
  useLayoutEffect(() => setNodes(toFlowNodes(model, layout, flowCache.current)), [model, layout]);
  const baseEdges = useMemo(() => toFlowEdges(model, flowCache.current), [model]);
  const edges = useMemo(() => highlightEdges(baseEdges, model, highlight), [baseEdges, model, highlight]);

  const onNodesChange = useCallback((changes: NodeChange<FlowNode>[]) => {
    setNodes((current) => {
      const next = applyNodeChanges(changes, current);
      // Keep the reuse cache pointing at React Flow's latest objects (measured sizes, selection).
      for (const n of next) {
        const memo = flowCache.current.nodes.get(n.id);
        if (memo) memo.item = n;
      }
      return next;
    });
    for (const c of changes) {
      if (c.type !== 'position' || !c.position || c.dragging) continue;
      // A node a person dragged stays where they put it.
      const pos = new Map(layoutCache.current.pos);
      pos.set(c.id, c.position);
      layoutCache.current = { ...layoutCache.current, pos };
    }
  }, []);

  // The view fits the whole picture — on first load, when the pane is resized and
  // when objects come or go — until the person pans or zooms; the Fit button resumes it.
  const autoFit = useRef(true);
  const canvasRef = useRef<HTMLDivElement>(null);
  const fit = useCallback(() => requestAnimationFrame(() => fitView({ padding: FIT_PADDING })), [fitView]);
  useEffect(() => {
    if (autoFit.current && nodes.length > 0) fit();
  }, [nodes.length, fit]);
  const modelNodes = useRef(model.nodes);
  modelNodes.current = model.nodes;
  useEffect(() => {
    const el = canvasRef.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(() => {
      if (autoFit.current) fit();
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, [fit]);
  // Handles moved to other sides: React Flow measures them again, then the new shape is fitted.
  const updateNodeInternals = useUpdateNodeInternals();
  const shownOrientation = useRef(orientation);
  useEffect(() => {
    if (shownOrientation.current === orientation) return;
    shownOrientation.current = orientation;
    updateNodeInternals(modelNodes.current.map((n) => n.id));
    if (autoFit.current) fit();
  }, [orientation, updateNodeInternals, fit]);
  const onMove = useCallback((event: unknown) => {
    // Only a person's gesture carries an event; fitView's own moves do not. Not onMoveStart:
    // a click on a pod (which opens the inspector) starts a pan that never moves.
    if (event) autoFit.current = false;
  }, []);
  const onFitButton = useCallback(() => {
    autoFit.current = true;
  }, []);

  const openMenu = useCallback((data: NodeData, anchor: MenuAnchor) => setMenu({ data, anchor }), []);
  const toggleGroup = useCallback(
    (key: string) =>
      setExpanded((s) => {
        const n = new Set(s);
        if (n.has(key)) n.delete(key);
        else n.add(key);
        return n;
      }),
    [],
  );
  const actions = useMemo<GraphActions>(() => ({ openMenu, toggleGroup }), [openMenu, toggleGroup]);
  const handlers = useMemo<FaultHandlers>(
    () => ({
      run: (line) => {
        const r = runCommand(line, 'menu');
        setStatus({ line, error: r.exitCode !== 0 ? r.stderr.trim() || `exit code ${r.exitCode}` : undefined });
      },
      editLabels: (namespace, name) => setDialog({ kind: 'labels', namespace, name }),
      scale: (namespace, workload) => setDialog({ kind: 'scale', namespace, workload }),
      toggleGroup,
    }),
    [toggleGroup],
  );

  const onNodeClick = useCallback((_: MouseEvent, node: FlowNode) => {
    const d = node.data.m;
    if ('ref' in d && d.ref) select(d.ref);
  }, []);
  const onNodeContextMenu = useCallback(
    (e: MouseEvent, node: FlowNode) => {
      e.preventDefault();
      if (!readOnly) setMenu({ data: node.data.m, anchor: { x: e.clientX, y: e.clientY } });
    },
    [readOnly],
  );
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && highlight) setHighlight(null);
    const el = (e.target as HTMLElement).closest<HTMLElement>('.react-flow__node');
    if (!el || e.target !== el) return;
    const node = nodes.find((n) => n.id === el.dataset.id);
    if (!node) return;
    if (e.key === 'ContextMenu' || (e.shiftKey && e.key === 'F10')) {
      e.preventDefault();
      const r = el.getBoundingClientRect();
      if (!readOnly) setMenu({ data: node.data.m, anchor: { x: r.left + 12, y: r.top + 24 } });
    } else if (e.key === 'Enter') {
      const d = node.data.m;
      if ('ref' in d && d.ref) select(d.ref);
    }
  };

  useEffect(() => {
    if (!status) return;
    const t = setTimeout(() => setStatus(null), 6000);
    return () => clearTimeout(t);
  }, [status]);

  return (
    <GraphActionsContext.Provider value={actions}>
      <LayoutOrientationContext.Provider value={orientation}>
        <div ref={canvasRef} className={`graph-canvas ${highlight ? 'is-highlighting' : ''}`} data-orientation={orientation} onKeyDown={onKeyDown}>
          <ReactFlow<FlowNode>
            nodes={nodes}
            edges={edges}
            nodeTypes={NODE_TYPES}
            onNodesChange={onNodesChange}
            onNodeClick={onNodeClick}
            onNodeContextMenu={onNodeContextMenu}
            onPaneClick={() => setHighlight(null)}
            onMove={onMove}
            colorMode={theme}
            // Space and Backspace belong to the editor (SETUP-NOTES): no key deletes anything here.
            deleteKeyCode={null}
            selectionKeyCode={null}
            multiSelectionKeyCode={null}
            nodesConnectable={false}
            elevateNodesOnSelect={false}
            minZoom={0.15}
            maxZoom={2.5}
            proOptions={{ hideAttribution: true }}
            aria-label="Cluster graph: nodes, pods, Services"
          >
            <Background gap={24} size={1} />
            <GraphToolbar showSystem={showSystem} onShowSystem={setShowSystem} onFit={onFitButton} />
            <Legend />
            <PacketLayer />
          </ReactFlow>
          <div className="graph-status" role="status" aria-live="polite">
            {status && (
              <span className={status.error ? 'status-error' : ''}>
                <span className="mono">$ {status.line}</span>
                {status.error && <span> — {status.error}</span>}
              </span>
            )}
          </div>
          {menu && <FaultMenu data={menu.data} x={menu.anchor.x} y={menu.anchor.y} handlers={handlers} onClose={() => setMenu(null)} />}
          {dialog?.kind === 'labels' && <LabelDialog namespace={dialog.namespace} name={dialog.name} run={handlers.run} onClose={() => setDialog(null)} />}
          {dialog?.kind === 'scale' && <ScaleDialog namespace={dialog.namespace} workload={dialog.workload} run={handlers.run} onClose={() => setDialog(null)} />}
        </div>
      </LayoutOrientationContext.Provider>
    </GraphActionsContext.Provider>
  );
}
