// The saved session when it cannot be kept whole (src/app/store/persistence.ts):
// browser storage full, and a saved cluster whose replay throws. Either way the
// page comes up, what the person typed is back, and a notice says what happened.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

type Hooks = {
  writeFile(path: string, text: string): void;
  setActiveFile(path: string): void;
  getState(): { files: Record<string, string>; cluster: { exec(line: string): { exitCode: number } } };
  editor?: { getValue(): string; setCursor(line: number, column: number): void };
};

const KEY = 'services-playground:v1';
const hooks = (page: Page) => page.waitForFunction(() => !!(window.__playground as Hooks | undefined)?.editor, null, { timeout: 20_000 });
const saved = (page: Page) => page.evaluate((key) => localStorage.getItem(key) ?? '', KEY);
const exitCode = (page: Page, line: string) => page.evaluate((l) => (window.__playground as Hooks).getState().cluster.exec(l).exitCode, line);
const file = (page: Page, name: string) => page.evaluate((n) => (window.__playground as Hooks).getState().files[n], name);

/** The page's notices (Monaco has alert regions of its own). */
const notices = (page: Page) => page.locator('.notices .notice');

const NS = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n';

test.describe('saved session', () => {
  test('when browser storage is full, the files are saved without the cluster, and the reload says storage was full', async ({ page }) => {
    await page.goto('./?test-hooks=1');
    await hooks(page);
    await page.evaluate((text) => {
      const h = window.__playground as Hooks;
      h.writeFile('ns.yaml', text);
      h.setActiveFile('ns.yaml');
    }, NS);
    await expect.poll(() => saved(page)).toContain('name: shop');

    // Fill this site's localStorage to the last character, as another page of the same site could.
    await page.evaluate(() => {
      let n = 0;
      for (let size = 1 << 21; size >= 1; size >>= 1) {
        const chunk = 'x'.repeat(size);
        for (;;) {
          try {
            localStorage.setItem(`filler-${n++}`, chunk);
          } catch {
            break;
          }
        }
      }
    });
    // Typed in the editor after storage filled up.
    await page.evaluate(() => (window.__playground as Hooks).editor!.setCursor(5, 1));
    await page.keyboard.type('# typed while storage was full\n');
    await expect.poll(() => file(page, 'ns.yaml')).toContain('# typed while storage was full');

    const whileWorking = page.getByRole('alert').filter({ hasText: 'Browser storage is full: your files, tabs and terminal history are saved, but not the cluster' });
    await expect(whileWorking).toHaveText(
      "Browser storage is full: your files, tabs and terminal history are saved, but not the cluster, so after a reload it starts fresh and your files need applying again. Free some of this site's browser storage to have the cluster saved too.",
    );
    await expect.poll(() => saved(page)).toContain('# typed while storage was full');
    expect(JSON.parse(await saved(page))).toMatchObject({ v: 2, log: null, logLost: 'storage-full' });

    await page.reload();
    await hooks(page);
    const afterReload = page.getByRole('alert').filter({ hasText: 'Browser storage was full when your session was last saved' });
    await expect(afterReload).toHaveText(
      "Browser storage was full when your session was last saved, so the cluster was not saved and started fresh; your files, tabs and terminal history were kept. Your files are back, marked as not applied: apply them to create their objects again. Free some of this site's browser storage to have the cluster saved too.",
    );
    // Not the old, wrong reason; and not the same thing said twice (storage is still full).
    await expect(page.getByText('too long to replay')).toHaveCount(0);
    await expect(notices(page)).toHaveCount(1);
    // What was typed is back, in its tab, marked as not applied; the cluster started fresh.
    await expect(page.getByRole('tab', { name: 'ns.yaml (not applied)' })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('tab', { name: 'web.yaml (not applied)' })).toBeVisible();
    await expect(page.locator('.monaco-editor .view-lines')).toContainText('# typed while storage was full');
    expect(await exitCode(page, 'kubectl get namespace shop')).toBe(1);
    await expect(page.getByRole('region', { name: 'Cluster graph' })).toBeVisible();
  });

  test.describe('whose cluster cannot be rebuilt (a bug in the engine)', () => {
    // The engine upper-cases a request's method (src/engine/dataplane/trace.ts): made to
    // throw for one method, the real engine fails at that entry of the saved log, half-way
    // through the replay, as an engine bug would. Nothing of this is in the built site.
    const draft = 'kind: ConfigMap # my draft, never applied\n';
    const session = {
      v: 2,
      files: { 'ns.yaml': NS, 'draft.yaml': draft },
      order: ['ns.yaml', 'draft.yaml'],
      activeFile: 'draft.yaml',
      typed: ['kubectl apply -f ns.yaml'],
      applied: { 'ns.yaml': NS },
      log: {
        seed: 1,
        nodes: 3,
        entries: [
          { t: 'write', path: 'ns.yaml', text: NS },
          { t: 'cmd', line: 'kubectl apply -f ns.yaml' },
          { t: 'advance', ms: 2000 },
          { t: 'trace', request: { from: { kind: 'workstation' }, url: 'http://192.168.49.2:30080', method: 'engine-bug' }, n: 1 },
        ],
      },
    };
    const text = JSON.stringify(session);

    test.beforeEach(async ({ page }) => {
      await page.addInitScript(
        ({ key, text }) => {
          const upper = String.prototype.toUpperCase;
          String.prototype.toUpperCase = function (this: string) {
            if (String(this) === 'engine-bug') throw new TypeError('an engine bug');
            return upper.call(this);
          };
          if (sessionStorage.getItem('seeded')) return;
          sessionStorage.setItem('seeded', '1');
          localStorage.setItem(key, text);
        },
        { key: KEY, text },
      );
    });

    test('the page comes up with the files back, not applied, and says so; the next reload is clean', async ({ page }) => {
      await page.goto('./?test-hooks=1');
      await hooks(page);
      const notice = page.getByRole('alert').filter({ hasText: 'The saved cluster could not be rebuilt' });
      await expect(notice).toHaveText(
        'The saved cluster could not be rebuilt (a bug in the playground), so it started fresh. Your files are back, marked as not applied: apply them to create their objects again. The saved session was kept in localStorage under "services-playground:v1:corrupt".',
      );
      await expect(page.getByRole('tab', { name: 'draft.yaml (not applied)' })).toHaveAttribute('aria-selected', 'true');
      await expect(page.getByRole('tab', { name: 'ns.yaml (not applied)' })).toBeVisible();
      await expect(page.locator('.monaco-editor .view-lines')).toContainText('kind: ConfigMap # my draft, never applied');
      await expect(page.getByRole('region', { name: 'Cluster graph' })).toBeVisible();
      await expect(page.getByRole('group', { name: /^Node / }).first()).toBeVisible();
      expect(await exitCode(page, 'kubectl get namespace shop')).toBe(1); // nothing half-replayed
      expect(await page.evaluate(() => localStorage.getItem('services-playground:v1:corrupt'))).toBe(text);

      // The page works on: applying the file creates its namespace, and that is what the next reload restores.
      await page.getByRole('tab', { name: /ns\.yaml/ }).click();
      await page.getByRole('button', { name: /^Apply/ }).click();
      await expect(page.getByRole('tab', { name: 'ns.yaml' })).toBeVisible();
      await expect.poll(() => saved(page)).toContain('"line":"kubectl apply -f ns.yaml"');
      await page.reload();
      await hooks(page);
      expect(await exitCode(page, 'kubectl get namespace shop')).toBe(0);
      await expect(notices(page)).toHaveCount(0);
      expect(await file(page, 'draft.yaml')).toBe(draft);
    });
  });
});
