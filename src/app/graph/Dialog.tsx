// A small modal dialog for the graph's forms (labels, scale): focus moves in,
// Escape closes, focus returns.
import { useEffect, useRef, type ReactNode } from 'react';

export function Dialog({ title, onClose, children }: { title: string; onClose: () => void; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const back = document.activeElement as HTMLElement | null;
    ref.current?.querySelector<HTMLElement>('input, button')?.focus();
    return () => {
      if (back && document.contains(back)) back.focus();
    };
  }, []);
  return (
    <div className="gdialog-backdrop nokey" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div
        ref={ref}
        className="gdialog"
        role="dialog"
        aria-modal="true"
        aria-label={title}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation();
            onClose();
          }
        }}
      >
        <h2 className="gdialog-title">{title}</h2>
        {children}
      </div>
    </div>
  );
}
