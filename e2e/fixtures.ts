// The fixture every spec uses: besides the test's own checks, each test fails if
// the page sent a request off its own origin (the site must work offline and
// never load from a CDN) or if anything was logged as an error in the console.
import { test as base, expect, type Page } from '@playwright/test';

export const test = base.extend<{ pageGuards: void; expectedConsoleErrors: RegExp[] }>({
  /** Console errors a test provokes on purpose (e.g. a chunk it makes fail to load); any other still fails it. */
  expectedConsoleErrors: [[], { option: true }],
  pageGuards: [
    async ({ page, baseURL, expectedConsoleErrors }, use) => {
      const origin = new URL(baseURL ?? 'http://127.0.0.1').origin;
      const offOrigin: string[] = [];
      const errors: string[] = [];
      page.context().on('request', (request) => {
        const url = request.url();
        if (url.startsWith('data:') || url.startsWith('blob:')) return;
        if (new URL(url).origin !== origin) offOrigin.push(`${request.method()} ${url}`);
      });
      page.on('console', (message) => {
        if (message.type() !== 'error') return;
        const text = message.text();
        if (!expectedConsoleErrors.some((re) => re.test(text) || re.test(message.location().url))) errors.push(`console.error: ${text}`);
      });
      page.on('pageerror', (error) => errors.push(`uncaught: ${error.stack ?? error.message}`));

      await use();

      expect(offOrigin, 'requests that left the page origin').toEqual([]);
      expect(errors, 'errors in the browser console').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** The page's test hooks (`?test-hooks=1`, src/app/testHooks.ts); each spec narrows the type it uses. */
declare global {
  interface Window {
    __playground?: Record<string, unknown>;
  }
}

/**
 * Holds back the page's requests for a chunk (its URL matches `url`) until the returned
 * function is called: what a slow network does to that chunk, for tests of what shows meanwhile.
 */
export async function holdChunk(page: Page, url: RegExp): Promise<() => void> {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(url, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

/**
 * Graph nodes that the element matching `cover` (a panel docked in the graph pane) lies
 * over, or that lie outside the graph's own box: what a docked panel must never hide.
 */
export async function nodesHiddenBy(page: Page, cover: string): Promise<string[]> {
  return page.evaluate((selector) => {
    const panel = document.querySelector(selector)!.getBoundingClientRect();
    const flow = document.querySelector('.react-flow')!.getBoundingClientRect();
    const out: string[] = [];
    for (const n of document.querySelectorAll<HTMLElement>('.react-flow__node')) {
      const b = n.getBoundingClientRect();
      const covered = b.left < panel.right && b.right > panel.left && b.top < panel.bottom && b.bottom > panel.top;
      const outside = b.left < flow.left - 1 || b.right > flow.right + 1 || b.top < flow.top - 1 || b.bottom > flow.bottom + 1;
      if (covered || outside) out.push(`${n.dataset.id}${covered ? ' (covered)' : ' (outside the graph)'}`);
    }
    return out;
  }, cover);
}

/** The command line's chunk (kubectl, the YAML parser, curl …): the example or saved session starts when it arrives. */
export const COMMAND_LINE_CHUNK = /\/assets\/commandLine-[^/]+\.js$/;
