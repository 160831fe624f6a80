import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { PodData } from '../../../graph/types';
import type { FlowNode } from '../flowTypes';
import { STATE_LABEL, StateIcon } from '../icons';
import { Handles, LabelChip, MenuButton, nodeClass, useEmphasis, useIsSelected } from './common';

/**
 * The whole name, as `kubectl get pods` prints it, so a student can match the card to the
 * terminal: it wraps after a `-` when it is too long for one line (`web-bc8f6d5d7-` / `9wqbw`),
 * and the card is sized for the lines it takes (src/graph/sizes.ts podNameLines).
 */
function PodName({ name }: { name: string }) {
  const parts = name.match(/[^-]*-|[^-]+$/g) ?? [name];
  return (
    <span className="gnode-name pod-name">
      {parts.map((p, i) => (
        // A line may break after each `-` (<wbr>), and nowhere else unless a part is wider than the card.
        <span key={i}>
          {p}
          {i < parts.length - 1 && <wbr />}
        </span>
      ))}
    </span>
  );
}

/**
 * The pod's own labels (app=web, tier=…: what Services select) as chips that are never cut
 * to "a…"; labels with a prefixed key, which controllers add (statefulset.kubernetes.io/pod-name,
 * apps.kubernetes.io/pod-index), fold into one "+N" chip that lists them. The inspector shows all.
 */
function PodLabels({ labels }: { labels: PodData['labels'] }) {
  const own = labels.filter(([k]) => !k.includes('/'));
  const prefixed = labels.filter(([k]) => k.includes('/'));
  const list = prefixed.map(([k, v]) => `${k}=${v}`).join('\n');
  return (
    <div className="chips">
      {own.map(([k, v]) => (
        <LabelChip key={k} k={k} v={v} />
      ))}
      {prefixed.length > 0 && (
        <span className="chip chip-more" title={list} aria-label={`${prefixed.length} more label${prefixed.length === 1 ? '' : 's'}: ${list.replaceAll('\n', ', ')}`}>
          +{prefixed.length}
        </span>
      )}
    </div>
  );
}

// Memoised: a snapshot arrives several times a second; React Flow hands an
// unchanged pod the same data object, so it does not re-render.
export const PodNode = memo(function PodNode({ data }: NodeProps<FlowNode>) {
  const d = data.m as PodData;
  const emphasis = useEmphasis(d);
  const selected = useIsSelected(d.ref);
  const excluded = d.exclusions[0];
  const stateText = d.state === 'ready' ? STATE_LABEL.ready : `${STATE_LABEL[d.state]}${d.stateReason && d.state !== 'terminating' ? `: ${d.stateReason}` : ''}`;
  return (
    <div className={nodeClass('pod', emphasis, selected, `pod-${d.state} ${excluded ? 'pod-excluded' : ''}`)} title={`${d.name}\n${stateText}`}>
      <Handles />
      {/* The name has the card's whole width (the state and the menu button sit on the line below): it is what a class reads off a projector. */}
      <div className="gnode-head">
        <PodName name={d.name} />
      </div>
      <div className="gnode-meta">
        <span className="mono">{d.ip ?? 'no IP'}</span>
        <span className={`state-text state-${d.state}`}>
          <StateIcon state={d.state} />
          {STATE_LABEL[d.state]}
        </span>
        {d.restarts > 0 && (
          <span className="restarts" title={`${d.restarts} restarts`}>
            ↻ {d.restarts}
          </span>
        )}
        <MenuButton data={d} name={`pod ${d.name}`} />
      </div>
      {excluded ? (
        <div className="pod-reason excluded-note" title={d.exclusions.map((x) => `not in ${x.service}: ${x.reason}`).join('\n')}>
          not in {excluded.service}: {excluded.reason}
        </div>
      ) : d.stateReason && d.state !== 'terminating' ? (
        <div className="pod-reason muted">{d.stateReason}</div>
      ) : null}
      <PodLabels labels={d.labels} />
    </div>
  );
});
