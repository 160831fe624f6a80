// A drag handle between two panes: pointer drag, arrow keys (Shift for big
// steps), Home/End for the limits, double-click or Enter to reset. It is an
// ARIA window splitter (role="separator" with a value), so a screen reader
// announces the pane's size and the keyboard can resize it.

import { useRef, type KeyboardEvent, type PointerEvent } from 'react';

interface Props {
  /** What it resizes, e.g. "editor": the accessible name is "Resize editor". */
  pane: string;
  /** `vertical`: a bar between columns (changes a width); `horizontal`: between rows. */
  orientation: 'vertical' | 'horizontal';
  value: number;
  min: number;
  max: number;
  defaultValue: number;
  /** The pane grows when the handle moves left/up (it sits before its pane). */
  invert?: boolean;
  controls?: string;
  onChange: (value: number) => void;
}

const STEP = 16;
const BIG_STEP = 64;

export function Splitter({ pane, orientation, value, min, max, defaultValue, invert = false, controls, onChange }: Props) {
  const drag = useRef<{ start: number; value: number } | null>(null);
  const clamp = (v: number) => Math.round(Math.min(Math.max(v, min), Math.max(min, max)));
  const sign = invert ? -1 : 1;

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = { start: orientation === 'vertical' ? e.clientX : e.clientY, value };
    e.preventDefault();
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    if (!drag.current) return;
    const pos = orientation === 'vertical' ? e.clientX : e.clientY;
    onChange(clamp(drag.current.value + sign * (pos - drag.current.start)));
  };
  const onPointerUp = (e: PointerEvent<HTMLDivElement>) => {
    drag.current = null;
    if (e.currentTarget.hasPointerCapture(e.pointerId)) e.currentTarget.releasePointerCapture(e.pointerId);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const step = e.shiftKey ? BIG_STEP : STEP;
    // Arrow keys move the handle in their direction; the pane grows or shrinks accordingly.
    const keys: Record<string, number> =
      orientation === 'vertical' ? { ArrowLeft: -step, ArrowRight: step } : { ArrowUp: -step, ArrowDown: step };
    let next: number | undefined;
    if (e.key in keys) next = value + sign * keys[e.key];
    else if (e.key === 'Home') next = min;
    else if (e.key === 'End') next = max;
    else if (e.key === 'Enter') next = defaultValue;
    if (next === undefined) return;
    e.preventDefault();
    onChange(clamp(next));
  };

  return (
    <div
      className={`splitter splitter-${orientation} splitter-${pane}`}
      role="separator"
      tabIndex={0}
      aria-label={`Resize ${pane}`}
      aria-orientation={orientation}
      aria-controls={controls}
      aria-valuenow={Math.round(value)}
      aria-valuemin={min}
      aria-valuemax={Math.round(max)}
      title={`Resize the ${pane}: drag, or focus and use the arrow keys (Shift for larger steps). Double-click or Enter resets it.`}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onDoubleClick={() => onChange(clamp(defaultValue))}
      onKeyDown={onKeyDown}
    />
  );
}
