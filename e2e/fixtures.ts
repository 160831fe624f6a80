// The fixture every spec uses: besides the test's own checks, each test fails if
// the page sent a request off its own origin (the site must work offline and
// never load from a CDN) or if anything was logged as an error in the console.
import { test as base, expect } from '@playwright/test';

export const test = base.extend<{ pageGuards: void }>({
  pageGuards: [
    async ({ page, baseURL }, use) => {
      const origin = new URL(baseURL ?? 'http://127.0.0.1').origin;
      const offOrigin: string[] = [];
      const errors: string[] = [];
      page.context().on('request', (request) => {
        const url = request.url();
        if (url.startsWith('data:') || url.startsWith('blob:')) return;
        if (new URL(url).origin !== origin) offOrigin.push(`${request.method()} ${url}`);
      });
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(`console.error: ${message.text()}`);
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
