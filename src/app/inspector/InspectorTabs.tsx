// The inspector's three views of one object. Each refreshes as the cluster
// changes, but only when something it shows could have changed.

import { memo, useMemo } from 'react';
import { useStore, type ObjectRef } from '../store/state';
import { eventsFor, findObject, kubectlLine, runQuery } from './queries';

function Output({ text, error, label }: { text: string; error: boolean; label: string }) {
  return (
    <pre className={`inspector-output${error ? ' is-error' : ''}`} aria-label={label} tabIndex={0}>
      {text}
    </pre>
  );
}

// Memoised per ref: re-runs `kubectl get -o yaml` only when the object itself changed
// (snapshots share unchanged objects), not 4 times a second as time ticks.
export const YamlTab = memo(function YamlTab({ target }: { target: ObjectRef }) {
  const object = useStore((s) => findObject(s.snapshot, target));
  const { text, error } = useMemo(() => runQuery(kubectlLine('get', target, '-o yaml')), [target, object]);
  return <Output text={text} error={error} label={`YAML of ${target.kind} ${target.name}`} />;
});

// describe also shows related objects (endpoints, events) and ages: refresh on any
// change in the cluster, and every 10 simulated seconds for the ages.
export const DescribeTab = memo(function DescribeTab({ target }: { target: ObjectRef }) {
  const version = useStore((s) => s.snapshot.resourceVersion);
  const bucket = useStore((s) => Math.floor(s.snapshot.nowMs / 10_000));
  const { text, error } = useMemo(() => runQuery(kubectlLine('describe', target)), [target, version, bucket]);
  return <Output text={text} error={error} label={`Description of ${target.kind} ${target.name}`} />;
});

export const EventsTab = memo(function EventsTab({ target }: { target: ObjectRef }) {
  const version = useStore((s) => s.snapshot.resourceVersion);
  const bucket = useStore((s) => Math.floor(s.snapshot.nowMs / 10_000));
  const rows = useMemo(() => eventsFor(useStore.getState().snapshot, target), [target, version, bucket]);
  if (rows.length === 0) return <p className="inspector-empty-text">No events for this {target.kind} yet.</p>;
  return (
    <div className="events-wrap" tabIndex={0} role="group" aria-label={`Events of ${target.kind} ${target.name}`}>
      <table className="events-table">
        <caption className="visually-hidden">Events of {target.kind} {target.name}</caption>
        <thead>
          <tr>
            <th scope="col">Type</th>
            <th scope="col">Reason</th>
            <th scope="col">Age</th>
            <th scope="col">From</th>
            <th scope="col">Message</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i} className={r.type === 'Warning' ? 'event-warning' : undefined}>
              <td>
                <span className="event-type">
                  <span aria-hidden="true" className={`event-shape ${r.type === 'Warning' ? 'shape-warn' : 'shape-ok'}`} />
                  {r.type}
                </span>
              </td>
              <td>{r.reason}</td>
              <td>
                {r.age}
                {r.count > 1 ? ` (x${r.count})` : ''}
              </td>
              <td>{r.from}</td>
              <td>{r.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
});
