// Share links: the Share dialog makes a link whose fragment carries the workspace
// files; opening it (in a browser with no saved work, in an embed, in a page
// that has saved work) shows the same tabs and applies them; a damaged link says
// why and starts the page as it would without it.
import type { Browser, Page } from '@playwright/test';
import { expect, test } from './fixtures';

type Hooks = {
  writeFile(path: string, text: string): void;
  setActiveFile(path: string): void;
  getState(): { files: Record<string, string>; fileOrder: string[]; activeFile: string };
};

const SHOP = `apiVersion: v1
kind: Service
metadata:
  name: shop
spec:
  selector:
    app: shop
  ports:
    - port: 80
      targetPort: 8080
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: shop
spec:
  replicas: 2
  selector:
    matchLabels:
      app: shop
  template:
    metadata:
      labels:
        app: shop
    spec:
      containers:
        - name: shop
          image: nginx
          ports:
            - containerPort: 8080
`;

const hooks = (page: Page) => page.waitForFunction(() => !!(window.__playground as Hooks | undefined)?.getState, null, { timeout: 20_000 });

/** The welcome example plus shop.yaml (a Service and a Deployment), shop.yaml open. */
async function makeWorkspace(page: Page): Promise<void> {
  await page.goto('./?test-hooks=1');
  await hooks(page);
  await page.evaluate((text) => {
    const h = window.__playground as Hooks;
    h.writeFile('shop.yaml', text);
    h.setActiveFile('shop.yaml');
  }, SHOP);
  await expect(page.getByRole('tab', { name: /shop\.yaml/ })).toHaveAttribute('aria-selected', 'true');
}

async function openShare(page: Page) {
  await page.getByRole('button', { name: 'Share' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share these files' });
  await expect(dialog.getByLabel('Link', { exact: true })).toHaveValue(/#w=[A-Za-z0-9_-]+$/);
  return dialog;
}

/** A page in a browser context of its own (no localStorage), failing the test on console errors. */
async function freshPage(browser: Browser, baseURL: string | undefined): Promise<{ page: Page; errors: string[]; close: () => Promise<void> }> {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return { page, errors, close: () => context.close() };
}

const tabNames = (page: Page) => page.getByRole('region', { name: 'Editor' }).getByRole('tab').evaluateAll((tabs) => tabs.map((t) => t.textContent?.match(/[\w.-]+\.ya?ml/)?.[0]));

async function expectShopCluster(page: Page): Promise<void> {
  const graph = page.getByRole('region', { name: 'Cluster graph' });
  await expect(graph.getByRole('group', { name: /^Service shop, ClusterIP/ })).toBeVisible({ timeout: 15_000 });
  await expect(graph.getByRole('group', { name: /^Service web, NodePort/ })).toBeVisible();
  await expect(graph.getByRole('group', { name: /^Pod shop-/ })).toHaveCount(2);
}

test.describe('share links', () => {
  test('the link opens the same tabs, the same open tab and the same cluster in a fresh browser', async ({ page, browser, baseURL }) => {
    await makeWorkspace(page);
    const dialog = await openShare(page);
    const link = await dialog.getByLabel('Link', { exact: true }).inputValue();
    expect(link.startsWith(`${baseURL}/#w=`)).toBe(true);
    await expect(dialog.getByText(`This link is ${link.length < 1024 ? `${link.length} characters` : `${(link.length / 1024).toFixed(1)} KB`} long.`)).toBeVisible();
    await dialog.getByRole('button', { name: 'Copy' }).first().click();
    await expect(dialog.getByRole('status').filter({ hasText: /^Copied$|copy it from there/ })).toBeVisible();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(dialog).toBeHidden();

    const other = await freshPage(browser, baseURL);
    await other.page.goto(link);
    await expect.poll(() => tabNames(other.page)).toEqual(['web.yaml', 'shop.yaml']);
    await expect(other.page.getByRole('tab', { name: /shop\.yaml/ })).toHaveAttribute('aria-selected', 'true');
    await expect(other.page.getByRole('status').filter({ hasText: 'You are looking at a shared workspace (2 files' })).toBeVisible();
    await expectShopCluster(other.page);
    // Applied: the tabs are clean, and a reload keeps the work instead of opening the link again.
    await expect(other.page.getByRole('tab', { name: /not applied/ })).toHaveCount(0);
    expect(new URL(other.page.url()).hash).toBe('');
    expect(other.errors).toEqual([]);
    await other.close();
  });

  test('the embed snippet opens as an embed with the files, read-only on request', async ({ page, browser, baseURL }) => {
    await makeWorkspace(page);
    const dialog = await openShare(page);
    const snippet = dialog.getByLabel(/HTML for an <iframe>/);
    await expect(snippet).toHaveValue(/^<iframe src="[^"]+\?embed=1#w=[A-Za-z0-9_-]+" width="700" height="450"/);
    await dialog.getByRole('checkbox', { name: /Read-only/ }).check();
    await expect(snippet).toHaveValue(/\?embed=1&amp;readonly=1#w=/);
    const src = (await snippet.inputValue()).match(/src="([^"]+)"/)![1].replaceAll('&amp;', '&');

    const other = await freshPage(browser, baseURL);
    await other.page.setViewportSize({ width: 700, height: 450 });
    await other.page.goto(src);
    await expectShopCluster(other.page);
    await other.page.getByRole('button', { name: 'Editor', exact: true }).click();
    await expect.poll(() => tabNames(other.page)).toEqual(['web.yaml', 'shop.yaml']);
    await expect(other.page.getByRole('tab', { name: /shop\.yaml/ })).toHaveAttribute('aria-selected', 'true');
    await expect(other.page.getByRole('button', { name: 'New file' })).toHaveCount(0);
    await expect(other.page.getByRole('button', { name: 'Share' })).toHaveCount(0);
    // An embed reads and writes no saved work, and keeps its link for a reload.
    expect(await other.page.evaluate(() => localStorage.length)).toBe(0);
    expect(new URL(other.page.url()).hash).toMatch(/^#w=/);
    expect(other.errors).toEqual([]);
    await other.close();
  });

  test('a damaged link says why and opens the welcome example', async ({ page }) => {
    await page.goto('./#w=H4sIAAAAAAAA-this-is-not-deflate');
    await expect(page.getByRole('alert').filter({ hasText: /^This share link could not be opened: its data is damaged or cut short/ })).toBeVisible();
    await expect(page.getByRole('tab', { name: /web\.yaml/ })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('region', { name: 'Cluster graph' }).getByRole('group', { name: /^Service web, NodePort/ })).toBeVisible();
  });

  test('a damaged embed link shows the notice and the welcome example', async ({ page }) => {
    await page.setViewportSize({ width: 700, height: 450 });
    await page.goto('./?embed=1#w=%%%');
    await expect(page.getByRole('alert').filter({ hasText: /could not be opened: the part after "#w=" is not base64url/ })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Cluster graph' }).getByRole('group', { name: /^Service web, NodePort/ })).toBeVisible();
  });

  test('an embed asking for an example the playground does not have says so and shows the welcome example', async ({ page }) => {
    await page.setViewportSize({ width: 700, height: 450 });
    await page.goto('./?embed=1&scenario=lb-local');
    await expect(page.getByRole('alert').filter({ hasText: 'This link asks for the example “lb-local”, which this playground does not have; “Deployment behind a NodePort Service” is shown instead.' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Cluster graph' }).getByRole('group', { name: /^Service web, NodePort/ })).toBeVisible();
  });

  test('a page link asking for an unknown example says so, and a reload does not say it again', async ({ page }) => {
    await page.goto('./?scenario=no-such-example');
    const notice = page.getByRole('alert').filter({ hasText: /^This link asks for the example “no-such-example”, which this playground does not have/ });
    await expect(notice).toBeVisible();
    await expect(page).not.toHaveURL(/scenario=/);
    await page.reload();
    await expect(page.getByRole('region', { name: 'Cluster graph' }).getByRole('group', { name: /^Service web, NodePort/ })).toBeVisible();
    await expect(notice).toHaveCount(0);
  });

  test('opening a link in a page with saved work keeps that work recoverable', async ({ page, browser, baseURL }) => {
    // Someone else's link.
    const sender = await freshPage(browser, baseURL);
    await makeWorkspace(sender.page);
    const link = await (await openShare(sender.page)).getByLabel('Link', { exact: true }).inputValue();
    await sender.close();

    // My own work, saved in this browser.
    await page.goto('./?test-hooks=1');
    await hooks(page);
    await page.evaluate(() => (window.__playground as Hooks).writeFile('mine.yaml', 'kind: ConfigMap # my notes\n'));
    await expect.poll(() => page.evaluate(() => localStorage.getItem('services-playground:v1') ?? '')).toContain('my notes');

    await page.goto(link);
    await expect.poll(() => tabNames(page)).toEqual(['web.yaml', 'shop.yaml']);
    const notice = page.getByRole('status').filter({ hasText: 'Your own work from before is kept in this browser.' });
    await expect(notice).toBeVisible();
    expect(await page.evaluate(() => localStorage.getItem('services-playground:v1:previous'))).toContain('my notes');
    await expectShopCluster(page);

    // One click brings the person's own work back; the shared workspace is set aside in its place.
    await notice.getByRole('button', { name: 'Bring back my work' }).click();
    await expect.poll(() => tabNames(page)).toContain('mine.yaml');
    expect(new URL(page.url()).hash).toBe('');
    await expect.poll(() => page.evaluate(() => localStorage.getItem('services-playground:v1:previous') ?? '')).toContain('shop');
  });

  test('a workspace too large for a link is refused with the reason', async ({ page }) => {
    await page.goto('./?test-hooks=1');
    await hooks(page);
    // Random text hardly compresses: 60 KB of it cannot fit in a 32 KB link.
    await page.evaluate(() => {
      let noise = '';
      for (let i = 0; i < 60_000; i++) noise += String.fromCharCode(97 + Math.floor(Math.random() * 26));
      (window.__playground as Hooks).writeFile('big.yaml', `# ${noise}\n`);
    });
    await page.getByRole('button', { name: 'Share' }).click();
    const dialog = page.getByRole('dialog', { name: 'Share these files' });
    await expect(dialog.getByRole('alert').first()).toHaveText(/^The link would be [\d.]+ KB long, more than the 32 KB a share link may be\./);
    await expect(dialog.getByLabel('Link', { exact: true })).toHaveCount(0);
  });
});
