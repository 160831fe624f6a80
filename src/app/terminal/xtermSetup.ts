// Binds xterm.js to a TerminalSession and to the store. This module (and xterm,
// ~90 KB gzip) is loaded lazily by TerminalPane, so the first paint never waits for it.
import { FitAddon } from '@xterm/addon-fit';
import { Terminal, type ITheme } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import { useStore } from '../store/state';
import { setComponentHook } from '../componentHooks';
import { bindSession, storeSessionDeps } from './sessionBinding';
import { TerminalSession } from './terminalSession';

/** xterm's colours from the theme tokens (theme.css), read after each theme switch. */
export function themeFromTokens(css: CSSStyleDeclaration): ITheme {
  const token = (name: string) => css.getPropertyValue(name).trim();
  const accent = token('--accent');
  return {
    background: token('--code-bg'),
    foreground: token('--fg'),
    cursor: accent,
    cursorAccent: token('--code-bg'),
    selectionBackground: /^#[0-9a-f]{6}$/i.test(accent) ? `${accent}55` : accent,
    black: token('--fg'),
    red: token('--bad'),
    green: token('--ok'),
    yellow: token('--warn'),
    blue: token('--info'),
    magenta: token('--packet'),
    cyan: token('--accent'),
    white: token('--muted'),
    brightBlack: token('--muted'),
    brightRed: token('--bad'),
    brightGreen: token('--ok'),
    brightYellow: token('--warn'),
    brightBlue: token('--info'),
    brightMagenta: token('--packet'),
    brightCyan: token('--accent'),
    brightWhite: token('--fg'),
  };
}

/** 14px; 20px in the presenter view, for a projector; a `--terminal-font-size` on the pane wins. */
function fontSize(el: HTMLElement): number {
  const explicit = parseFloat(getComputedStyle(el).getPropertyValue('--terminal-font-size'));
  if (explicit > 0) return explicit;
  return useStore.getState().presenter ? 20 : 14;
}

/** Feeds xterm in chunks, each after the previous one is parsed, so long output never blocks the page. */
function chunkedWriter(term: Terminal): (data: string) => void {
  const CHUNK = 16_384;
  const queue: string[] = [];
  let busy = false;
  const pump = () => {
    const next = queue.shift();
    busy = next !== undefined;
    if (next !== undefined) term.write(next, pump);
  };
  return (data) => {
    for (let i = 0; i < data.length; i += CHUNK) queue.push(data.slice(i, i + CHUNK));
    if (!busy) pump();
  };
}

/** The screen's text, wrapped rows joined, trailing spaces trimmed, for tests (xterm's buffer API). */
export function bufferText(term: Terminal): string {
  const buffer = term.buffer.active;
  const lines: string[] = [];
  for (let i = 0; i < buffer.length; i++) {
    const line = buffer.getLine(i);
    if (!line) continue;
    const text = line.translateToString(true);
    if (line.isWrapped && lines.length) lines[lines.length - 1] += text;
    else lines.push(text);
  }
  const trimmed = lines.map((l) => l.trimEnd());
  while (trimmed.length && trimmed[trimmed.length - 1] === '') trimmed.pop();
  return trimmed.join('\n');
}

export interface MountedTerminal {
  focus(): void;
  dispose(): void;
}

/** Opens a terminal in `host`; Escape moves focus to `leaveTo` so the keyboard is never trapped. */
export function mountTerminal(host: HTMLElement, leaveTo: HTMLElement): MountedTerminal {
  const state = useStore.getState();
  const rootCss = getComputedStyle(document.documentElement);
  const term = new Terminal({
    fontFamily: rootCss.getPropertyValue('--font-mono').trim() || 'monospace',
    fontSize: fontSize(host),
    theme: themeFromTokens(rootCss),
    cursorBlink: !state.reducedMotion,
    scrollback: 5000,
    // Keeps every token colour readable on the terminal background (e.g. --bad on the light theme).
    minimumContrastRatio: 4.5,
    disableStdin: state.embed.readOnly,
  });
  const fit = new FitAddon();
  term.loadAddon(fit);
  term.open(host);
  fit.fit();

  const write = chunkedWriter(term);
  const session = new TerminalSession({ write, cols: () => term.cols }, storeSessionDeps, { readOnly: state.embed.readOnly });
  const unbindSession = bindSession(session);

  const disposables = [
    term.onData((data) => session.input(data)),
    // After a reflow the line may wrap differently: draw it again.
    term.onResize(() => session.redraw()),
  ];
  term.attachCustomKeyEventHandler((e) => {
    if (e.type !== 'keydown') return true;
    if (e.key === 'Escape') {
      leaveTo.focus();
      return false;
    }
    // Ctrl+C with text selected copies it (the browser's copy event), as in most terminals.
    if ((e.ctrlKey || e.metaKey) && e.key === 'c' && term.hasSelection()) return false;
    return true;
  });

  // Re-theme and re-size the font when the page's theme or zoom changes (App sets data-theme on <html>).
  const restyle = () => {
    const css = getComputedStyle(document.documentElement);
    term.options.theme = themeFromTokens(css);
    const size = fontSize(host);
    if (term.options.fontSize !== size) {
      term.options.fontSize = size;
      fit.fit();
    }
  };
  const unsubscribe = useStore.subscribe((s, prev) => {
    if (s.embed.readOnly !== prev.embed.readOnly) term.options.disableStdin = s.embed.readOnly;
    if (s.reducedMotion !== prev.reducedMotion) term.options.cursorBlink = !s.reducedMotion;
    if (s.presenter !== prev.presenter) restyle();
  });

  const themeObserver = new MutationObserver(restyle);
  themeObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme', 'class', 'style'] });

  // Fit to the pane; a collapsed (zero-size) pane keeps its last size.
  const resizeObserver = new ResizeObserver(() => {
    if (host.clientWidth > 0 && host.clientHeight > 0) fit.fit();
  });
  resizeObserver.observe(host);

  // Tests read the screen through the shell's test hooks (testHooks.ts), present only when they are on.
  setComponentHook('terminalText', () => bufferText(term));

  return {
    focus: () => term.focus(),
    dispose: () => {
      unbindSession();
      unsubscribe();
      themeObserver.disconnect();
      resizeObserver.disconnect();
      for (const d of disposables) d.dispose();
      setComponentHook('terminalText', undefined);
      term.dispose();
    },
  };
}
