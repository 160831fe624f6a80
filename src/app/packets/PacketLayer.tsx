// The packet layer, rendered by GraphPane as a child of <ReactFlow>: ONE canvas
// over the graph that follows the viewport (the player draws on it), ONE callout
// beside the focused packet with the hop's explanation, the hop list, and the
// hosts of the "Send request" dialog and the traffic generator.

import { useStoreApi } from '@xyflow/react';
import { useEffect, useRef } from 'react';
import { objectNodeId } from '../../graph/ids';
import type { FlowNode } from '../graph/flowTypes';
import { useStore } from '../store/state';
import type { Obstacle, Rect } from './calloutPlacement';
import { HopExplanation } from './HopExplanation';
import { player, type Point } from './player';
import { LazySendRequestDialog, LazyTrafficGenerator } from './LazyPanels';
import './packets.css';

export function PacketLayer() {
  const rf = useStoreApi<FlowNode>();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const calloutRef = useRef<HTMLDivElement>(null);
  const titleRef = useRef<HTMLElement>(null);
  const textRef = useRef<HTMLSpanElement>(null);
  const stepRef = useRef<HTMLSpanElement>(null);
  const theme = useStore((s) => s.theme);

  useEffect(() => {
    const canvas = canvasRef.current!;
    const parent = canvas.parentElement!;
    const detach = player.attach({
      canvas,
      callout: calloutRef.current!,
      calloutTitle: titleRef.current!,
      calloutText: textRef.current!,
      calloutStep: stepRef.current!,
      locate(ids: readonly string[], out: Point): boolean {
        const lookup = rf.getState().nodeLookup;
        for (let k = 0; k < ids.length; k++) {
          const node = lookup.get(ids[k]);
          if (!node || node.hidden) continue;
          const pos = node.internals.positionAbsolute;
          const w = node.measured?.width ?? node.width ?? 0;
          const h = node.measured?.height ?? node.height ?? 0;
          out.x = pos.x + w / 2;
          // A node's frame is large: packets visit its header, not the middle of its pods.
          out.y = ids[k].startsWith('Node/') ? pos.y + Math.min(18, h / 2) : pos.y + h / 2;
          return true;
        }
        return false;
      },
      obstacles(places: readonly (readonly string[])[], out: Obstacle[]): Rect | null {
        const { nodeLookup, transform } = rf.getState();
        const [tx, ty, zoom] = transform;
        const drawn = (ids: readonly string[]) =>
          ids.find((k) => {
            const n = nodeLookup.get(k);
            return !!n && !n.hidden;
          });
        const anchorId = drawn(places[0]);
        if (!anchorId) return null;
        const hop = new Set<string>();
        for (const ids of places) {
          const id = drawn(ids);
          if (id) hop.add(id);
        }
        let anchor: Rect | null = null;
        out.length = 0;
        for (const node of nodeLookup.values()) {
          if (node.hidden) continue;
          const pos = node.internals.positionAbsolute;
          const w = node.measured?.width ?? node.width ?? 0;
          const h = node.measured?.height ?? node.height ?? 0;
          const rect = { left: pos.x * zoom + tx, top: pos.y * zoom + ty, right: (pos.x + w) * zoom + tx, bottom: (pos.y + h) * zoom + ty };
          const m = node.data.m;
          // A Service's DNAT explanation is about the endpoints its EndpointSlices list.
          const isHop = hop.has(node.id) || (m.kind === 'slice' && !!m.service && hop.has(objectNodeId('Service', m.namespace, m.service)));
          out.push({ rect, hop: isHop });
          if (node.id === anchorId) anchor = rect;
        }
        // The buttons and cards over the graph (toolbar, legend, hop list).
        const box = parent.getBoundingClientRect();
        for (const el of parent.querySelectorAll<HTMLElement>('.react-flow__panel')) {
          const r = el.getBoundingClientRect();
          if (r.width > 0) out.push({ rect: { left: r.left - box.left, top: r.top - box.top, right: r.right - box.left, bottom: r.bottom - box.top }, hop: false });
        }
        return anchor;
      },
      transform: () => rf.getState().transform,
    });
    const ro = new ResizeObserver(() => player.resize(parent.clientWidth, parent.clientHeight));
    ro.observe(parent);
    player.resize(parent.clientWidth, parent.clientHeight);
    // The panels over the graph (the hop list, the legend, the traffic generator) are
    // obstacles for the callout too: when one appears or changes size (a person opens
    // the hop list while a step is on show), the callout is placed again rather than
    // left under or over it. React Flow renders panels as children of its root.
    const panelsResized = new ResizeObserver(() => player.layoutChanged());
    const observePanels = () => {
      for (const el of parent.children) if (el.classList.contains('react-flow__panel')) panelsResized.observe(el);
    };
    const panelsAdded = new MutationObserver(observePanels);
    panelsAdded.observe(parent, { childList: true });
    observePanels();
    // Pan, zoom and layout changes redraw (one frame) even while nothing moves.
    let lastTransform = rf.getState().transform;
    let lastLookup = rf.getState().nodeLookup;
    const unsub = rf.subscribe((s) => {
      if (s.nodeLookup !== lastLookup) {
        lastTransform = s.transform;
        lastLookup = s.nodeLookup;
        player.layoutChanged();
      } else if (s.transform !== lastTransform) {
        lastTransform = s.transform;
        player.requestDraw();
      }
    });
    return () => {
      unsub();
      ro.disconnect();
      panelsResized.disconnect();
      panelsAdded.disconnect();
      detach();
    };
  }, [rf]);

  useEffect(() => {
    // After App has set data-theme on <html> (parents' effects run after children's).
    const id = requestAnimationFrame(() => player.themeChanged());
    return () => cancelAnimationFrame(id);
  }, [theme]);

  return (
    <>
      <canvas ref={canvasRef} className="packet-canvas" role="img" aria-label="Packets in flight" />
      <div ref={calloutRef} className="packet-callout" role="note" aria-label="Hop explanation" hidden>
        <strong ref={titleRef} className="packet-callout-title" />
        <span ref={textRef} className="packet-callout-text" />
        <span ref={stepRef} className="packet-callout-step" />
      </div>
      <HopExplanation />
      <LazyTrafficGenerator />
      <LazySendRequestDialog />
    </>
  );
}
