// The Examples menu: each built-in scenario with the sentence it teaches.
// Picking one resets the cluster with its files and commands; when the person
// has work of their own, it asks first.

import { useRef, useState, type KeyboardEvent } from 'react';
import { SCENARIOS, type Scenario } from '../../scenarios';
import { currentScenarioId, hasUnsavedWork, loadScenario } from '../store/persistence';
import { Icon } from './Icon';
import { usePopover } from './usePopover';

export function ExamplesMenu({ compact = false }: { compact?: boolean }) {
  const { open, setOpen, close, buttonRef, panelRef } = usePopover();
  const [confirming, setConfirming] = useState<Scenario | null>(null);
  const itemRefs = useRef<(HTMLButtonElement | null)[]>([]);
  const current = open ? currentScenarioId() : undefined;

  const toggle = () => {
    setConfirming(null);
    setOpen(!open);
    if (!open) requestAnimationFrame(() => itemRefs.current[0]?.focus());
  };
  const pick = (s: Scenario) => {
    if (hasUnsavedWork()) {
      setConfirming(s);
      return;
    }
    load(s);
  };
  const load = (s: Scenario) => {
    loadScenario(s);
    setConfirming(null);
    close();
  };
  const onMenuKey = (e: KeyboardEvent) => {
    const items = itemRefs.current.filter((b): b is HTMLButtonElement => !!b);
    const i = items.indexOf(document.activeElement as HTMLButtonElement);
    const next = e.key === 'ArrowDown' ? i + 1 : e.key === 'ArrowUp' ? i - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? items.length - 1 : null;
    if (next === null) return;
    e.preventDefault();
    items[(next + items.length) % items.length]?.focus();
  };

  return (
    <div className="popover-anchor">
      <button ref={buttonRef} type="button" className="btn" aria-haspopup="menu" aria-expanded={open} aria-controls="examples-menu" aria-label="Examples" onClick={toggle} title="Open an example: each resets the cluster">
        <Icon name="examples" />
        {!compact && <span>Examples</span>}
        {compact && <span className="visually-hidden">Examples</span>}
        <Icon name="chevronDown" size={14} />
      </button>
      {open && (
        <div ref={panelRef} className="popover examples-popover">
          {confirming ? (
            <div role="alertdialog" aria-labelledby="examples-confirm-title" aria-describedby="examples-confirm-text" className="confirm">
              <h3 id="examples-confirm-title">Replace your work?</h3>
              <p id="examples-confirm-text">
                “{confirming.title}” replaces your files and resets the cluster. Your current session is not kept.
              </p>
              <div className="confirm-actions">
                <button type="button" className="btn btn-primary" onClick={() => load(confirming)} autoFocus>
                  Replace my work
                </button>
                <button type="button" className="btn" onClick={() => setConfirming(null)}>
                  Cancel
                </button>
              </div>
            </div>
          ) : (
            <div id="examples-menu" role="menu" aria-label="Examples" onKeyDown={onMenuKey}>
              {SCENARIOS.map((s, i) => (
                <button
                  key={s.id}
                  ref={(el) => {
                    itemRefs.current[i] = el;
                  }}
                  type="button"
                  role="menuitem"
                  className="menu-item"
                  aria-describedby={`example-${s.id}`}
                  aria-current={s.id === current ? 'true' : undefined}
                  onClick={() => pick(s)}
                >
                  <span className="menu-item-title">
                    {s.title}
                    {s.id === current && <span className="current-tag">current</span>}
                  </span>
                  <span className="menu-item-summary" id={`example-${s.id}`}>
                    {s.summary}
                  </span>
                </button>
              ))}
            </div>
          )}
        </div>
      )}
    </div>
  );
}
