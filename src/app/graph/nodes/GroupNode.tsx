import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { GroupData, PodState } from '../../../graph/types';
import { useGraphActions } from '../graphActions';
import type { FlowNode } from '../flowTypes';
import { GIcon, STATE_LABEL, StateIcon } from '../icons';
import { Handles, LabelChip, MenuButton, nodeClass, useEmphasis, useIsSelected } from './common';

const ORDER: PodState[] = ['ready', 'notReady', 'pending', 'terminating', 'crashLooping'];

// Memoised per item (see PodNode).
export const GroupNode = memo(function GroupNode({ data }: NodeProps<FlowNode>) {
  const d = data.m as GroupData;
  const emphasis = useEmphasis(d);
  const selected = useIsSelected(d.ref);
  const { toggleGroup } = useGraphActions();
  return (
    <div className={nodeClass('group', emphasis, selected)}>
      <Handles />
      <div className="gnode-head">
        <GIcon name="group" />
        <span className="gnode-name">
          {d.total} pods · {d.ownerName}
        </span>
        <MenuButton data={d} name={`${d.total} pods of ${d.ownerName}`} />
      </div>
      <div className="group-counts">
        {ORDER.filter((s) => d.counts[s] > 0).map((s) => (
          <span key={s} className={`count state-${s}`}>
            <StateIcon state={s} size={14} />
            {d.counts[s]} {STATE_LABEL[s].toLowerCase()}
          </span>
        ))}
      </div>
      <div className="chips">
        {d.labels.map(([k, v]) => (
          <LabelChip key={k} k={k} v={v} />
        ))}
      </div>
      <button
        type="button"
        className="link-btn nodrag"
        disabled={d.tooLarge}
        onClick={(e) => {
          e.stopPropagation();
          toggleGroup(d.groupKey);
        }}
      >
        {d.tooLarge ? 'too many pods to draw one by one' : `Show the ${d.total} pods`}
      </button>
    </div>
  );
});
