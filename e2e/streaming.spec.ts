// Long-running commands in the terminal (src/engine/running.ts, kubectl get -w and
// port-forward): a watch stays in the foreground and prints each change the rest of
// the page makes, until Ctrl-C; a trailing & runs a port-forward as a bash job, so
// curl localhost reaches the pod from the same terminal.
import { expect, test } from './fixtures';
import { after, openTerminal, run, screen } from './terminalPage';

type Hooks = { terminalText?: () => string; runCommand?: (line: string, source: string) => unknown };

test.describe('long-running commands', () => {
  test('kubectl get -w prints the list, then a row for each change the graph makes, until Ctrl-C', async ({ page }) => {
    await openTerminal(page);
    const line = 'kubectl get deploy web -w';
    await run(page, line);
    await expect.poll(() => after(page, line)).toMatch(/^NAME\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+AGE\nweb\s+\d\/3\s/);
    // The example's pods are still starting as the page opens: their progress arrives as rows.
    await expect.poll(() => after(page, line), { timeout: 20_000 }).toMatch(/^web\s+3\/3\s+3\s+3\s/m);
    expect((await after(page, line)).match(/^NAME\s/gm)).toHaveLength(1);
    // No prompt while the watch runs.
    expect((await screen(page)).trimEnd().endsWith('$')).toBe(false);
    // A change made elsewhere (as the graph's scale dialog does) shows up as new rows.
    await page.evaluate(() => (window as unknown as { __playground: Hooks }).__playground.runCommand!('kubectl scale deployment web --replicas=5', 'menu'));
    await expect.poll(async () => (await after(page, line)).match(/^web\s+\d\/5\s/gm)?.length ?? 0, { timeout: 15_000 }).toBeGreaterThan(0);
    await expect.poll(() => after(page, line), { timeout: 20_000 }).toMatch(/^web\s+5\/5\s+5\s+5\s/m);
    await page.keyboard.press('Control+C');
    await expect.poll(async () => (await screen(page)).trimEnd()).toMatch(/\n\^C\n\$$/);
  });

  test('port-forward & runs as a job; curl localhost reaches one pod through it; kill %1 ends it', async ({ page }) => {
    await openTerminal(page);
    // The example's pods start as the page opens; a forward needs a running pod.
    await run(page, 'kubectl rollout status deployment web');
    await expect.poll(() => screen(page)).toContain('deployment "web" successfully rolled out');
    await run(page, 'kubectl port-forward svc/web 8080:80 &');
    await expect.poll(() => screen(page)).toMatch(/\[1\] \d+\n/);
    await expect.poll(() => screen(page)).toContain('Forwarding from 127.0.0.1:8080 -> 80\nForwarding from [::1]:8080 -> 80');
    await run(page, 'curl -s localhost:8080');
    await expect.poll(() => after(page, 'curl -s localhost:8080')).toContain('Welcome to nginx!');
    await expect.poll(() => screen(page)).toContain('Handling connection for 8080');
    await run(page, 'kill %1');
    await run(page, 'jobs');
    await expect.poll(() => screen(page)).toMatch(/\[1\]\+\s+Terminated\s+kubectl port-forward svc\/web 8080:80/);
    await run(page, 'curl -s localhost:8080');
    await expect.poll(async () => (await screen(page)).trimEnd()).toMatch(/\$ curl -s localhost:8080\n\$$/);
  });
});
