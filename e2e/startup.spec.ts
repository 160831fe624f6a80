// What a person does while the page starts (the command line's chunk is held back,
// src/engine/lean.ts) is never lost or undone once it is running.
import type { Page } from '@playwright/test';
import { COMMAND_LINE_CHUNK, expect, holdChunk, test } from './fixtures';

type Hooks = { terminalText?: () => string; getState?: () => { typed: string[] } };

function screen(page: Page): Promise<string> {
  return page.evaluate(() => (window.__playground as Hooks | undefined)?.terminalText?.() ?? '');
}

async function typeLine(page: Page, line: string) {
  await page.getByRole('textbox', { name: 'Terminal input' }).focus();
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
}

test.describe('a command typed in the terminal while the page starts', () => {
  test('waits, saying so, then runs after the example\'s own commands; nothing on screen is lost', async ({ page }) => {
    const release = await holdChunk(page, COMMAND_LINE_CHUNK);
    await page.goto('./?test-hooks=1');
    await typeLine(page, 'kubectl get deploy web -o name');
    // Before the test hooks exist (they wait for the start too), the screen's rows are read as drawn.
    await expect(page.locator('.xterm-rows')).toContainText('$ kubectl get deploy web -o name# waiting for the cluster to start…');

    release();
    await page.waitForFunction(() => typeof (window.__playground as Hooks | undefined)?.terminalText === 'function');
    await expect.poll(() => screen(page)).toMatch(/\$ kubectl get deploy web -o name\n# waiting for the cluster to start…\n# run when the example loaded\n\$ kubectl apply -f web\.yaml\n[^]*\n\$ kubectl get deploy web -o name\ndeployment\.apps\/web\n\$$/);
    expect(await screen(page)).not.toContain('still starting');
  });

  test('runs on the restored session\'s cluster and joins its ↑ history', async ({ page }) => {
    await page.goto('./?test-hooks=1');
    await page.waitForFunction(() => typeof (window.__playground as Hooks | undefined)?.terminalText === 'function');
    await typeLine(page, 'kubectl create namespace shop');
    await expect.poll(() => screen(page)).toContain('namespace/shop created');
    await page.evaluate(() => dispatchEvent(new Event('pagehide'))); // save now

    const release = await holdChunk(page, COMMAND_LINE_CHUNK);
    await page.reload();
    await typeLine(page, 'kubectl get ns shop -o name');
    await expect(page.locator('.xterm-rows')).toContainText('waiting for the cluster to start…');
    release();
    await page.waitForFunction(() => typeof (window.__playground as Hooks | undefined)?.terminalText === 'function');
    // Nothing ran in between (a restored session echoes nothing), so the answer follows the note.
    await expect.poll(() => screen(page)).toContain('$ kubectl get ns shop -o name\n# waiting for the cluster to start…\nnamespace/shop\n$');
    expect(await page.evaluate(() => (window.__playground as Hooks).getState!().typed)).toEqual(['kubectl create namespace shop', 'kubectl get ns shop -o name']);
  });
});

test.describe("a lesson's try-this clicked while the page starts", () => {
  test('waits in the terminal like a typed line, then runs in the order given, after the example\'s own commands', async ({ page }) => {
    const release = await holdChunk(page, COMMAND_LINE_CHUNK);
    await page.goto('./?test-hooks=1');
    await typeLine(page, 'kubectl get deploy web -o name');
    const lesson = page.getByRole('region', { name: 'Example: Deployment behind a NodePort Service' });
    await lesson.getByRole('button', { name: 'kubectl get svc web' }).click();
    await expect(page.locator('.xterm-rows')).toContainText("# from the example's lesson$ kubectl get svc web# waiting for the cluster to start…");

    release();
    await page.waitForFunction(() => typeof (window.__playground as Hooks | undefined)?.terminalText === 'function');
    await expect
      .poll(() => screen(page))
      .toMatch(/# waiting for the cluster to start…\n# run when the example loaded\n\$ kubectl apply -f web\.yaml\n[^]*\n\$ kubectl get deploy web -o name\ndeployment\.apps\/web\n# from the example's lesson\n\$ kubectl get svc web\nNAME +TYPE +CLUSTER-IP[^\n]*\nweb +NodePort [^\n]*\n\$$/);
    expect(await screen(page)).not.toContain('still starting');
    expect(await page.evaluate(() => (window.__playground as Hooks).getState!().typed)).toEqual(['kubectl get deploy web -o name', 'kubectl get svc web']);
  });

  test.describe('when the command line cannot load', () => {
    // The failed request is logged by the browser itself; nothing else may be.
    test.use({ expectedConsoleErrors: [/Failed to load resource/] });

    test('it is answered with the same reason as a typed line', async ({ page }) => {
      let fail!: () => void;
      const held = new Promise<void>((resolve) => (fail = resolve));
      await page.route(COMMAND_LINE_CHUNK, async (route) => {
        await held;
        await route.abort();
      });
      await page.goto('./?test-hooks=1');
      await typeLine(page, 'kubectl get pods');
      await page.getByRole('region', { name: /^Example: / }).getByRole('button', { name: 'kubectl get svc web' }).click();
      const rows = page.locator('.xterm-rows');
      await expect(rows).toContainText("# from the example's lesson$ kubectl get svc web# waiting for the cluster to start…");

      fail();
      const reason = 'The playground could not load its command line. Reload the page to try again.';
      await expect(rows).toContainText(`$ kubectl get pods${reason}# from the example's lesson$ kubectl get svc web${reason}`);
      await expect(rows).not.toContainText('still starting');
    });
  });
});

test.describe('settings changed while the page starts', () => {
  const WELCOME = 'Example: Deployment behind a NodePort Service';
  const lessonToggle = (page: Page) => page.getByRole('region', { name: WELCOME }).getByRole('button', { name: /^Example / });

  test('are not undone when the saved session is restored, and are saved', async ({ page }) => {
    // A saved session: dark theme, editor hidden, lesson open.
    await page.goto('./?test-hooks=1');
    await page.waitForFunction(() => typeof (window.__playground as Hooks | undefined)?.getState === 'function');
    await page.getByRole('button', { name: 'Dark theme' }).click();
    await page.getByRole('button', { name: 'Editor', exact: true }).click();
    await expect(page.getByRole('region', { name: 'Editor' })).toBeHidden();
    await page.evaluate(() => dispatchEvent(new Event('pagehide'))); // save now

    const release = await holdChunk(page, COMMAND_LINE_CHUNK);
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await page.getByRole('button', { name: 'Dark theme' }).click();
    await page.getByRole('button', { name: 'Editor', exact: true }).click();
    await lessonToggle(page).click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    await expect(page.getByRole('region', { name: 'Editor' })).toBeVisible();
    await expect(lessonToggle(page)).toHaveAttribute('aria-expanded', 'false');

    release();
    await page.waitForFunction(() => typeof (window.__playground as Hooks | undefined)?.getState === 'function');
    await expect(page.getByRole('group', { name: /^Pod web-/ }).first()).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    await expect(page.getByRole('region', { name: 'Editor' })).toBeVisible();
    await expect(lessonToggle(page)).toHaveAttribute('aria-expanded', 'false');
    // …and they are what the next reload restores.
    await page.evaluate(() => dispatchEvent(new Event('pagehide')));
    const saved = await page.evaluate(() => JSON.parse(localStorage.getItem('services-playground:v1') ?? '{}'));
    expect([saved.theme, saved.collapsed.editor, saved.lesson.collapsed]).toEqual(['light', false, true]);
  });

  test("in an embed, the lesson unfolded and the theme switched while starting stay so", async ({ page }) => {
    await page.setViewportSize({ width: 700, height: 450 });
    const release = await holdChunk(page, COMMAND_LINE_CHUNK);
    await page.goto('./?embed=1&scenario=selector-typo&theme=light');
    const lesson = page.getByRole('region', { name: /^Example: / });
    await lesson.getByRole('button', { expanded: false }).click();
    await page.getByRole('button', { name: 'Dark theme' }).click();
    await expect(lesson.getByRole('button', { expanded: true })).toBeVisible();

    release();
    await expect(page.getByRole('group', { name: /^Pod web-/ }).first()).toBeVisible();
    await expect(lesson.getByRole('button', { expanded: true })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  });
});
