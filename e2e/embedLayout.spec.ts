// The 700×450 embed a blog author puts in a column, and a 400 px column on a phone: what has to fit there.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { podNameProblems } from './podNames';
import { toolbarLines, toolbarProblems } from './toolbar';

const EMBED = { width: 700, height: 450 };

async function openEmbed(page: Page, query = '') {
  await page.setViewportSize(EMBED);
  await page.goto(`./?embed=1&test-hooks=1${query}`);
  await expect(page.getByRole('group', { name: /^Pod / })).toHaveCount(3);
}

/** Opens the terminal and types `kubectl edit svc kubernetes`, as a reader would. */
async function startEdit(page: Page) {
  await page.getByRole('button', { name: 'Terminal', exact: true }).click();
  const input = page.getByRole('textbox', { name: 'Terminal input' });
  await input.focus();
  await page.keyboard.type('kubectl edit svc kubernetes');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status', { name: 'kubectl edit is waiting' })).toBeVisible();
}

test.describe('in a 700×450 embed', () => {
  test('the kubectl edit bar takes at most two lines and its Done button is in view (it took four lines)', async ({ page }) => {
    await openEmbed(page);
    await startEdit(page);
    const bar = page.getByRole('status', { name: 'kubectl edit is waiting' });
    await expect(bar).toContainText('kubectl edit svc kubernetes');
    expect((await bar.boundingBox())!.height).toBeLessThanOrEqual(44);
    const done = bar.getByRole('button', { name: /Done/ });
    await expect(done).toBeInViewport({ ratio: 1 });
    // The whole sentence is still there, as the short text's title.
    await expect(bar.locator('[title*="Ctrl+C in the terminal cancels"]')).toHaveCount(1);
  });

  test("the edit's tab shows that kubectl edit waits on it, in view (its badge was cut off)", async ({ page }) => {
    await openEmbed(page);
    await startEdit(page);
    const tab = page.getByRole('tab', { name: /^tmp\/kubectl-edit-[a-z0-9]{5}\.yaml kubectl edit/ });
    await expect(tab).toHaveAttribute('title', /kubectl edit is waiting for it/);
    const tabs = (await page.getByRole('tablist').boundingBox())!;
    const marks = await tab.locator('.editor-tab-editing-mark, .editor-tab-editing').evaluateAll((els) =>
      els.filter((e) => e.getBoundingClientRect().width > 2).map((e) => e.getBoundingClientRect().toJSON() as DOMRect),
    );
    expect(marks.length).toBeGreaterThan(0);
    for (const m of marks) {
      expect(m.left).toBeGreaterThanOrEqual(tabs.x - 0.5);
      expect(m.right).toBeLessThanOrEqual(tabs.x + tabs.width + 0.5);
    }
  });

  test("eight Deployment pods and a StatefulSet's pods show their whole names (they were cut to web-bc… 9wqbw)", async ({ page }) => {
    await openEmbed(page);
    await page.evaluate(() => {
      const hooks = window.__playground as unknown as { runCommand(line: string, source: string): unknown; advanceTime(ms: number): void };
      hooks.runCommand('kubectl scale deployment web --replicas=8', 'menu');
      hooks.advanceTime(30_000);
    });
    await expect(page.getByRole('group', { name: /^Pod / })).toHaveCount(8);
    expect(await podNameProblems(page)).toEqual([]);
    await page.goto('./?embed=1&test-hooks=1&scenario=headless-statefulset');
    await page.evaluate(() => (window.__playground as unknown as { advanceTime(ms: number): void }).advanceTime(60_000));
    await expect(page.getByRole('group', { name: /^Pod db-\d, / })).toHaveCount(3);
    expect(await podNameProblems(page)).toEqual([]);
  });
});

test.describe('in a narrow column (400 px)', () => {
  for (const [width, height, query] of [
    [400, 600, ''],
    [400, 600, '&readonly=1'],
    [320, 480, ''],
  ] as const) {
    test(`every toolbar control is in reach at ${width}×${height}${query} (the pane toggles, theme and help ran off the edge)`, async ({ page }) => {
      await page.setViewportSize({ width, height });
      await page.goto(`./?embed=1&test-hooks=1${query}`);
      await expect(page.getByRole('group', { name: /^Pod / })).toHaveCount(3);
      expect(await toolbarProblems(page)).toEqual([]);
      // A click on the last of them works: the terminal opens, and help too.
      await page.getByRole('button', { name: 'Terminal', exact: true }).click();
      await expect(page.getByRole('textbox', { name: 'Terminal input' })).toBeVisible();
      await page.getByRole('button', { name: 'Help and keyboard shortcuts' }).click();
      await expect(page.getByRole('dialog', { name: 'Help and keyboard shortcuts' })).toBeInViewport();
    });
  }

  test('a 700×450 embed keeps its toolbar on one line', async ({ page }) => {
    await openEmbed(page);
    expect(await toolbarLines(page)).toBe(1);
    expect(await toolbarProblems(page)).toEqual([]);
  });
});
