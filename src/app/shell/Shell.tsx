// The page layout: toolbar on top; editor | graph | inspector; terminal below.
// Placeholder layout until the shell (resizable, collapsible panes) lands.
import { EditorPane } from '../editor/EditorPane';
import { GraphPane } from '../graph/GraphPane';
import { InspectorPane } from '../inspector/InspectorPane';
import { TerminalPane } from '../terminal/TerminalPane';
import { Toolbar } from './Toolbar';

export function Shell() {
  return (
    <div className="shell">
      <Toolbar />
      <div className="shell-main">
        <EditorPane />
        <GraphPane />
        <InspectorPane />
      </div>
      <TerminalPane />
    </div>
  );
}
