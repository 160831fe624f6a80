// The inspector (right pane): the selected object's YAML, `kubectl describe`
// output and events, refreshed as the cluster changes. "Copy to editor" writes
// the live object, cleaned for re-applying, into a new workspace file.

import { useRef, useState, type KeyboardEvent } from 'react';
import { stringify } from 'yaml';
import { select, setActiveFile, writeFile } from '../store/actions';
import { useStore } from '../store/state';
import { Icon } from '../shell/Icon';
import { cleanForApply, fileNameFor } from './cleanObject';
import { DescribeTab, EventsTab, YamlTab } from './InspectorTabs';
import { findObject } from './queries';

const TABS = ['YAML', 'Describe', 'Events'] as const;
type Tab = (typeof TABS)[number];

function closeInspector() {
  select(null);
  useStore.setState((s) => ({ collapsed: { ...s.collapsed, inspector: true } }));
}

function copyToEditor() {
  const s = useStore.getState();
  const object = findObject(s.snapshot, s.selection);
  if (!object) return;
  const path = fileNameFor(object.kind, object.metadata.name ?? 'object', Object.keys(s.files));
  writeFile(path, stringify(cleanForApply(object)));
  setActiveFile(path);
  useStore.setState((st) => ({ collapsed: { ...st.collapsed, editor: false } }));
}

export function InspectorPane() {
  const selection = useStore((s) => s.selection);
  const exists = useStore((s) => !!findObject(s.snapshot, s.selection));
  const readOnly = useStore((s) => s.embed.readOnly);
  // The start replaces the files (boot.ts): a copy made before it would be lost.
  const starting = useStore((s) => s.startup !== 'running');
  const [tab, setTab] = useState<Tab>('YAML');
  const tabRefs = useRef<Record<string, HTMLButtonElement | null>>({});

  const onTabKey = (e: KeyboardEvent) => {
    const i = TABS.indexOf(tab);
    const next = e.key === 'ArrowRight' ? i + 1 : e.key === 'ArrowLeft' ? i - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? TABS.length - 1 : null;
    if (next === null) return;
    e.preventDefault();
    const t = TABS[(next + TABS.length) % TABS.length];
    setTab(t);
    tabRefs.current[t]?.focus();
  };

  return (
    <div
      className="inspector"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !e.defaultPrevented) closeInspector();
      }}
    >
      <header className="pane-header inspector-header">
        {/* The title tells the whole name when a narrow pane cuts it short. */}
        <h2 className="pane-title" title={selection ? `${selection.kind} ${selection.namespace ? `${selection.namespace}/` : ''}${selection.name}` : undefined}>
          {selection ? (
            <>
              <span className="inspector-kind">{selection.kind}</span> <span className="inspector-name">{selection.namespace ? `${selection.namespace}/` : ''}{selection.name}</span>
            </>
          ) : (
            'Inspector'
          )}
        </h2>
        <div className="pane-actions">
          {selection && exists && !readOnly && (
            <button
              type="button"
              className="btn btn-small"
              onClick={copyToEditor}
              disabled={starting}
              title={starting ? 'Copy to editor works once the cluster is running' : "Write this object's YAML, without status and server fields, into a new file"}
            >
              <Icon name="copy" size={15} />
              Copy to editor
            </button>
          )}
          <button type="button" className="icon-btn" aria-label="Close inspector" title="Close the inspector (Escape)" onClick={closeInspector}>
            <Icon name="close" size={16} />
          </button>
        </div>
      </header>
      {!selection ? (
        <p className="inspector-empty-text">Click an object in the graph to see its YAML, its <code>kubectl describe</code> output and its events.</p>
      ) : (
        <>
          <div className="tabs" role="tablist" aria-label="Inspector views" onKeyDown={onTabKey}>
            {TABS.map((t) => (
              <button
                key={t}
                ref={(el) => {
                  tabRefs.current[t] = el;
                }}
                type="button"
                role="tab"
                id={`inspector-tab-${t}`}
                aria-selected={tab === t}
                aria-controls="inspector-panel"
                tabIndex={tab === t ? 0 : -1}
                className="tab"
                onClick={() => setTab(t)}
              >
                {t}
              </button>
            ))}
          </div>
          <div className="tab-panel" role="tabpanel" id="inspector-panel" aria-labelledby={`inspector-tab-${tab}`}>
            {!exists && <p className="inspector-gone" role="status">This {selection.kind} no longer exists.</p>}
            {exists && tab === 'YAML' && <YamlTab target={selection} />}
            {exists && tab === 'Describe' && <DescribeTab target={selection} />}
            {exists && tab === 'Events' && <EventsTab target={selection} />}
          </div>
        </>
      )}
    </div>
  );
}
