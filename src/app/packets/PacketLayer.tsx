// Placeholder for the canvas that draws packets in flight. It is rendered as a
// child of <ReactFlow> by GraphPane, so it can read the viewport and node positions.
export function PacketLayer() {
  return null;
}
