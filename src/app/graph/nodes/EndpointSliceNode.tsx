import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { SliceData } from '../../../graph/types';
import type { FlowNode } from '../flowTypes';
import { GIcon } from '../icons';
import { Handles, nodeClass, useIsSelected } from './common';

// Memoised per item (see PodNode).
export const EndpointSliceNode = memo(function EndpointSliceNode({ data }: NodeProps<FlowNode>) {
  const d = data.m as SliceData;
  const selected = useIsSelected(d.ref);
  return (
    <div className={nodeClass('slice', '', selected)}>
      <Handles />
      <div className="gnode-head">
        <GIcon name="slice" className="kind-slice" />
        <span className="gnode-name">{d.name}</span>
      </div>
      <div className="gnode-meta">
        <span className="muted">EndpointSlice</span>
        <span className="state-ready">{d.ready} ready</span>
        {d.notReady > 0 && <span className="state-notReady">{d.notReady} not ready</span>}
      </div>
    </div>
  );
});
