// Pipes in the terminal, typed as a person types them: bash splits the line on `|` and the
// filters (grep, wc, awk …) read kubectl's output (src/engine/programs/pipeline.ts); a watch
// streams through grep until Ctrl-C; Tab after a `|` offers the filters.
import { expect, test } from './fixtures';
import { after, openTerminal, run, screen } from './terminalPage';

test.describe('pipes', () => {
  test('grep, wc -l and awk read kubectl\'s output; a missing program is bash\'s "command not found"', async ({ page }) => {
    await openTerminal(page);
    await run(page, 'kubectl get pods -A | grep coredns');
    await expect.poll(() => after(page, 'kubectl get pods -A | grep coredns')).toMatch(/^kube-system\s+coredns-[a-z0-9]+-[a-z0-9]{5}\s.*\nkube-system\s+coredns-[a-z0-9]+-[a-z0-9]{5}\s.*\n\$/);
    await run(page, 'kubectl get svc | wc -l');
    await expect.poll(() => after(page, 'kubectl get svc | wc -l')).toMatch(/^3\n\$/);
    await run(page, "kubectl get pods | awk '{print $1}'");
    await expect.poll(() => after(page, "kubectl get pods | awk '{print $1}'")).toMatch(/^NAME\n(web-[a-z0-9]+-[a-z0-9]{5}\n){3}\$/);
    await run(page, 'kubectl get pods | less');
    await expect.poll(() => after(page, 'kubectl get pods | less')).toMatch(/^bash: less: command not found\n\$/);
  });

  test('a watch streams through grep until Ctrl-C', async ({ page }) => {
    await openTerminal(page);
    const line = 'kubectl get deploy -w | grep web';
    await run(page, line);
    await expect.poll(() => after(page, line), { timeout: 20_000 }).toMatch(/^web\s+3\/3\s+3\s+3\s/m);
    expect(await after(page, line)).not.toContain('NAME');
    await page.keyboard.press('Control+C');
    await expect.poll(async () => (await screen(page)).trimEnd()).toMatch(/\n\^C\n\$$/);
  });

  test('Tab after kubectl port-f and after a |', async ({ page }) => {
    await openTerminal(page);
    await page.keyboard.type('kubectl port-f');
    await page.keyboard.press('Tab');
    await expect.poll(async () => (await screen(page)).trimEnd().split('\n').at(-1)).toBe('$ kubectl port-forward');
    await page.keyboard.press('Control+C');
    await page.keyboard.type('kubectl get pods | gr');
    await page.keyboard.press('Tab');
    await expect.poll(async () => (await screen(page)).trimEnd().split('\n').at(-1)).toBe('$ kubectl get pods | grep');
  });
});
