import type { NodeProps } from '@xyflow/react';
import { memo, type MouseEvent } from 'react';
import type { ServiceData } from '../../../graph/types';
import { setHighlight } from '../../store/actions';
import { useStore } from '../../store/state';
import type { FlowNode } from '../flowTypes';
import { GIcon } from '../icons';
import { Handles, LabelChip, MenuButton, nodeClass, useEmphasis, useIsSelected } from './common';

const MAX_PORTS = 3;

// Memoised per item (see PodNode).
export const ServiceNode = memo(function ServiceNode({ data }: NodeProps<FlowNode>) {
  const d = data.m as ServiceData;
  const emphasis = useEmphasis(d);
  const selected = useIsSelected(d.ref);
  const selectorKey = d.selector.map(([k, v]) => `${k}=${v}`).join(',');
  const selectorLit = useStore((s) => s.highlight?.kind === 'selector' && s.highlight.namespace === d.namespace && Object.entries(s.highlight.selector).map(([k, v]) => `${k}=${v}`).join(',') === selectorKey);
  const onSelector = (e: MouseEvent) => {
    e.stopPropagation();
    setHighlight(selectorLit ? null : { kind: 'selector', namespace: d.namespace, selector: Object.fromEntries(d.selector) });
  };
  const address = d.type === 'ExternalName' ? `→ ${d.externalName}` : d.headless ? 'headless (no ClusterIP)' : d.clusterIP;
  return (
    <div className={nodeClass('service', emphasis, selected, d.warning ? 'has-warning' : '')}>
      <Handles />
      <div className="gnode-head">
        <GIcon name="service" className="kind-service" />
        <span className="gnode-name">{d.name}</span>
        <span className="badge badge-type">{d.type}</span>
        <MenuButton data={d} name={`Service ${d.name}`} />
      </div>
      <div className="gnode-meta">
        <span className="mono">{address}</span>
        {d.namespace !== 'default' && <span className="muted">ns {d.namespace}</span>}
      </div>
      {d.loadBalancerIPs.length > 0 || d.type === 'LoadBalancer' ? (
        <div className="gnode-meta">
          <span className="muted">LB</span>
          <span className="mono">{d.loadBalancerIPs.join(', ') || '<pending>'}</span>
        </div>
      ) : null}
      <ul className="ports" aria-label="ports">
        {d.ports.slice(0, MAX_PORTS).map((p) => (
          <li key={p} className="mono">
            {p}
          </li>
        ))}
        {d.ports.length > MAX_PORTS && <li className="muted">+{d.ports.length - MAX_PORTS} more</li>}
      </ul>
      {d.selector.length > 0 && (
        <div className="chips selector-row">
          <button type="button" className={`chip chip-key nodrag ${selectorLit ? 'chip-lit' : ''}`} aria-pressed={selectorLit} aria-label={`Selector ${selectorKey} of Service ${d.name}: highlight the pods it matches`} onClick={onSelector}>
            selector
          </button>
          {d.selector.map(([k, v]) => (
            <LabelChip key={k} k={k} v={v} selector />
          ))}
        </div>
      )}
      {d.warning && (
        <div className="svc-warning">
          <GIcon name="warn" size={14} />
          <span>{d.warning}</span>
        </div>
      )}
    </div>
  );
});
