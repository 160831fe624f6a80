// Inline SVG icons (no icon font, nothing from the network). Decorative by
// default: the button around an icon carries the accessible name. Pass `label`
// when the icon itself must be announced.

const PATHS = {
  examples: 'M4 4.5A1.5 1.5 0 0 1 5.5 3H19v15H5.5A1.5 1.5 0 0 0 4 19.5v-15ZM4 19.5A1.5 1.5 0 0 0 5.5 21H19v-3M8 7h7M8 10.5h5',
  sun: 'M12 16a4 4 0 1 0 0-8 4 4 0 0 0 0 8ZM12 2v2M12 20v2M4.9 4.9l1.4 1.4M17.7 17.7l1.4 1.4M2 12h2M20 12h2M4.9 19.1l1.4-1.4M17.7 6.3l1.4-1.4',
  moon: 'M20 14.5A8 8 0 0 1 9.5 4a8 8 0 1 0 10.5 10.5Z',
  help: 'M12 22a10 10 0 1 0 0-20 10 10 0 0 0 0 20ZM9.1 9a3 3 0 0 1 5.8 1c0 2-3 2.5-3 4.5M12 17.5h.01',
  play: 'M7 4.5v15l12-7.5-12-7.5Z',
  pause: 'M7 4.5h3.5v15H7zM13.5 4.5H17v15h-3.5z',
  forward: 'M4 6l7 6-7 6V6ZM12 6l7 6-7 6V6Z',
  close: 'M6 6l12 12M18 6 6 18',
  copy: 'M9 9h11v11H9zM5 15H4V4h11v1',
  share: 'M18 8a3 3 0 1 0 0-6 3 3 0 0 0 0 6ZM6 15a3 3 0 1 0 0-6 3 3 0 0 0 0 6ZM18 22a3 3 0 1 0 0-6 3 3 0 0 0 0 6ZM8.6 13.5l6.8 4M15.4 6.5l-6.8 4',
  editor: 'M4 3h11l5 5v13H4V3ZM14 3v6h6M8 13h8M8 17h5',
  terminal: 'M3 4h18v16H3V4ZM7 9l3 3-3 3M12 15h5',
  inspector: 'M3 4h18v16H3V4ZM15 4v16M17.5 8h1.5M17.5 11h1.5',
  presenter: 'M3 4h18v12H3V4ZM12 16v4M8 20h8',
  chevronLeft: 'M15 6l-6 6 6 6',
  chevronRight: 'M9 6l6 6-6 6',
  chevronDown: 'M6 9l6 6 6-6',
  chevronUp: 'M6 15l6-6 6 6',
  clock: 'M12 22a10 10 0 1 0 0-20 10 10 0 0 0 0 20ZM12 6v6l4 2',
  info: 'M12 22a10 10 0 1 0 0-20 10 10 0 0 0 0 20ZM12 11v6M12 7.5h.01',
  warn: 'M12 3 2 20h20L12 3ZM12 10v4.5M12 17.5h.01',
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({ name, label, size = 18 }: { name: IconName; label?: string; size?: number }) {
  return (
    <svg
      className="icon"
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
      role={label ? 'img' : undefined}
      aria-label={label}
      aria-hidden={label ? undefined : true}
      focusable="false"
    >
      <path d={PATHS[name]} />
    </svg>
  );
}

/** The product mark: a Service (hexagon) fanning out to three pods. */
export function Logo({ size = 26 }: { size?: number }) {
  return (
    <svg className="logo" width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <path d="M16 2.5 27.7 9.25v13.5L16 29.5 4.3 22.75V9.25Z" fill="var(--accent)" />
      <circle cx="16" cy="11" r="3" fill="var(--accent-fg)" />
      <path d="M16 14v3M16 17l-5 4M16 17v4.5M16 17l5 4" stroke="var(--accent-fg)" strokeWidth="1.8" strokeLinecap="round" fill="none" />
      <circle cx="10.5" cy="22" r="2" fill="var(--accent-fg)" />
      <circle cx="16" cy="23" r="2" fill="var(--accent-fg)" />
      <circle cx="21.5" cy="22" r="2" fill="var(--accent-fg)" />
    </svg>
  );
}
