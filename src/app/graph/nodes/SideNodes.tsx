// The outside world and the cluster's front doors, drawn compactly on the left.
import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { CoreDnsData, ExternalNameData, IngressData, LoadBalancerData } from '../../../graph/types';
import type { FlowNode } from '../flowTypes';
import { GIcon } from '../icons';
import { Handles, nodeClass, useIsSelected } from './common';

export const WorkstationNode = memo(function WorkstationNode() {
  return (
    <div className="gnode side workstation">
      <Handles />
      <div className="gnode-head">
        <GIcon name="laptop" size={18} />
        <span className="gnode-name">Your machine</span>
      </div>
      <div className="gnode-meta muted">outside the cluster · curl, nslookup</div>
    </div>
  );
});

export const LoadBalancerNode = memo(function LoadBalancerNode({ data }: NodeProps<FlowNode>) {
  const d = data.m as LoadBalancerData;
  return (
    <div className="gnode side lb">
      <Handles />
      <div className="gnode-head">
        <GIcon name="lb" size={18} />
        <span className="gnode-name">Cloud load balancer</span>
      </div>
      <ul className="lb-entries">
        {d.entries.map((e) => (
          <li key={`${e.namespace}/${e.service}`}>
            <span className="mono">{e.pending ? '<pending>' : e.ips.join(', ')}</span>
            <span className="muted">
              {' '}
              → {e.service} {e.ports}
            </span>
          </li>
        ))}
      </ul>
      {!d.cloudProvider && <div className="muted small">no cloud provider: IPs stay &lt;pending&gt;</div>}
    </div>
  );
});

export const IngressNode = memo(function IngressNode({ data }: NodeProps<FlowNode>) {
  const d = data.m as IngressData;
  const selected = useIsSelected(d.ref);
  return (
    <div className={nodeClass('side ingress', '', selected)}>
      <Handles />
      <div className="gnode-head">
        <GIcon name="ingress" size={18} />
        <span className="gnode-name">Ingress controller</span>
      </div>
      <div className="gnode-meta">
        <span className="mono">{d.address ?? '<pending>'}</span>
        <span className={d.ready === d.total && d.total > 0 ? 'state-ready' : 'state-notReady'}>
          {d.ready}/{d.total} ready
        </span>
      </div>
      <ul className="rules">
        {d.rules.slice(0, 4).map((r) => (
          <li key={r} className="mono">
            {r}
          </li>
        ))}
        {d.rules.length === 0 && <li className="muted">no Ingress rules yet</li>}
      </ul>
    </div>
  );
});

export const CoreDnsNode = memo(function CoreDnsNode({ data }: NodeProps<FlowNode>) {
  const d = data.m as CoreDnsData;
  const selected = useIsSelected(d.ref);
  return (
    <div className={nodeClass('side coredns', '', selected)}>
      <Handles />
      <div className="gnode-head">
        <GIcon name="dns" size={18} />
        <span className="gnode-name">CoreDNS</span>
        <span className={d.ready === d.total && d.total > 0 ? 'state-ready' : 'state-notReady'}>
          {d.ready}/{d.total} ready
        </span>
      </div>
      <div className="gnode-meta">
        <span className="mono">kube-dns {d.clusterIP}:53</span>
      </div>
    </div>
  );
});

export const ExternalNameNode = memo(function ExternalNameNode({ data }: NodeProps<FlowNode>) {
  const d = data.m as ExternalNameData;
  return (
    <div className="gnode side external">
      <Handles />
      <div className="gnode-head">
        <GIcon name="globe" size={18} />
        <span className="gnode-name mono">{d.host}</span>
      </div>
      <div className="gnode-meta muted">outside the cluster (DNS CNAME)</div>
    </div>
  );
});
