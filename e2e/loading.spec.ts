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

// The example or the saved session replaces the first picture's files when it starts:
// until then the editor takes no typing (nothing typed can be lost) and says why.
test.describe('while the page starts', () => {
  const startingNote = 'Starting the cluster… You can edit once it is running.';

  test('the editor takes no typing and Apply is off, both saying why; once running, both work', async ({ page }) => {
    const release = await holdChunk(page, COMMAND_LINE_CHUNK);
    await page.goto('./?test-hooks=1');
    const note = page.getByRole('status').filter({ hasText: startingNote });
    await expect(note).toBeVisible();
    const apply = page.getByRole('button', { name: /^Apply/ });
    await expect(apply).toBeDisabled();
    await expect(apply).toHaveAccessibleDescription(startingNote);
    await expect(page.getByRole('button', { name: 'New file' })).toBeDisabled();

    // The editor (Monaco) can arrive before the command line: typing into it is refused, out loud.
    await expect(page.getByRole('textbox', { name: 'YAML editor: web.yaml' })).toBeAttached({ timeout: 20_000 });
    const lines = page.locator('.monaco-editor .view-lines');
    await expect(lines).toContainText('kind: Deployment');
    const before = await lines.innerText();
    await lines.click();
    await page.keyboard.type('# mine');
    await expect(page.getByTestId('monaco-host').getByText('The cluster is starting: you can edit in a moment.')).toBeVisible();
    await page.keyboard.press('Control+s');
    expect(await lines.innerText()).toBe(before);
    await expect(page.getByRole('tab', { name: /not applied/ })).toHaveCount(0);

    release();
    await expect(page.getByRole('group', { name: POD })).toHaveCount(3);
    await expect(note).toHaveCount(0);
    await expect(apply).toBeEnabled();
    await lines.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('# mine');
    await expect(page.getByRole('tab', { name: 'web.yaml (not applied)', exact: true })).toBeVisible();
    type Hooks = { getState(): { files: Record<string, string> } };
    await page.waitForFunction(() => typeof (window.__playground as Hooks | undefined)?.getState === 'function');
    expect(await page.evaluate(() => (window.__playground as Hooks).getState().files['web.yaml'])).toMatch(/# mine$/);
  });

  test('a tab opened while the page starts stays open once it runs', async ({ page }) => {
    const release = await holdChunk(page, COMMAND_LINE_CHUNK);
    await page.goto('./?scenario=network-policy');
    await page.getByRole('tab', { name: /^allow\.yaml/ }).click();
    release();
    await expect(page.getByRole('status').filter({ hasText: startingNote })).toHaveCount(0);
    await expect(page.getByRole('tab', { name: /^allow\.yaml/ })).toHaveAttribute('aria-selected', 'true');
  });

  test('an embed with the editor shows the example\'s file from the first picture, and saves nothing', async ({ page }) => {
    await page.setViewportSize({ width: 700, height: 450 });
    const release = await holdChunk(page, COMMAND_LINE_CHUNK);
    await page.goto('./?embed=1&scenario=selector-typo&panes=editor,graph');
    const editor = page.getByRole('region', { name: 'Editor' });
    // The example applies web.yaml as it starts: no "not applied" dot meanwhile.
    await expect(editor.getByRole('tab', { name: 'web.yaml', exact: true })).toHaveAttribute('aria-selected', 'true');
    await expect(editor.getByText('selector:').first()).toBeVisible();
    await expect(editor.getByText('No file open')).toHaveCount(0);
    await expect(editor.getByRole('status').filter({ hasText: startingNote })).toBeVisible();

    release();
    await expect(page.getByRole('group', { name: /^Pod web-/ }).first()).toBeVisible();
    await expect(editor.getByRole('status').filter({ hasText: startingNote })).toHaveCount(0);
    await expect(editor.getByRole('tab', { name: 'web.yaml', exact: true })).toHaveAttribute('aria-selected', 'true');
    expect(await page.evaluate(() => localStorage.length)).toBe(0);
  });

  test.describe('and the command line\'s code cannot load', () => {
    // The failed request is logged by the browser itself; nothing else may be.
    test.use({ expectedConsoleErrors: [/Failed to load resource/] });

    test('a notice and the editor say so, and editing stays off', async ({ page }) => {
      await page.route(COMMAND_LINE_CHUNK, (route) => route.abort());
      await page.goto('./');
      await expect(page.getByRole('alert').filter({ hasText: 'could not load its command line' })).toBeVisible();
      await expect(page.getByRole('status').filter({ hasText: 'Editing is off: the cluster could not start. Reload the page to try again.' })).toBeVisible();
      await expect(page.getByRole('button', { name: /^Apply/ })).toBeDisabled();
      await expect(page.getByRole('tab', { name: 'web.yaml', exact: true })).toBeVisible();
    });
  });
});
