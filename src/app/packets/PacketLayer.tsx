// The packet layer, rendered by GraphPane as a child of <ReactFlow>: ONE canvas
// over the graph that follows the viewport (the player draws on it), ONE callout
// beside the focused packet with the hop's explanation, the hop list, and the
// hosts of the "Send request" dialog and the traffic generator.

import { useStoreApi } from '@xyflow/react';
import { useEffect, useRef } from 'react';
import { useStore } from '../store/state';
import { HopExplanation } from './HopExplanation';
import { player, type Point } from './player';
import { LazySendRequestDialog, LazyTrafficGenerator } from './LazyPanels';
import './packets.css';

export function PacketLayer() {
  const rf = useStoreApi();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const calloutRef = useRef<HTMLDivElement>(null);
  const titleRef = useRef<HTMLElement>(null);
  const textRef = useRef<HTMLSpanElement>(null);
  const stepRef = useRef<HTMLSpanElement>(null);
  const theme = useStore((s) => s.theme);

  useEffect(() => {
    const canvas = canvasRef.current!;
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
      transform: () => rf.getState().transform,
    });
    const parent = canvas.parentElement!;
    const ro = new ResizeObserver(() => player.resize(parent.clientWidth, parent.clientHeight));
    ro.observe(parent);
    player.resize(parent.clientWidth, parent.clientHeight);
    // Pan, zoom and layout changes redraw (one frame) even while nothing moves.
    let lastTransform = rf.getState().transform;
    let lastLookup = rf.getState().nodeLookup;
    const unsub = rf.subscribe((s) => {
      if (s.transform !== lastTransform || s.nodeLookup !== lastLookup) {
        lastTransform = s.transform;
        lastLookup = s.nodeLookup;
        player.requestDraw();
      }
    });
    return () => {
      unsub();
      ro.disconnect();
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
