// One pane of the layout: a labelled region with a header (title, actions, a
// collapse button) around content guarded by its own error boundary, so a crash
// in one pane never blanks the page. Content mounts the first time the pane is
// open and then stays mounted while collapsed (hidden), so the editor or the
// terminal keep their state; a pane collapsed from the start (an embed's editor)
// never loads its code.

import { useState, type CSSProperties, type ReactNode } from 'react';
import { ErrorBoundary } from '../ErrorBoundary';
import { Icon } from './Icon';

interface Props {
  id: string;
  title: string;
  collapsed?: boolean;
  /** Shown in the collapse button's tooltip, e.g. "Alt+Shift+E". */
  shortcut?: string;
  onCollapse?: () => void;
  /** Extra buttons in the header. */
  actions?: ReactNode;
  /** The pane draws its own header (the graph fills its whole area). */
  bare?: boolean;
  /** The content is itself a labelled region (the graph): do not add a second one. */
  unlabelled?: boolean;
  className?: string;
  style?: CSSProperties;
  children: ReactNode;
}

export function Pane({ id, title, collapsed = false, shortcut, onCollapse, actions, bare = false, unlabelled = false, className = '', style, children }: Props) {
  const [mounted, setMounted] = useState(!collapsed);
  if (!collapsed && !mounted) setMounted(true); // first open: mount the content from now on
  if (!mounted) return null;
  return (
    <section id={id} className={`pane ${className}`} role={unlabelled ? undefined : 'region'} aria-label={unlabelled ? undefined : title} hidden={collapsed} style={style}>
      {!bare && (
        <header className="pane-header">
          <h2 className="pane-title">{title}</h2>
          <div className="pane-actions">
            {actions}
            {onCollapse && (
              <button type="button" className="icon-btn" onClick={onCollapse} aria-label={`Hide ${title.toLowerCase()}`} title={`Hide the ${title.toLowerCase()}${shortcut ? ` (${shortcut})` : ''}`} aria-keyshortcuts={shortcut}>
                <Icon name="close" size={16} />
              </button>
            )}
          </div>
        </header>
      )}
      <div className="pane-body">
        <ErrorBoundary pane={title.toLowerCase()}>{children}</ErrorBoundary>
      </div>
    </section>
  );
}
