// The browser every test, benchmark and screenshot uses: Debian's chromium when
// installed (Playwright cannot download its own browser here), with flags that
// keep it from reaching for the network at start-up; Playwright's browser elsewhere.
import { existsSync } from 'node:fs';

export const DEBIAN_CHROMIUM = '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export function chromiumLaunchOptions(): { executablePath: string | undefined; args: string[] } {
  return { executablePath: existsSync(DEBIAN_CHROMIUM) ? DEBIAN_CHROMIUM : undefined, args: CHROMIUM_ARGS };
}
