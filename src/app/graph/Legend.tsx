// What the shapes, colours and lines mean.
import { Panel } from '@xyflow/react';
import { memo } from 'react';
import type { PodState } from '../../graph/types';
import { GIcon, STATE_LABEL, StateIcon } from './icons';

const STATES: PodState[] = ['ready', 'notReady', 'pending', 'terminating', 'crashLooping'];

export const Legend = memo(function Legend() {
  return (
    <Panel position="bottom-left" className="glegend-panel">
    <details className="glegend nokey">
      <summary>Legend</summary>
      <ul aria-label="Pod states">
        {STATES.map((s) => (
          <li key={s}>
            <StateIcon state={s} /> {STATE_LABEL[s]} pod
          </li>
        ))}
      </ul>
      <ul aria-label="Lines">
        <li>
          <svg width="34" height="10" aria-hidden="true">
            <line x1="0" y1="5" x2="34" y2="5" className="lg-selects" />
          </svg>
          Service selects the pod and sends it traffic
        </li>
        <li>
          <svg width="34" height="10" aria-hidden="true">
            <line x1="0" y1="5" x2="34" y2="5" className="lg-excluded" />
          </svg>
          selected, but left out of the endpoints (reason on the pod)
        </li>
        <li>
          <svg width="34" height="10" aria-hidden="true">
            <line x1="0" y1="5" x2="34" y2="5" className="lg-endpoint" />
          </svg>
          EndpointSlice lists the pod
        </li>
        <li>
          <svg width="34" height="10" aria-hidden="true">
            <line x1="0" y1="5" x2="34" y2="5" className="lg-lb" />
          </svg>
          load balancer to every node's nodePort
        </li>
      </ul>
      <ul aria-label="Nodes">
        <li>
          <GIcon name="nodeReady" className="state-ready" /> node Ready · <GIcon name="nodeNotReady" className="state-bad" /> NotReady ·{' '}
          <GIcon name="cordoned" className="state-notReady" /> cordoned
        </li>
        <li>
          <GIcon name="warn" className="state-notReady" /> a Service that selects nothing says why
        </li>
        <li className="muted">Click a label or selector to light up what matches; right-click (or Shift+F10) for faults.</li>
      </ul>
    </details>
    </Panel>
  );
});
