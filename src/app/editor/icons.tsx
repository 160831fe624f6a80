// Inline SVG icons for the editor's controls (no icon font, no network).
const base = { width: 16, height: 16, viewBox: '0 0 16 16', 'aria-hidden': true, focusable: false } as const;

export const PlusIcon = () => (
  <svg {...base}><path d="M8 3v10M3 8h10" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" /></svg>
);
export const PencilIcon = () => (
  <svg {...base}><path d="M3 13l1-3.5L10.5 3 13 5.5 6.5 12 3 13z" fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinejoin="round" /></svg>
);
export const TrashIcon = () => (
  <svg {...base}><path d="M3 4.5h10M6.5 4.5V3h3v1.5M4.5 4.5l.7 8.5h5.6l.7-8.5" fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinejoin="round" /></svg>
);
export const PlayIcon = () => (
  <svg {...base}><path d="M4.5 3l8 5-8 5z" fill="currentColor" /></svg>
);
/** Filled dot: the tab's text differs from what was last applied. */
export const DirtyDot = () => (
  <svg width="8" height="8" viewBox="0 0 8 8" aria-hidden="true" focusable="false"><circle cx="4" cy="4" r="3.2" fill="currentColor" /></svg>
);
/** Check in a circle: success. */
export const OkIcon = () => (
  <svg {...base}><circle cx="8" cy="8" r="6.5" fill="none" stroke="currentColor" strokeWidth="1.5" /><path d="M5 8.2l2 2 4-4.4" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" /></svg>
);
/** Triangle with a bar: an error. */
export const ErrorIcon = () => (
  <svg {...base}><path d="M8 1.8l6.6 11.7H1.4z" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinejoin="round" /><path d="M8 6v3.6" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" /><circle cx="8" cy="11.6" r="0.9" fill="currentColor" /></svg>
);
/** Diamond: a warning. */
export const WarnIcon = () => (
  <svg {...base}><path d="M8 1.5L14.5 8 8 14.5 1.5 8z" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinejoin="round" /><path d="M8 5v3.5" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" /><circle cx="8" cy="10.8" r="0.9" fill="currentColor" /></svg>
);
