// The first picture does not wait for the command line (kubectl, the YAML parser,
// curl …), which the page loads as a chunk of its own (src/engine/lean.ts): the
// cluster's nodes and the page's final layout show at once, and the example or the
// saved session starts when the chunk arrives. These tests hold the chunk back.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const POD = /^Pod web-[a-z0-9]+-[a-z0-9]{5}, /;

/** Holds back the command line's chunk until the returned function is called. */
async function holdCommandLine(page: Page): Promise<() => void> {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/assets\/commandLine-[^/]+\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

async function expectNodes(page: Page) {
  for (const n of [1, 2, 3]) {
    await expect(page.getByRole('group', { name: new RegExp(`^Node node-${n}, Ready, 192\\.168\\.49\\.${n + 1}$`) })).toBeVisible();
  }
}

test('the nodes and the welcome file show before the command line has loaded; the example starts when it arrives', async ({ page }) => {
  const release = await holdCommandLine(page);
  await page.goto('./?test-hooks=1');
  await expectNodes(page);
  await expect(page.getByRole('tab', { name: /web\.yaml/ })).toBeVisible();
  await expect(page.getByRole('group', { name: POD })).toHaveCount(0);
  // The test hooks (and so a test's commands) wait for the command line too.
  expect(await page.evaluate(() => typeof window.__playground?.runCommand)).toBe('undefined');

  release();
  await expect(page.getByRole('group', { name: POD })).toHaveCount(3);
  await page.waitForFunction(() => typeof window.__playground?.runCommand === 'function');
  const out = await page.evaluate(() => (window.__playground as { runCommand: (l: string, s: string) => { stdout: string } }).runCommand('kubectl get deploy web -o name', 'terminal').stdout);
  expect(out).toBe('deployment.apps/web\n');
});

test('a saved session keeps its theme and layout from the first frame, and its cluster comes back', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByRole('group', { name: POD })).toHaveCount(3);
  await page.getByRole('button', { name: 'Dark theme' }).click();
  await page.getByRole('button', { name: 'Hide editor' }).click();
  await expect(page.getByRole('region', { name: 'Editor' })).toBeHidden();
  await page.evaluate(() => dispatchEvent(new Event('pagehide'))); // save now

  const release = await holdCommandLine(page);
  await page.reload();
  await expectNodes(page);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByRole('region', { name: 'Editor' })).toBeHidden();
  await expect(page.getByRole('group', { name: POD })).toHaveCount(0);

  release();
  await expect(page.getByRole('group', { name: POD })).toHaveCount(3);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByRole('region', { name: 'Editor' })).toBeHidden();
});
