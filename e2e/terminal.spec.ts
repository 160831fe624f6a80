// The terminal: a person types kubectl, curl and sim commands and reads what a
// real shell would print; commands clicked elsewhere show up in it too.
// The screen is read through the test hook `__playground.terminalText()` (xterm's buffer).
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

type Hooks = { terminalText?: () => string; runCommand?: (line: string, source: string) => unknown; advanceTime?: (ms: number) => void };

async function openTerminal(page: Page, query = '?test-hooks=1') {
  await page.goto(`./${query}`);
  await page.waitForFunction(() => typeof (window as unknown as { __playground?: Hooks }).__playground?.terminalText === 'function');
  const input = page.getByRole('textbox', { name: 'Terminal input' });
  await input.focus();
  return input;
}

function screen(page: Page): Promise<string> {
  return page.evaluate(() => (window as unknown as { __playground: Hooks }).__playground.terminalText?.() ?? '');
}

async function lastLine(page: Page): Promise<string> {
  const lines = (await screen(page)).split('\n');
  return lines[lines.length - 1].trimEnd();
}

/** The text printed after the last `$ line` prompt that ran `line`. */
async function outputOf(page: Page, line: string): Promise<string> {
  const text = await screen(page);
  const at = text.lastIndexOf(`$ ${line}\n`);
  return at < 0 ? '' : text.slice(at + line.length + 3);
}

async function run(page: Page, line: string) {
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
}

const POD = /^web-[a-z0-9]+-[a-z0-9]{5}\s/;

test.describe('the terminal', () => {
  test('runs kubectl get pods, prints the table, and ↑ recalls the line', async ({ page }) => {
    await openTerminal(page);
    // What the example ran when the page opened is shown, with where it came from.
    await expect.poll(() => screen(page)).toContain('# run when the example loaded\n$ kubectl apply -f web.yaml\ndeployment.apps/web created');

    await run(page, 'kubectl get pods');
    await expect.poll(async () => (await outputOf(page, 'kubectl get pods')).split('\n').filter((l) => POD.test(l)).length).toBe(3);
    expect(await outputOf(page, 'kubectl get pods')).toMatch(/^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\n/);
    expect(await lastLine(page)).toBe('$');

    await page.keyboard.press('ArrowUp');
    await expect.poll(() => lastLine(page)).toBe('$ kubectl get pods');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => lastLine(page)).toBe('$');
  });

  test('Tab completes resource types and names', async ({ page }) => {
    await openTerminal(page);
    await page.keyboard.type('kubectl get po');
    await page.keyboard.press('Tab');
    await expect.poll(() => lastLine(page)).toBe('$ kubectl get pods');

    await page.keyboard.press('Control+U');
    await page.keyboard.type('kubectl describe svc w');
    await page.keyboard.press('Tab');
    await expect.poll(() => lastLine(page)).toBe('$ kubectl describe svc web');
    await page.keyboard.press('Enter');
    await expect.poll(() => outputOf(page, 'kubectl describe svc web')).toMatch(/^Name:\s+web\n/);

    // Several candidates are listed below the line, which is drawn again.
    await page.keyboard.type('kubectl ex');
    await page.keyboard.press('Tab');
    await expect.poll(async () => (await screen(page)).split('\n').slice(-2).map((l) => l.trimEnd())).toEqual([expect.stringMatching(/^exec\s+explain\s+expose$/), '$ kubectl ex']);
  });

  test('Ctrl+C abandons a line without running it, and clear empties the screen', async ({ page }) => {
    await openTerminal(page);
    await page.keyboard.type('kubectl delete deployment web');
    await page.keyboard.press('Control+C');
    await expect.poll(async () => (await screen(page)).split('\n').slice(-2).map((l) => l.trimEnd())).toEqual(['$ kubectl delete deployment web^C', '$']);
    await run(page, 'kubectl get deployments');
    await expect.poll(() => outputOf(page, 'kubectl get deployments')).toMatch(/\nweb\s+/);

    await run(page, 'clear');
    await expect.poll(() => screen(page)).toBe('$');
  });

  test('curl to a node IP and nodePort prints the answer of a pod; an error prints kubectl\'s text', async ({ page }) => {
    await openTerminal(page);
    // Let the pods start (as a minute of waiting would).
    await page.evaluate(() => (window as unknown as { __playground: Hooks }).__playground.advanceTime?.(60_000));
    await run(page, 'kubectl get svc web -o jsonpath={.spec.ports[0].nodePort}');
    await expect.poll(() => outputOf(page, 'kubectl get svc web -o jsonpath={.spec.ports[0].nodePort}')).toMatch(/^3\d{4}/);
    const nodePort = /^(\d+)/.exec(await outputOf(page, 'kubectl get svc web -o jsonpath={.spec.ports[0].nodePort}'))?.[1];

    await run(page, `curl -s http://192.168.49.2:${nodePort}`);
    await expect.poll(() => outputOf(page, `curl -s http://192.168.49.2:${nodePort}`)).toMatch(/Served by pod web-[a-z0-9]+-[a-z0-9]{5} \(10\.244\.\d+\.\d+\)/);

    await run(page, 'kubectl get nosuch');
    await expect.poll(() => outputOf(page, 'kubectl get nosuch')).toBe(`error: the server doesn't have a resource type "nosuch"\n$`);
  });

  test('keeps working after a command prints a lot', async ({ page }) => {
    await openTerminal(page);
    // 100 pods starting make hundreds of events.
    await run(page, 'kubectl scale deployment web --replicas=100');
    await page.evaluate(() => (window as unknown as { __playground: Hooks }).__playground.advanceTime?.(30_000));
    await run(page, 'kubectl get events -A');
    await run(page, 'kubectl get ns');
    await expect.poll(() => outputOf(page, 'kubectl get ns')).toMatch(/kube-system\s+Active/);
    const events = await outputOf(page, 'kubectl get events -A');
    expect(events).toMatch(/^NAMESPACE\s+LAST SEEN\s+TYPE\s+REASON/);
    expect(events.split('\n').length).toBeGreaterThan(300);
  });

  test('history survives a reload', async ({ page }) => {
    await openTerminal(page);
    await run(page, 'kubectl get endpointslices');
    await expect.poll(() => outputOf(page, 'kubectl get endpointslices')).toContain('web-');
    // The page saves shortly after a change.
    await expect.poll(() => page.evaluate(() => Object.values(localStorage).some((v) => v.includes('kubectl get endpointslices')))).toBe(true);
    await page.reload();
    await page.waitForFunction(() => typeof (window as unknown as { __playground?: Hooks }).__playground?.terminalText === 'function');
    await page.getByRole('textbox', { name: 'Terminal input' }).focus();
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => lastLine(page)).toBe('$ kubectl get endpointslices');
  });

  test('shows commands run elsewhere, with where they came from', async ({ page }) => {
    await openTerminal(page);
    await page.keyboard.type('kubectl get');
    await page.evaluate(() => (window as unknown as { __playground: Hooks }).__playground.runCommand?.('kubectl scale deployment web --replicas=4', 'menu'));
    await expect.poll(() => screen(page)).toContain('# from the graph menu\n$ kubectl scale deployment web --replicas=4\ndeployment.apps/web scaled\n$ kubectl get');
    // The line being typed survives and still runs.
    await page.keyboard.type(' deploy');
    await page.keyboard.press('Enter');
    await expect.poll(() => outputOf(page, 'kubectl get deploy')).toMatch(/\nweb\s+\d\/4\s/);
  });

  test('is read-only in a read-only embed', async ({ page }) => {
    await page.goto('./?embed=1&readonly=1&panes=graph,terminal&test-hooks=1');
    await page.waitForFunction(() => typeof (window as unknown as { __playground?: Hooks }).__playground?.terminalText === 'function');
    const terminal = page.getByRole('region', { name: 'Terminal' });
    await expect(terminal.getByText('Read-only: commands run by the page appear here; typing is off.', { exact: true })).toBeVisible();
    await expect.poll(() => screen(page)).toContain('deployment.apps/web created');
    await page.getByRole('textbox', { name: 'Terminal input' }).focus();
    await page.keyboard.type('kubectl delete deployment web');
    await page.keyboard.press('Enter');
    await page.evaluate(() => (window as unknown as { __playground: Hooks }).__playground.runCommand?.('kubectl get deployments', 'embed'));
    await expect.poll(() => screen(page)).toContain('# from the embedding page\n$ kubectl get deployments\nNAME');
    expect(await screen(page)).not.toContain('kubectl delete');
  });
});
