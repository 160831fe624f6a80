// The first thing a visitor sees: the welcome example in the editor, the graph
// and the terminal, with nothing leaving the page's origin and no console errors.
import { expect, test } from './fixtures';

test.use({ colorScheme: 'light' });

test.describe('the playground page', () => {
  test('opens the welcome example with its file, the graph and the terminal', async ({ page }) => {
    await page.goto('./');
    await expect(page).toHaveTitle('Services Playground');
    await expect(page.getByRole('heading', { level: 1, name: 'Services Playground' })).toBeVisible();

    const editor = page.getByRole('region', { name: 'Editor' });
    await expect(editor).toBeVisible();
    await expect(editor.getByRole('tab', { name: /web\.yaml/ })).toHaveAttribute('aria-selected', 'true');

    const graph = page.getByRole('region', { name: 'Cluster graph' });
    await expect(graph).toBeVisible();
    await expect(graph.getByText('NodePort', { exact: true }).first()).toBeVisible();

    await expect(page.getByRole('region', { name: 'Terminal' })).toBeVisible();
    // The inspector waits until something is selected.
    await expect(page.getByRole('region', { name: 'Inspector' })).toHaveCount(0);

    // Simulated time runs on its own while the page is open.
    const clock = page.getByRole('status', { name: 'Simulated time' }).or(page.locator('output[aria-label="Simulated time"]'));
    const t0 = await clock.textContent();
    await expect.poll(() => clock.textContent(), { timeout: 5_000 }).not.toBe(t0);
  });

  test('the help popover lists the keyboard shortcuts', async ({ page }) => {
    await page.goto('./');
    await page.getByRole('button', { name: 'Help and keyboard shortcuts' }).click();
    const help = page.getByRole('dialog', { name: 'Help and keyboard shortcuts' });
    await expect(help).toBeVisible();
    await expect(help.getByText('Alt+Shift+E')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(help).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Help and keyboard shortcuts' })).toBeFocused();
  });
});
