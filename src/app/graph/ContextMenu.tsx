// A small accessible menu (role=menu): arrow keys, Home/End, Escape; closes on
// an outside click and gives focus back to where it was.
import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';

export interface MenuItem {
  label: string;
  onSelect: () => void;
  disabled?: boolean;
  /** A few words under the label (why it is disabled, the command it runs). */
  hint?: string;
  danger?: boolean;
}

export function ContextMenu({ title, x, y, items, onClose }: { title: string; x: number; y: number; items: MenuItem[]; onClose: () => void }) {
  const ref = useRef<HTMLDivElement>(null);
  const [pos, setPos] = useState({ left: x, top: y });
  const returnFocus = useRef<Element | null>(null);

  useLayoutEffect(() => {
    returnFocus.current = document.activeElement;
    const el = ref.current;
    if (!el) return;
    const r = el.getBoundingClientRect();
    setPos({ left: Math.max(4, Math.min(x, innerWidth - r.width - 4)), top: Math.max(4, Math.min(y, innerHeight - r.height - 4)) });
    el.querySelector<HTMLButtonElement>('[role="menuitem"]:not([disabled])')?.focus();
  }, [x, y]);

  // The latest onClose, read when the menu closes. The graph passes a new one on each of
  // its renders (every cluster change), and an effect that depended on it ran its cleanup
  // each time: focus went back to the node while the menu stayed open, so a keyboard user's
  // arrow keys moved nothing while pods were starting or restarting.
  const onCloseRef = useRef(onClose);
  useLayoutEffect(() => {
    onCloseRef.current = onClose;
  });
  useEffect(() => {
    const away = (e: MouseEvent) => {
      if (ref.current && !ref.current.contains(e.target as Node)) onCloseRef.current();
    };
    // Escape closes the menu wherever focus is (a right-click may leave it on the node).
    const escape = (e: globalThis.KeyboardEvent) => {
      if (e.key === 'Escape') onCloseRef.current();
    };
    document.addEventListener('mousedown', away, true);
    document.addEventListener('keydown', escape);
    return () => {
      document.removeEventListener('mousedown', away, true);
      document.removeEventListener('keydown', escape);
      const back = returnFocus.current as HTMLElement | null;
      if (back && document.contains(back)) back.focus?.();
    };
  }, []);

  const onKeyDown = (e: KeyboardEvent) => {
    const buttons = [...(ref.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]:not([disabled])') ?? [])];
    const i = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const go = (n: number) => buttons[(n + buttons.length) % buttons.length]?.focus();
    if (e.key === 'ArrowDown') go(i + 1);
    else if (e.key === 'ArrowUp') go(i - 1);
    else if (e.key === 'Home') go(0);
    else if (e.key === 'End') go(buttons.length - 1);
    else if (e.key === 'Escape' || e.key === 'Tab') onClose();
    else return;
    e.preventDefault();
    e.stopPropagation();
  };

  return (
    <div ref={ref} className="gmenu nokey" role="menu" aria-label={title} style={pos} onKeyDown={onKeyDown} onContextMenu={(e) => e.preventDefault()}>
      <div className="gmenu-title" aria-hidden="true">
        {title}
      </div>
      {items.map((item) => (
        <button
          key={item.label}
          type="button"
          role="menuitem"
          className={`gmenu-item ${item.danger ? 'danger' : ''}`}
          disabled={item.disabled}
          title={item.hint}
          onClick={() => {
            onClose();
            item.onSelect();
          }}
        >
          <span>{item.label}</span>
          {item.hint && <span className="gmenu-hint">{item.hint}</span>}
        </button>
      ))}
    </div>
  );
}
