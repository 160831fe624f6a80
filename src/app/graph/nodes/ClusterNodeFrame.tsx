import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { FrameData } from '../../../graph/types';
import type { FlowNode } from '../flowTypes';
import { GIcon } from '../icons';
import { useLayoutOrientation } from '../layoutOrientation';
import { Handles, MenuButton, useIsSelected } from './common';

// A cluster node drawn as a frame holding its pods (React Flow child nodes). In rows
// the arrows come down into the pods from the Services above, so the header (name, IP,
// Ready, pod CIDR) goes below the pods, where no arrow crosses it (layoutFrames.ts).
export const ClusterNodeFrame = memo(function ClusterNodeFrame({ data }: NodeProps<FlowNode>) {
  const d = data.m as FrameData;
  const selected = useIsSelected(d.ref);
  const headerBelow = useLayoutOrientation() === 'rows' ? 'frame-header-below' : '';
  if (d.unscheduled) {
    return (
      <div className={`gnode frame frame-unscheduled ${headerBelow}`}>
        <div className="frame-head">
          <GIcon name="pending" className="state-pending" />
          <span className="gnode-name">Not scheduled</span>
        </div>
        <div className="frame-sub">pods waiting for a node</div>
      </div>
    );
  }
  const status = !d.ready ? 'NotReady' : 'Ready';
  return (
    <div className={`gnode frame ${d.ready ? 'frame-ready' : 'frame-notready'} ${d.cordoned ? 'frame-cordoned' : ''} ${selected ? 'is-selected' : ''} ${headerBelow}`}>
      <Handles />
      <div className="frame-head">
        <GIcon name={d.ready ? 'nodeReady' : 'nodeNotReady'} className={d.ready ? 'state-ready' : 'state-bad'} />
        <span className="gnode-name">{d.name}</span>
        <span className="mono frame-ip">{d.internalIP}</span>
      </div>
      <div className="frame-sub">
        <span className={d.ready ? 'state-ready' : 'state-bad'}>{status}</span>
        {d.cordoned && (
          <span className="badge badge-warn">
            <GIcon name="cordoned" size={12} /> cordoned
          </span>
        )}
        {d.stopped && (
          <span className="badge badge-neutral" title="sim node stop: the kubelet stops reporting; the control plane marks the node NotReady after about 40 s">
            <GIcon name="power" size={12} /> powered off
          </span>
        )}
        <span className="muted frame-cidr">{d.podCIDR}</span>
        {/* On this line, not beside the IP: a frame one pod wide keeps the whole InternalIP, which NodePort lessons curl. */}
        <MenuButton data={d} name={`node ${d.name}`} />
      </div>
    </div>
  );
});
