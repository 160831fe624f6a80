// The focused trace as text: an accessible, collapsible <ol> of its hops with
// the one on show marked (aria-current), so screen readers and tests can read the
// path the canvas draws. Subscribes only to the focus and that trace.

import { Panel } from '@xyflow/react';
import { memo, useEffect, useMemo, useRef, useState } from 'react';
import { packetPath } from '../../graph/packetPath';
import { useStore } from '../store/state';
import { podFallbacks } from './player';

let listOpen = false;

export const HopExplanation = memo(function HopExplanation() {
  const focus = useStore((s) => s.packetFocus);
  const entry = useStore((s) => {
    if (!s.packetFocus) return undefined;
    for (let i = s.traces.length - 1; i >= 0; i--) if (s.traces[i].id === s.packetFocus.traceId) return s.traces[i];
    return undefined;
  });
  // Closed at first (the callout on the canvas explains each hop; the list would cover the graph);
  // once a person opens it, it stays open for the next requests.
  const [open, setOpen] = useState(listOpen);
  const listRef = useRef<HTMLOListElement>(null);
  // Keep the hop on show in view inside the list (without scrolling the page).
  useEffect(() => {
    const list = listRef.current;
    const li = list?.querySelector<HTMLElement>('[aria-current="step"]');
    if (!list || !li) return;
    if (li.offsetTop < list.scrollTop) list.scrollTop = li.offsetTop - 4;
    else if (li.offsetTop + li.offsetHeight > list.scrollTop + list.clientHeight) list.scrollTop = li.offsetTop + li.offsetHeight - list.clientHeight + 4;
  }, [focus?.step, focus?.traceId, open]);
  const path = useMemo(() => (entry ? packetPath(entry.trace, podFallbacks(useStore.getState())) : undefined), [entry]);
  if (!entry || !path || !focus) return null;
  const bad = path.outcome !== 'response';
  return (
    <Panel position="top-left" className="hop-panel nowheel">
      <details
        open={open}
        onToggle={(e) => {
          listOpen = e.currentTarget.open;
          setOpen(listOpen);
        }}
      >
        <summary>
          <svg className="hop-chevron" width="12" height="12" viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="3" strokeLinecap="round">
            <path d="M9 6l6 6-6 6" />
          </svg>
          <span className="hop-summary-label">Packet path</span>
          <span className={`hop-outcome ${bad ? 'is-bad' : 'is-ok'}`} title={path.summary}>
            <OutcomeIcon bad={bad} />
            <span className="hop-outcome-text">{path.summary}</span>
          </span>
        </summary>
        <p className="hop-request">
          <code>{entry.trace.method === 'DNS' ? `lookup ${entry.trace.request.url.slice(4)}` : `${entry.trace.method} ${entry.trace.request.url}`}</code>
        </p>
        {path.steps.length === 0 ? (
          <p>{entry.trace.outcome.reason}</p>
        ) : (
          <ol ref={listRef} aria-label="Packet hops" className="hop-list">
            {path.steps.map((step, i) => (
              <li key={i} aria-current={i === focus.step ? 'step' : undefined} data-marker={step.marker}>
                <strong>{step.title}</strong> {step.label}
              </li>
            ))}
          </ol>
        )}
      </details>
    </Panel>
  );
});

function OutcomeIcon({ bad }: { bad: boolean }) {
  return (
    <svg width="14" height="14" viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="3" strokeLinecap="round">
      {bad ? <path d="M6 6l12 12M18 6 6 18" /> : <path d="M5 12.5l4.5 4.5L19 7" />}
    </svg>
  );
}
