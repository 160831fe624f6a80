// The frame everything lives in: panes that collapse and resize, the theme,
// examples, the inspector, persistence across reloads, and the embed modes.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

test.use({ colorScheme: 'light' });

type Hooks = {
  runCommand: (line: string, source?: string) => { stdout: string; stderr: string; exitCode: number };
  select: (ref: { kind: string; namespace?: string; name: string } | null) => void;
  getState: () => { files: Record<string, string>; activeFile: string };
};

async function open(page: Page, query = '') {
  await page.goto(`./?test-hooks=1${query}`);
  await page.waitForFunction(() => typeof (window as unknown as { __playground?: Hooks }).__playground?.runCommand === 'function');
}

const file = (page: Page, name: string) => page.evaluate((n) => (window as unknown as { __playground: Hooks }).__playground.getState().files[n], name);
const select = (page: Page, ref: { kind: string; namespace?: string; name: string }) =>
  page.evaluate((r) => (window as unknown as { __playground: Hooks }).__playground.select(r), ref);
const run = (page: Page, line: string) =>
  page.evaluate((l) => (window as unknown as { __playground: Hooks }).__playground.runCommand(l, 'terminal'), line);
const exitCode = async (page: Page, line: string) =>
  page.evaluate((l) => (window as unknown as { __playground: { getState: () => { cluster: { exec: (l: string) => { exitCode: number } } } } }).__playground.getState().cluster.exec(l).exitCode, line);

test.describe('panes', () => {
  test('collapse and expand with the toolbar buttons, the pane buttons and the keyboard', async ({ page }) => {
    await open(page);
    const editor = page.getByRole('region', { name: 'Editor' });
    const toggle = page.getByRole('button', { name: 'Editor', exact: true });
    await expect(editor).toBeVisible();
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    await toggle.click();
    await expect(editor).toBeHidden();
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await page.keyboard.press('Alt+Shift+E');
    await expect(editor).toBeVisible();

    const terminal = page.getByRole('region', { name: 'Terminal' });
    await terminal.getByRole('button', { name: 'Hide terminal' }).click();
    await expect(terminal).toBeHidden();
    await page.keyboard.press('Alt+Shift+T');
    await expect(terminal).toBeVisible();

    await page.keyboard.press('Alt+Shift+I');
    await expect(page.getByRole('region', { name: 'Inspector' })).toBeVisible();
    await expect(page.getByText('Click an object in the graph')).toBeVisible();
  });

  test('a pane resizes with the keyboard and the size survives a reload', async ({ page }) => {
    await open(page);
    const editor = page.getByRole('region', { name: 'Editor' });
    const handle = page.getByRole('separator', { name: 'Resize editor' });
    const before = (await editor.boundingBox())!.width;
    const value = Number(await handle.getAttribute('aria-valuenow'));
    await handle.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Shift+ArrowRight');
    await expect(handle).toHaveAttribute('aria-valuenow', String(value + 16 + 64));
    await expect.poll(async () => (await editor.boundingBox())!.width).toBeCloseTo(before + 80, 0);

    await page.reload();
    await expect(page.getByRole('separator', { name: 'Resize editor' })).toHaveAttribute('aria-valuenow', String(value + 80));
    const terminalHandle = page.getByRole('separator', { name: 'Resize terminal' });
    const h = Number(await terminalHandle.getAttribute('aria-valuenow'));
    await terminalHandle.focus();
    await page.keyboard.press('ArrowUp'); // the handle moves up: the terminal grows
    await expect(terminalHandle).toHaveAttribute('aria-valuenow', String(h + 16));
    await page.keyboard.press('Enter'); // back to the default, which follows the window: 160 px at 1280×720 (src/app/shell/paneSizes.ts)
    await expect(terminalHandle).toHaveAttribute('aria-valuenow', '160');
  });
});

test('the theme switches to dark and stays dark after a reload', async ({ page }) => {
  await open(page);
  const html = page.locator('html');
  await expect(html).toHaveAttribute('data-theme', 'light');
  const toggle = page.getByRole('button', { name: 'Dark theme' });
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect(html).toHaveAttribute('data-theme', 'dark');
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(bg).toBe('rgb(15, 18, 22)');
  await page.reload();
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByRole('button', { name: 'Dark theme' })).toHaveAttribute('aria-pressed', 'true');
});

test.describe('examples', () => {
  test('picking one resets the cluster, asking first when there is work to lose', async ({ page }) => {
    await open(page);
    await page.getByRole('button', { name: 'Examples' }).click();
    const menu = page.getByRole('menu', { name: 'Examples' });
    await expect(menu.getByRole('menuitem')).toHaveCount(10);
    // Nothing changed yet: no question asked.
    await menu.getByRole('menuitem', { name: /Selector typo/ }).click();
    await expect(menu).toHaveCount(0);
    expect(await file(page, 'web.yaml')).toContain('app: wbe');

    await run(page, 'kubectl create namespace shop');
    await page.getByRole('button', { name: 'Examples' }).click();
    await page.getByRole('menuitem', { name: /Headless Service and StatefulSet/ }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Replace your work?' });
    await expect(confirm).toBeVisible();
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    expect(await exitCode(page, 'kubectl get namespace shop')).toBe(0);

    await page.getByRole('menuitem', { name: /Headless Service and StatefulSet/ }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Replace my work' }).click();
    await expect(page.getByRole('region', { name: 'Editor' }).getByRole('tab', { name: /db\.yaml/ })).toBeVisible();
    expect(await exitCode(page, 'kubectl get namespace shop')).toBe(1);
    expect(await exitCode(page, 'kubectl get statefulset db')).toBe(0);
  });
});

test.describe('the inspector', () => {
  test('opens on a selected object with its YAML, describe output and events', async ({ page }) => {
    await open(page);
    await select(page, { kind: 'Deployment', namespace: 'default', name: 'web' });
    const inspector = page.getByRole('region', { name: 'Inspector' });
    await expect(inspector).toBeVisible();
    await expect(inspector.getByRole('heading', { name: 'Deployment default/web' })).toBeVisible();
    const yamlTab = inspector.getByRole('tab', { name: 'YAML' });
    await expect(yamlTab).toHaveAttribute('aria-selected', 'true');
    await expect(inspector.getByLabel('YAML of Deployment web')).toContainText('kind: Deployment');
    await expect(inspector.getByLabel('YAML of Deployment web')).toContainText('replicas: 3');

    // Keyboard: arrows move between tabs.
    await yamlTab.focus();
    await page.keyboard.press('ArrowRight');
    await expect(inspector.getByRole('tab', { name: 'Describe' })).toBeFocused();
    await expect(inspector.getByLabel('Description of Deployment web')).toContainText(/Replicas:\s+3 desired/);
    await page.keyboard.press('ArrowRight');
    const events = inspector.getByRole('table');
    await expect(events).toContainText('ScalingReplicaSet');

    // It follows the cluster: a scale typed in the terminal shows up.
    await run(page, 'kubectl scale deployment web --replicas=5');
    await inspector.getByRole('tab', { name: 'YAML' }).click();
    await expect(inspector.getByLabel('YAML of Deployment web')).toContainText('replicas: 5');

    // Copy to editor: a new file without status and server fields, opened in the editor.
    await inspector.getByRole('button', { name: 'Copy to editor' }).click();
    const tab = page.getByRole('region', { name: 'Editor' }).getByRole('tab', { name: /web-deployment\.yaml/ });
    await expect(tab).toHaveAttribute('aria-selected', 'true');
    const copied = await file(page, 'web-deployment.yaml');
    expect(copied).toContain('replicas: 5');
    expect(copied).not.toMatch(/uid:|resourceVersion|creationTimestamp|status:|last-applied/);

    await inspector.getByRole('button', { name: 'Close inspector' }).click();
    await expect(page.getByRole('region', { name: 'Inspector' })).toBeHidden();
  });
});

test.describe('persistence', () => {
  test('a command typed before a reload still has its effect after it', async ({ page }) => {
    await open(page);
    const input = page.getByRole('textbox', { name: 'Terminal input' });
    await input.focus();
    await page.keyboard.type('kubectl create namespace shop');
    await page.keyboard.press('Enter');
    await expect.poll(() => exitCode(page, 'kubectl get namespace shop')).toBe(0);
    await page.reload();
    await page.waitForFunction(() => !!(window as unknown as { __playground?: Hooks }).__playground?.getState);
    expect(await exitCode(page, 'kubectl get namespace shop')).toBe(0);
    expect(await exitCode(page, 'kubectl get deployment web')).toBe(0);
    // The typed line is back in the terminal's history.
    expect(await page.evaluate(() => (window as unknown as { __playground: { getState: () => { typed: string[] } } }).__playground.getState().typed)).toContain('kubectl create namespace shop');
  });

  test('a link to an example sets the person\'s work aside, and one click brings it back', async ({ page }) => {
    await open(page);
    await page.evaluate(() => (window as unknown as { __playground: { writeFile(p: string, t: string): void } }).__playground.writeFile('mine.yaml', 'kind: ConfigMap # my notes\n'));
    await expect.poll(() => page.evaluate(() => localStorage.getItem('services-playground:v1') ?? '')).toContain('my notes');
    await page.goto('./?test-hooks=1&scenario=selector-typo');
    const notice = page.getByRole('status').filter({ hasText: 'This link opened the example “Selector typo: no endpoints”. Your own work from before is kept in this browser.' });
    await expect(notice).toBeVisible();
    await expect(page.getByRole('tab', { name: /mine\.yaml/ })).toHaveCount(0);
    await notice.getByRole('button', { name: 'Bring back my work' }).click();
    await expect(page.getByRole('tab', { name: /mine\.yaml/ })).toBeVisible();
    expect(new URL(page.url()).search).toBe('');
    // The example's session is kept in turn: nothing is lost either way.
    await expect.poll(() => page.evaluate(() => localStorage.getItem('services-playground:v1:previous') ?? '')).toContain('wbe');
  });

  test('corrupt saved data shows a notice instead of a blank page, and keeps the text', async ({ page }) => {
    await page.addInitScript(() => {
      if (sessionStorage.getItem('corrupted')) return;
      sessionStorage.setItem('corrupted', '1');
      localStorage.setItem('services-playground:v1', '{"v":1,"files":{"web.yaml":');
    });
    await open(page);
    const notice = page.getByRole('alert').filter({ hasText: 'could not be fully restored' });
    await expect(notice).toBeVisible();
    await expect(page.getByRole('region', { name: 'Cluster graph' })).toBeVisible();
    expect(await page.evaluate(() => localStorage.getItem('services-playground:v1:corrupt'))).toBe('{"v":1,"files":{"web.yaml":');
    await notice.getByRole('button', { name: 'Dismiss notice' }).click();
    await expect(notice).toHaveCount(0);
  });
});

test.describe('embedded in a 700x450 frame', () => {
  test.use({ viewport: { width: 700, height: 450 } });

  test('?embed=1 shows the graph first, with the editor, terminal and inspector collapsed', async ({ page }) => {
    await page.goto('./?embed=1');
    const graph = page.getByRole('region', { name: 'Cluster graph' });
    await expect(graph).toBeVisible();
    // The graph gets the frame below the toolbar.
    expect((await graph.boundingBox())!.height).toBeGreaterThan(350);
    await expect(page.getByRole('region', { name: 'Terminal' })).toHaveCount(0);
    await expect(page.getByRole('region', { name: 'Editor' })).toHaveCount(0);
    await expect(page.getByRole('region', { name: 'Inspector' })).toHaveCount(0);
    // Nothing overflows the frame sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(700);
    // An embed does not save into the full app's session.
    await page.waitForTimeout(800);
    expect(await page.evaluate(() => localStorage.getItem('services-playground:v1'))).toBeNull();
  });

  test('?embed=1&panes=graph,terminal brings the terminal back', async ({ page }) => {
    await page.goto('./?embed=1&panes=graph,terminal');
    await expect(page.getByRole('region', { name: 'Cluster graph' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Terminal' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Editor' })).toHaveCount(0);
  });

  test('?embed=1&readonly=1 hides editing', async ({ page }) => {
    await page.goto('./?embed=1&readonly=1&test-hooks=1&scenario=selector-typo');
    await expect(page.getByRole('region', { name: 'Cluster graph' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Examples' })).toHaveCount(0);
    await page.getByRole('button', { name: 'Editor', exact: true }).click();
    const editor = page.getByRole('region', { name: 'Editor' });
    await expect(editor).toBeVisible();
    await expect(editor.getByRole('tab', { name: /web\.yaml/ })).toBeVisible();
    await expect(page.getByRole('button', { name: /^Apply/ })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'New file' })).toHaveCount(0);
    await select(page, { kind: 'Service', namespace: 'default', name: 'web' });
    await expect(page.getByRole('region', { name: 'Inspector' }).getByLabel('YAML of Service web')).toContainText('app: web');
    await expect(page.getByRole('button', { name: 'Copy to editor' })).toHaveCount(0);
  });
});
