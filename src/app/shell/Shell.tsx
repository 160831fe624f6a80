// The page layout: toolbar on top; editor | graph | inspector in resizable
// columns; the terminal below the graph. Each of editor, terminal and inspector
// can be collapsed (toolbar buttons, Alt+Shift+E/T/I); sizes live in the store
// and persist. In an embed the graph comes first in reading and tab order.

import { useCallback, useEffect, useState, type CSSProperties } from 'react';
import { EditorPane } from '../editor/EditorPane';
import { LazyGraphPane } from '../graph/LazyGraphPane';
import { LazyInspectorPane as InspectorPane } from '../inspector/LazyInspectorPane';
import { TerminalPane } from '../terminal/TerminalPane';
import { setSizes, togglePane } from '../store/actions';
import { DEFAULT_SIZES, useStore } from '../store/state';
import { Notices } from './Notices';
import { Pane } from './Pane';
import { paneSizesFor, storedSize, windowDefaultSizes } from './paneSizes';
import { useGlobalShortcuts, shortcutFor } from './shortcuts';
import { Splitter } from './Splitter';
import { Toolbar } from './Toolbar';

function useViewport() {
  const [size, setSize] = useState(() => ({ w: window.innerWidth, h: window.innerHeight }));
  useEffect(() => {
    const onResize = () => setSize({ w: window.innerWidth, h: window.innerHeight });
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return size;
}

export function Shell() {
  const collapsed = useStore((s) => s.collapsed);
  const sizes = useStore((s) => s.sizes);
  const embed = useStore((s) => s.embed.enabled);
  const { w, h } = useViewport();
  const [helpSignal, setHelpSignal] = useState(0);
  useGlobalShortcuts(useCallback(() => setHelpSignal((n) => n + 1), []));

  // Limits follow the window, so a pane sized on a projector still fits a laptop.
  const maxSide = Math.max(200, w * 0.5);
  // In a short window the graph keeps most of the height.
  const maxTerminal = Math.max(100, (h - 60) * (h < 600 ? 0.4 : 0.7));
  // A size still at its default follows the window (paneSizes.ts): a projector's graph gets the room.
  const defaults = windowDefaultSizes(DEFAULT_SIZES, w, h);
  const shown = paneSizesFor(sizes, DEFAULT_SIZES, defaults);
  const editorW = Math.min(shown.editor, maxSide);
  const inspectorW = Math.min(shown.inspector, maxSide);
  const terminalH = Math.min(shown.terminal, maxTerminal);
  const style = { '--editor-w': `${editorW}px`, '--inspector-w': `${inspectorW}px`, '--terminal-h': `${terminalH}px` } as CSSProperties;

  const editor = (
    <Pane key="editor" id="pane-editor" title="Editor" className="pane-editor nokey" collapsed={collapsed.editor} shortcut={shortcutFor('KeyE')} onCollapse={() => togglePane('editor')}>
      <EditorPane />
    </Pane>
  );
  const editorSplitter = !collapsed.editor && (
    <Splitter key="editor-splitter" pane="editor" orientation="vertical" value={editorW} min={200} max={maxSide} defaultValue={defaults.editor} controls="pane-editor" onChange={(v) => setSizes({ editor: storedSize(v, defaults.editor, DEFAULT_SIZES.editor) })} />
  );

  return (
    <div className="shell">
      <Toolbar helpSignal={helpSignal} />
      <Notices />
      <main className={`workspace${embed ? ' workspace-embed' : ''}`} style={style}>
        {!embed && editor}
        {!embed && editorSplitter}
        <div className="center-column">
          <Pane id="pane-graph" title="Cluster graph" className="pane-graph" bare unlabelled>
            <LazyGraphPane />
          </Pane>
          {!collapsed.terminal && (
            <Splitter pane="terminal" orientation="horizontal" invert value={terminalH} min={80} max={maxTerminal} defaultValue={defaults.terminal} controls="pane-terminal" onChange={(v) => setSizes({ terminal: storedSize(v, defaults.terminal, DEFAULT_SIZES.terminal) })} />
          )}
          <Pane id="pane-terminal" title="Terminal" className="pane-terminal" collapsed={collapsed.terminal} shortcut={shortcutFor('KeyT')} onCollapse={() => togglePane('terminal')}>
            <TerminalPane />
          </Pane>
        </div>
        {embed && editorSplitter}
        {embed && editor}
        {!collapsed.inspector && (
          <Splitter pane="inspector" orientation="vertical" invert value={inspectorW} min={240} max={maxSide} defaultValue={defaults.inspector} controls="pane-inspector" onChange={(v) => setSizes({ inspector: v })} />
        )}
        <Pane id="pane-inspector" title="Inspector" className="pane-inspector" collapsed={collapsed.inspector} bare>
          <InspectorPane />
        </Pane>
      </main>
    </div>
  );
}
