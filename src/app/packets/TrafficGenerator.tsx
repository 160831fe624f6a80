// The traffic generator: N requests per second of SIMULATED time from a chosen
// source to a chosen target, through cluster.trace directly (the terminal is not
// flooded), with a live per-pod share so iptables' random balancing,
// sessionAffinity: ClientIP and externalTrafficPolicy: Local drops can be seen.
//
// It is docked under the graph, not laid over it: the panel is rendered (through a
// portal) as the last row of the graph pane's column, so the graph's own box gets
// shorter and the graph fits itself to what is left (GraphPane re-fits on resize),
// instead of a card hiding the nodes in its corner.

import { Panel, useStore as useFlowStore } from '@xyflow/react';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import type { KubeObject, Trace } from '../../engine';
import { useStore } from '../store/state';
import { markGenerated } from './player';
import { destinations, sources, traceRequestFor } from './sendRequest';
import { addToTally, dueRequests, EMPTY_TALLY, limitBars, shareBars, type ShareBar } from './trafficShare';
import { toggleTrafficGenerator } from './LazyPanels';

// The toolbar's toggle lives with the lazy wrapper, so the toolbar does not pull this module in.
export { toggleTrafficGenerator };

/** At most this many requests per store update, so a jump of simulated time cannot freeze the page. */
const MAX_PER_TICK = 100;

export function TrafficGenerator() {
  const open = useStore((s) => !!s.trafficOpen);
  return open ? <TrafficPanel /> : null;
}

function TrafficPanel() {
  const snapshot = useStore((s) => s.snapshot);
  const timeRunning = useStore((s) => s.timeRunning);
  const [sourceKey, setSourceKey] = useState('workstation');
  const [destIdx, setDestIdx] = useState(0);
  const [rps, setRps] = useState(10);
  const [running, setRunning] = useState(false);
  const [tally, setTally] = useState(EMPTY_TALLY);
  const srcList = useMemo(() => sources(snapshot), [snapshot]);
  const source = (srcList.find((x) => x.key === sourceKey) ?? srcList[0]).source;
  const dests = useMemo(() => destinations(snapshot, source), [snapshot, source]);
  const dest = dests[Math.min(destIdx, dests.length - 1)];
  // The generator reads these through refs: the lists are rebuilt at every snapshot, the choice is not.
  const rpsRef = useRef(rps);
  rpsRef.current = rps;
  const sourceRef = useRef(source);
  sourceRef.current = source;
  const url = dest?.url;
  const host = dest?.host;

  useEffect(() => {
    if (!running || !url) return;
    let lastNow = useStore.getState().snapshot.nowMs;
    let carry = 0;
    let queued = false;
    const generate = () => {
      queued = false;
      const s = useStore.getState();
      const due = dueRequests(lastNow, s.snapshot.nowMs, rpsRef.current, carry);
      lastNow = s.snapshot.nowMs;
      carry = due.carry;
      const n = Math.min(due.count, MAX_PER_TICK);
      if (n === 0) return;
      const traces: Trace[] = [];
      for (let i = 0; i < n; i++) {
        const request = traceRequestFor(sourceRef.current, url, host);
        markGenerated(request);
        traces.push(s.cluster.trace(request));
      }
      setTally((t) => addToTally(t, traces));
    };
    // Simulated time drives the generator: each time the clock moves, the requests due are sent.
    // Outside the store's notification (a microtask), since tracing notifies the store again.
    const unsub = useStore.subscribe((s, prev) => {
      if (s.snapshot.nowMs !== prev.snapshot.nowMs && !queued) {
        queued = true;
        queueMicrotask(generate);
      }
    });
    return unsub;
  }, [running, sourceKey, url, host]);

  const pods = useMemo(() => (dest?.service ? endpointPods(snapshot, dest.service) : []), [snapshot, dest?.service]);
  const bars = limitBars(shareBars(tally, pods), 8);
  const reset = () => setTally(EMPTY_TALLY);

  return (
    <Dock>
      <section aria-labelledby="traffic-title" className="traffic-body">
        <div className="traffic-bar">
          <h2 id="traffic-title">Traffic generator</h2>
          <div className="traffic-controls">
            <label className="traffic-field">
              <span>From</span>
              <select value={sourceKey} disabled={running} onChange={(e) => { setSourceKey(e.target.value); setDestIdx(0); reset(); }}>
                {srcList.map((x) => <option key={x.key} value={x.key}>{x.label}</option>)}
              </select>
            </label>
            <label className="traffic-field traffic-to">
              <span>To</span>
              <select value={Math.min(destIdx, dests.length - 1)} disabled={running} onChange={(e) => { setDestIdx(Number(e.target.value)); reset(); }}>
                {dests.map((d, i) => <option key={`${d.url} ${d.host ?? ''}`} value={i}>{d.label}</option>)}
              </select>
            </label>
            <label className="traffic-field traffic-rps">
              <input type="number" min={1} max={50} value={rps} aria-label="Requests per second" onChange={(e) => setRps(Math.max(1, Math.min(50, Math.round(Number(e.target.value) || 1))))} />
              <span aria-hidden="true">per second</span>
            </label>
            <button type="button" className={running ? '' : 'primary'} disabled={!url} onClick={() => { if (!running) reset(); setRunning(!running); }}>
              {running ? 'Stop' : 'Start'}
            </button>
          </div>
          <p className="traffic-total" aria-live="polite">{tally.total} requests</p>
          <button type="button" className="icon-button traffic-close" aria-label="Close traffic generator" title="Close" onClick={() => toggleTrafficGenerator(false)}>
            <svg width="16" height="16" viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="2.5" strokeLinecap="round"><path d="M6 6l12 12M18 6 6 18" /></svg>
          </button>
        </div>
        {running && !timeRunning && <p className="traffic-note">Simulated time is paused: no requests are sent until it runs.</p>}
        <ShareList bars={bars} />
      </section>
    </Dock>
  );
}

/**
 * Puts the panel in the graph pane's column, under the graph's box (.graph-pane is
 * GraphPane's section, a flex column whose .graph-canvas takes the rest). Should the
 * graph ever be drawn without that pane, the panel falls back to a card in the corner.
 */
function Dock({ children }: { children: ReactNode }) {
  const domNode = useFlowStore((s) => s.domNode);
  const pane = domNode?.closest<HTMLElement>('.graph-pane');
  if (pane) return createPortal(<div className="traffic-dock nokey">{children}</div>, pane);
  return <Panel position="bottom-right" className="traffic-panel nokey nowheel">{children}</Panel>;
}

function ShareList({ bars }: { bars: ShareBar[] }) {
  if (bars.length === 0) return null;
  return (
    <ul className="share-list" aria-label="Share of requests per pod">
      {bars.map((b) => (
        <li key={b.key} className={`share share-${b.kind}`} aria-label={`${b.label}: ${b.count} requests, ${b.percent}%`}>
          <span className="share-name" title={b.label}>
            {b.kind !== 'pod' && <FailureIcon kind={b.kind} />}
            {b.kind === 'pod' ? shortPodName(b.label) : b.label}
          </span>
          <span className="share-bar" aria-hidden="true"><span style={{ width: `${b.percent}%` }} /></span>
          <span className="share-num">{b.count} · {b.percent}%</span>
        </li>
      ))}
    </ul>
  );
}

function FailureIcon({ kind }: { kind: ShareBar['kind'] }) {
  return (
    <svg width="12" height="12" viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="3" strokeLinecap="round">
      {kind === 'refused' ? <path d="M6 6l12 12M18 6 6 18" /> : kind === 'dropped' ? <rect x="5" y="5" width="14" height="14" strokeDasharray="4 3" /> : <path d="M12 3l9 9-9 9-9-9z" />}
    </svg>
  );
}

/** Pods of one workload differ at the end of their names: keep the end when shortening. */
function shortPodName(name: string): string {
  const m = /^(.+)-[a-z0-9]{6,10}-([a-z0-9]{5})$/.exec(name);
  if (m && name.length > 16) return `${m[1]}-…-${m[2]}`;
  return name.length > 18 ? `…${name.slice(-17)}` : name;
}

/** The pods a Service's EndpointSlices list (ready or not), as ns/name. */
function endpointPods(snapshot: { objects: Readonly<Record<string, readonly KubeObject[]>> }, svc: { namespace: string; name: string }): string[] {
  const out: string[] = [];
  for (const slice of snapshot.objects.EndpointSlice ?? []) {
    if ((slice.metadata.namespace ?? 'default') !== svc.namespace || slice.metadata.labels?.['kubernetes.io/service-name'] !== svc.name) continue;
    for (const ep of (slice as KubeObject & { endpoints?: { targetRef?: { kind?: string; name: string } }[] }).endpoints ?? []) {
      if (ep.targetRef?.kind === 'Pod') out.push(`${svc.namespace}/${ep.targetRef.name}`);
    }
  }
  return out.sort();
}
