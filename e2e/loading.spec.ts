// The first picture does not wait for the command line (kubectl, the YAML parser,
// curl …), which the page loads as a chunk of its own (src/engine/lean.ts): the
// cluster's nodes and the page's final layout show at once, and the example or the
// saved session starts when the chunk arrives. These tests hold the chunk back.
import type { Page } from '@playwright/test';
import { COMMAND_LINE_CHUNK, expect, holdChunk, test } from './fixtures';

const POD = /^Pod web-[a-z0-9]+-[a-z0-9]{5}, /;


async function expectNodes(page: Page) {
  for (const n of [1, 2, 3]) {
    await expect(page.getByRole('group', { name: new RegExp(`^Node node-${n}, Ready, 192\\.168\\.49\\.${n + 1}$`) })).toBeVisible();
  }
}

test('the nodes and the welcome file show before the command line has loaded; the example starts when it arrives', async ({ page }) => {
  const release = await holdChunk(page, COMMAND_LINE_CHUNK);
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

  const release = await holdChunk(page, COMMAND_LINE_CHUNK);
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

// The graph's code (React Flow and the graph layers) is a chunk of its own too,
// fetched from the start in parallel with the cluster's boot (LazyGraphPane.tsx):
// until it arrives the graph pane holds a placeholder in the graph's exact place.
const GRAPH_CHUNK = /\/assets\/GraphPane-[^/]+\.js$/;

test('the shell shows with a graph placeholder in the graph\'s place until the graph\'s code arrives', async ({ page }) => {
  const release = await holdChunk(page, GRAPH_CHUNK);
  await page.goto('./');
  const graph = page.getByRole('region', { name: 'Cluster graph' });
  await expect(graph.getByRole('status')).toHaveText('Loading the graph…');
  await expect(graph).toHaveAttribute('aria-busy', 'true');
  await expect(page.getByRole('tab', { name: /web\.yaml/ })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Send request' })).toBeVisible();
  const before = await graph.boundingBox();

  release();
  await expect(page.getByRole('group', { name: POD })).toHaveCount(3);
  await expect(graph.getByText('Loading the graph…')).toHaveCount(0);
  expect(await graph.boundingBox()).toEqual(before);
});

test.describe('when the graph\'s code cannot load', () => {
  // The failed request is logged by the browser itself; nothing else may be.
  test.use({ expectedConsoleErrors: [/Failed to load resource/] });

  test('the pane and a notice say so, and the rest of the page keeps working', async ({ page }) => {
    await page.route(GRAPH_CHUNK, (route) => route.abort());
    await page.goto('./?test-hooks=1');
    await expect(page.getByRole('alert').filter({ hasText: 'could not load its cluster graph' })).toBeVisible();
    const graph = page.getByRole('region', { name: 'Cluster graph' });
    await expect(graph).toContainText('The graph could not load.');
    await expect(page.getByRole('tab', { name: /web\.yaml/ })).toBeVisible();
    // The example started and the terminal answers a person's command.
    type Hooks = { terminalText?: () => string };
    await page.waitForFunction(() => typeof (window.__playground as Hooks | undefined)?.terminalText === 'function');
    await page.getByRole('textbox', { name: 'Terminal input' }).focus();
    await page.keyboard.type('kubectl get deploy web -o name');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => (window.__playground as Hooks).terminalText!())).toContain('$ kubectl get deploy web -o name\ndeployment.apps/web\n');
  });
});
