// Help: what the playground is, and the keyboard shortcuts.

import { useEffect } from 'react';
import { Icon } from './Icon';
import { OTHER_KEYS, SHORTCUTS } from './shortcuts';
import { usePopover } from './usePopover';

export function HelpPopover({ openSignal }: { openSignal: number }) {
  const { open, setOpen, close, buttonRef, panelRef } = usePopover();
  useEffect(() => {
    if (openSignal > 0) {
      setOpen(true);
      requestAnimationFrame(() => panelRef.current?.focus());
    }
  }, [openSignal, setOpen, panelRef]);
  return (
    <div className="popover-anchor">
      <button ref={buttonRef} type="button" className="icon-btn" aria-label="Help and keyboard shortcuts" aria-expanded={open} aria-controls="help-popover" title="Help and keyboard shortcuts (?)" onClick={() => setOpen(!open)}>
        <Icon name="help" />
      </button>
      {open && (
        <div ref={panelRef} id="help-popover" className="popover help-popover popover-right" role="dialog" aria-label="Help and keyboard shortcuts" tabIndex={-1}>
          <div className="popover-head">
            <h3>How it works</h3>
            <button type="button" className="icon-btn" aria-label="Close help" onClick={() => close()}>
              <Icon name="close" size={16} />
            </button>
          </div>
          <p>
            A simulated Kubernetes cluster runs in this page. Write manifests in the editor and apply them, or type <code>kubectl</code> in the terminal; the graph shows what
            the cluster made of it. Click an object to inspect it. Pick an example to start over.
          </p>
          <h3>Keyboard shortcuts</h3>
          <table className="shortcuts">
            <tbody>
              {SHORTCUTS.map((s) => (
                <tr key={s.code}>
                  <td>
                    <kbd>{s.keys}</kbd>
                  </td>
                  <td>{s.label}</td>
                </tr>
              ))}
              {OTHER_KEYS.map(([k, v]) => (
                <tr key={k}>
                  <td>
                    <kbd>{k}</kbd>
                  </td>
                  <td>{v}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
