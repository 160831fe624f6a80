// kubectl edit in the terminal (src/kubectl/commands/edit.ts): the editor pane is kubectl's
// $EDITOR. The temp file opens as a tab with a bar saying kubectl waits; Done closes the
// editor for kubectl, which patches the Service and prints `service/<name> edited`.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

type Hooks = { terminalText?: () => string; editor?: { getValue(): string; setValue(text: string): void } };

async function openTerminal(page: Page) {
  await page.goto('./?test-hooks=1');
  await page.waitForFunction(() => typeof (window.__playground as Hooks | undefined)?.terminalText === 'function');
  await page.getByRole('textbox', { name: 'Terminal input' }).focus();
}

const screen = (page: Page) => page.evaluate(() => (window.__playground as Hooks).terminalText?.() ?? '');
const editorText = (page: Page) => page.evaluate(() => (window.__playground as Hooks).editor?.getValue() ?? '');

async function run(page: Page, line: string) {
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
}

test('kubectl edit svc opens the Service in the editor; Done applies the change: NodePort with a nodePort', async ({ page }) => {
  await openTerminal(page);
  await run(page, 'kubectl create service clusterip backend --tcp=80:80');
  await expect.poll(() => screen(page)).toContain('service/backend created');
  await page.getByRole('textbox', { name: 'Terminal input' }).focus();
  await run(page, 'kubectl edit svc backend');

  const tab = page.getByRole('tab', { name: /^tmp\/kubectl-edit-[a-z0-9]{5}\.yaml/ });
  await expect(tab).toHaveAttribute('aria-selected', 'true');
  const bar = page.getByRole('status', { name: 'kubectl edit is waiting' });
  await expect(bar).toContainText('kubectl edit svc backend is waiting for this file');
  // The command stays in the foreground: no prompt yet.
  expect((await screen(page)).trimEnd().endsWith('$')).toBe(false);

  await expect.poll(() => editorText(page), { timeout: 15_000 }).toContain("# Please edit the object below. Lines beginning with a '#' will be ignored,");
  expect(await editorText(page)).toContain('  type: ClusterIP\n');
  await page.evaluate(() => {
    const editor = (window.__playground as Hooks).editor!;
    editor.setValue(editor.getValue().replace('type: ClusterIP', 'type: NodePort'));
  });
  // Typing does not apply the buffer: kubectl edit sends it when the editor closes.
  await page.waitForTimeout(1200);
  expect(await screen(page)).not.toContain('service/backend edited');

  await bar.getByRole('button', { name: /Done/ }).click();
  await expect.poll(() => screen(page)).toMatch(/\$ kubectl edit svc backend\nservice\/backend edited\n\$ ?$/);
  await expect(tab).toHaveCount(0);
  await expect(bar).toHaveCount(0);

  await page.getByRole('textbox', { name: 'Terminal input' }).focus();
  await run(page, 'kubectl get svc backend');
  await expect.poll(() => screen(page)).toMatch(/backend\s+NodePort\s+10\.\S+\s+<none>\s+80:3\d{4}\/TCP/);
});

test('Ctrl-C in the terminal cancels the edit and its tab closes', async ({ page }) => {
  await openTerminal(page);
  await run(page, 'kubectl edit deploy web');
  const tab = page.getByRole('tab', { name: /^tmp\/kubectl-edit-/ });
  await expect(tab).toHaveAttribute('aria-selected', 'true');
  await page.getByRole('textbox', { name: 'Terminal input' }).focus();
  await page.keyboard.press('Control+C');
  await expect.poll(async () => (await screen(page)).trimEnd()).toMatch(/kubectl edit deploy web\n\^C\n\$$/);
  await expect(tab).toHaveCount(0);
});
