import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { FrameData } from '../../../graph/types';
import type { FlowNode } from '../flowTypes';
import { GIcon } from '../icons';
import { Handles, MenuButton, useIsSelected } from './common';

// A cluster node drawn as a frame holding its pods (React Flow child nodes).
export const ClusterNodeFrame = memo(function ClusterNodeFrame({ data }: NodeProps<FlowNode>) {
  const d = data.m as FrameData;
  const selected = useIsSelected(d.ref);
  if (d.unscheduled) {
    return (
      <div className="gnode frame frame-unscheduled">
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
    <div className={`gnode frame ${d.ready ? 'frame-ready' : 'frame-notready'} ${d.cordoned ? 'frame-cordoned' : ''} ${selected ? 'is-selected' : ''}`}>
      <Handles />
      <div className="frame-head">
        <GIcon name={d.ready ? 'nodeReady' : 'nodeNotReady'} className={d.ready ? 'state-ready' : 'state-bad'} />
        <span className="gnode-name">{d.name}</span>
        <span className="mono frame-ip">{d.internalIP}</span>
        <MenuButton data={d} name={`node ${d.name}`} />
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
        <span className="muted">{d.podCIDR}</span>
      </div>
    </div>
  );
});
