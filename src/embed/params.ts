// URL parameters of the page, for embedding in a blog post's <iframe>:
//   ?embed=1            compact chrome; editor, terminal and inspector collapsed; no localStorage
//   &scenario=ID        open one of src/scenarios
//   &readonly=1         no editing and no faults; the terminal is read-only
//   &theme=dark|light   force a theme
//   &panes=graph,terminal   which panes start open (the graph is always shown)
//   &origin=https://blog.example   the embedding page's origin: the postMessage API
//                       (messageApi.ts) then takes requests only from it and posts only to it
//   &test-hooks=1       expose window.__playground for end-to-end tests (see testHooks.ts)
//   #w=…                a shared workspace (shareLink.ts), in the fragment so it never reaches a server
// Every value is checked against an allow-list; anything else is ignored.

import { findScenario } from '../scenarios';

export type PaneName = 'editor' | 'graph' | 'terminal' | 'inspector';
const PANES: readonly PaneName[] = ['editor', 'graph', 'terminal', 'inspector'];

export interface PageParams {
  embed: boolean;
  readOnly: boolean;
  /** A known scenario id, or undefined. */
  scenario?: string;
  /**
   * A `scenario=` this playground has no example for (a typo in a blog post's iframe, or a
   * link from another version), cut to MAX_SHOWN_ID characters: the page says so.
   */
  unknownScenario?: string;
  theme?: 'light' | 'dark';
  /** Panes that start open; undefined when not given (or nothing valid was given). */
  panes?: PaneName[];
  testHooks: boolean;
  /** The embedding page's origin (`https://host[:port]`), when given and well formed (messageApi.ts). */
  origin?: string;
  /** A share link's payload (the fragment after `#w=`), not yet checked: shareLink.ts decodes it. */
  share?: string;
}

/** How much of an unknown `scenario=` value the page repeats back. */
export const MAX_SHOWN_ID = 60;

/** The fragment that carries a shared workspace. */
export const SHARE_PREFIX = '#w=';

const TRUE = new Set(['1', 'true', 'yes', '']);

function flag(params: URLSearchParams, name: string): boolean {
  const value = params.get(name);
  return value !== null && TRUE.has(value.trim().toLowerCase());
}

export function parsePageParams(search: string, hash = ''): PageParams {
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(search.length > 4096 ? '' : search);
  } catch {
    params = new URLSearchParams();
  }
  const result: PageParams = { embed: flag(params, 'embed'), readOnly: flag(params, 'readonly'), testHooks: flag(params, 'test-hooks') };
  const scenario = params.get('scenario');
  if (scenario && findScenario(scenario)) result.scenario = scenario;
  else if (scenario && scenario.trim()) result.unknownScenario = scenario.length > MAX_SHOWN_ID ? `${scenario.slice(0, MAX_SHOWN_ID)}…` : scenario;
  const theme = params.get('theme');
  if (theme === 'dark' || theme === 'light') result.theme = theme;
  const panes = params.get('panes');
  if (panes !== null) {
    const valid = panes.split(',').map((p) => p.trim().toLowerCase()).filter((p): p is PaneName => (PANES as readonly string[]).includes(p));
    if (valid.length > 0) result.panes = [...new Set(valid)];
  }
  const origin = parseOrigin(params.get('origin'));
  if (origin) result.origin = origin;
  if (hash.startsWith(SHARE_PREFIX)) result.share = hash.slice(SHARE_PREFIX.length);
  return result;
}

/**
 * An http(s) origin exactly as `location.origin` spells it (scheme, host, optional port;
 * no path, query, credentials), or undefined. A trailing `/` is forgiven.
 */
export function parseOrigin(value: string | null | undefined): string | undefined {
  if (!value || value.length > 300) return undefined;
  const text = value.endsWith('/') ? value.slice(0, -1) : value;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  return url.origin === text.toLowerCase() || url.origin === text ? url.origin : undefined;
}

/** Which panes start collapsed, from the page parameters. */
export function initialCollapsed(p: PageParams): { editor: boolean; terminal: boolean; inspector: boolean } | undefined {
  if (p.panes) return { editor: !p.panes.includes('editor'), terminal: !p.panes.includes('terminal'), inspector: !p.panes.includes('inspector') };
  // An embed in a blog column is graph first; `panes=graph,terminal` brings the terminal back.
  if (p.embed) return { editor: true, terminal: true, inspector: true };
  return undefined;
}
