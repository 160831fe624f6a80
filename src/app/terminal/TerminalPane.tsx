// The terminal pane: a real terminal (xterm.js) bound to the cluster through the
// store's one command path. xterm is ~90 KB gzip, so it loads lazily after the
// first paint; meanwhile the pane says so.
import { useEffect, useRef, useState } from 'react';
import { useStore } from '../store/state';
import type { MountedTerminal } from './xtermSetup';
import './terminal.css';

export function TerminalPane() {
  const readOnly = useStore((s) => s.embed.readOnly);
  const presenter = useStore((s) => s.presenter);
  const hostRef = useRef<HTMLDivElement>(null);
  const hintRef = useRef<HTMLParagraphElement>(null);
  const [status, setStatus] = useState<'loading' | 'ready' | 'failed'>('loading');

  useEffect(() => {
    let mounted: MountedTerminal | undefined;
    let cancelled = false;
    import('./xtermSetup')
      .then(({ mountTerminal }) => {
        if (cancelled || !hostRef.current || !hintRef.current) return;
        mounted = mountTerminal(hostRef.current, hintRef.current);
        setStatus('ready');
      })
      .catch(() => {
        if (!cancelled) setStatus('failed');
      });
    return () => {
      cancelled = true;
      mounted?.dispose();
    };
  }, []);

  return (
    // The shell's Pane is the labelled "Terminal" region around this.
    <div className={`terminal-pane${presenter ? ' terminal-presenter' : ''}`}>
      <div ref={hostRef} className="terminal-host" aria-busy={status === 'loading'}>
        {status === 'loading' && <p className="terminal-status">Starting the terminal…</p>}
        {status === 'failed' && <p className="terminal-status" role="alert">The terminal could not load. Reload the page to try again.</p>}
      </div>
      <p ref={hintRef} className="terminal-hint" tabIndex={-1}>
        {readOnly ? (
          <span>Read-only: commands run by the page appear here; typing is off.</span>
        ) : (
          <span>
            <kbd>Tab</kbd> completes · <kbd>↑</kbd> <kbd>↓</kbd> history · <kbd>Ctrl</kbd>+<kbd>C</kbd> cancels · <kbd>Esc</kbd> leaves the terminal · type <code>help</code>
          </span>
        )}
      </p>
    </div>
  );
}
