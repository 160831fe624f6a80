// The lesson strip: the running example's title, what it teaches and its
// "try this" commands, docked at the top of the graph pane. A command runs as if
// typed (its output appears in the terminal, which opens if folded away); the
// strip folds to one line and closes, and stays so; it never covers the graph;
// a read-only embed offers no command that changes the cluster.
import type { Page } from '@playwright/test';
import { expect, nodesHiddenBy, test } from './fixtures';

test.use({ colorScheme: 'light' });

type Hooks = {
  terminalText?: () => string;
  runCommand: (line: string) => { stdout: string; exitCode: number };
  getState: () => {
    entries: { line: string; source: string }[];
    typed: string[];
    snapshot: { objects: Record<string, { metadata: { labels?: Record<string, string> }; endpoints?: { conditions?: { ready?: boolean } }[] }[]> };
  };
};

const WELCOME = 'Example: Deployment behind a NodePort Service';

/** Opens the page (test hooks on) and waits until the example is running. */
async function open(page: Page, query = '') {
  await page.goto(`./?test-hooks=1${query}`);
  await page.waitForFunction(() => typeof (window as unknown as { __playground?: Hooks }).__playground?.getState === 'function');
}

/** Waits until Service `name` has `ready` ready endpoints: the example's pods are up. */
async function waitForEndpoints(page: Page, name: string, ready: number) {
  await page.waitForFunction(
    ([svc, n]) => {
      const slices = (window as unknown as { __playground: Hooks }).__playground.getState().snapshot.objects.EndpointSlice ?? [];
      return slices.some((sl) => sl.metadata.labels?.['kubernetes.io/service-name'] === svc && (sl.endpoints ?? []).filter((e) => e.conditions?.ready).length === n);
    },
    [name, ready] as const,
  );
}

const strip = (page: Page, name = WELCOME) => page.getByRole('region', { name });
const screen = (page: Page) => page.evaluate(() => (window as unknown as { __playground: Hooks }).__playground.terminalText?.() ?? '');


test.describe('the lesson strip', () => {
  test('the welcome example shows its title, what it teaches and commands to try', async ({ page }) => {
    await open(page);
    const lesson = strip(page);
    await expect(lesson).toBeVisible();
    await expect(lesson).toContainText('Three nginx pods selected by app=web');
    const commands = lesson.getByRole('list', { name: 'Commands to try' });
    await expect(commands.getByRole('button')).toHaveCount(4);
    await expect(commands.getByRole('button').first()).toHaveAccessibleName('kubectl get endpoints web');
    // The packet tools are a click away too.
    await lesson.getByRole('button', { name: 'Send a request…' }).click();
    await expect(page.getByRole('dialog', { name: 'Send a request' })).toBeVisible();
  });

  test('a command runs as if typed: the terminal opens and shows its output', async ({ page }) => {
    await open(page);
    await waitForEndpoints(page, 'web', 3);
    const terminal = page.getByRole('region', { name: 'Terminal' });
    await page.getByRole('button', { name: 'Terminal', exact: true }).click();
    await expect(terminal).toBeHidden();

    await strip(page).getByRole('button', { name: 'kubectl get endpoints web' }).click();
    await expect(terminal).toBeVisible();
    await expect.poll(() => screen(page)).toMatch(/# from the example's lesson\n\$ kubectl get endpoints web\nNAME +ENDPOINTS +AGE\nweb +10\.244\.\d+\.\d+:80/);
    const state = await page.evaluate(() => {
      const s = (window as unknown as { __playground: Hooks }).__playground.getState();
      return { last: s.entries.at(-1), typed: s.typed.at(-1) };
    });
    expect(state.last).toMatchObject({ line: 'kubectl get endpoints web', source: 'lesson' });
    // ↑ in the terminal brings it back, as a typed line would.
    expect(state.typed).toBe('kubectl get endpoints web');
  });

  test('folds to one line and closes, and stays so after a reload', async ({ page }) => {
    await open(page);
    const lesson = strip(page);
    const toggle = lesson.getByRole('button', { name: /Deployment behind a NodePort Service/ });
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await expect(lesson.getByText('Three nginx pods')).toBeHidden();
    const folded = await lesson.boundingBox();
    expect(folded!.height).toBeLessThan(40);

    // Saved with the session: a reload keeps it folded.
    await page.reload();
    await expect(strip(page).getByRole('button', { name: /Deployment behind/ })).toHaveAttribute('aria-expanded', 'false');

    // Keyboard: unfold with Enter, then close; the graph's Lesson button brings it back.
    await strip(page).getByRole('button', { name: /Deployment behind/ }).focus();
    await page.keyboard.press('Enter');
    await expect(strip(page).getByText('Three nginx pods')).toBeVisible();
    await strip(page).getByRole('button', { name: 'Close the lesson' }).click();
    await expect(strip(page)).toHaveCount(0);
    const reopen = page.getByRole('button', { name: 'Lesson', exact: true });
    await expect(reopen).toBeFocused();
    await page.reload();
    await expect(page.getByRole('button', { name: 'Lesson', exact: true })).toBeVisible();
    await expect(strip(page)).toHaveCount(0);
    await page.getByRole('button', { name: 'Lesson', exact: true }).click();
    await expect(strip(page)).toBeVisible();
    await expect(strip(page).getByRole('button', { name: /Deployment behind/ })).toBeFocused();
  });

  test('loading another example shows that example’s lesson', async ({ page }) => {
    await open(page);
    await expect(strip(page)).toBeVisible();
    await page.getByRole('button', { name: 'Examples' }).click();
    await page.getByRole('menu', { name: 'Examples' }).getByRole('menuitem', { name: /Selector typo/ }).click();
    const lesson = strip(page, 'Example: Selector typo: no endpoints');
    await expect(lesson).toBeVisible();
    await expect(strip(page)).toHaveCount(0);
    await lesson.getByRole('button', { name: 'kubectl get endpoints web' }).click();
    await expect.poll(() => screen(page)).toMatch(/\$ kubectl get endpoints web\nNAME +ENDPOINTS +AGE\nweb +<none> /);
  });

  for (const frame of [
    { name: 'the full app at 1440x900', viewport: { width: 1440, height: 900 }, query: '' },
    { name: 'a 700x450 embed', viewport: { width: 700, height: 450 }, query: '&embed=1&scenario=selector-typo' },
  ]) {
    test(`hides no part of the graph (${frame.name})`, async ({ page }) => {
      await page.setViewportSize(frame.viewport);
      await open(page, frame.query);
      const lesson = page.locator('.lesson-strip');
      await expect(lesson).toBeInViewport({ ratio: 0.99 });
      await expect(page.getByRole('group', { name: /^Node node-3, / })).toBeInViewport({ ratio: 0.99 });
      await expect.poll(() => nodesHiddenBy(page, '.lesson-strip')).toEqual([]);
      // Unfolded (an embed starts folded), the graph still fits below it.
      const toggle = lesson.getByRole('button', { expanded: false });
      if (await toggle.count()) await toggle.click();
      await expect(lesson.getByRole('list', { name: 'Commands to try' })).toBeVisible();
      await expect(lesson).toBeInViewport({ ratio: 0.99 });
      await expect.poll(() => nodesHiddenBy(page, '.lesson-strip')).toEqual([]);
      await expect(page.getByRole('group', { name: /^Node node-3, / })).toBeInViewport({ ratio: 0.99 });
    });
  }

  // 40% of a 700x450 embed's graph pane left the graph too small to read: unfolded, the
  // longest lessons take at most 30% and scroll within it, and the graph fits below.
  for (const scenario of ['target-port', 'headless-statefulset']) {
    test(`in a 700x450 embed, the unfolded ${scenario} lesson keeps to its share and scrolls within it`, async ({ page }) => {
      await page.setViewportSize({ width: 700, height: 450 });
      await open(page, `&embed=1&scenario=${scenario}`);
      const lesson = page.locator('.lesson-strip');
      await lesson.getByRole('button', { expanded: false }).click();
      await expect(lesson.getByRole('list', { name: 'Commands to try' })).toBeVisible();
      const strip = (await lesson.boundingBox())!;
      const pane = (await page.locator('.graph-pane').boundingBox())!;
      expect(strip.height / pane.height).toBeLessThanOrEqual(0.3);
      await expect.poll(() => nodesHiddenBy(page, '.lesson-strip')).toEqual([]);
      // What does not fit is a scroll away, inside the strip.
      const last = lesson.getByRole('button', { name: 'Generate traffic' });
      await last.scrollIntoViewIfNeeded();
      const box = (await last.boundingBox())!;
      expect(box.y).toBeGreaterThanOrEqual(strip.y);
      expect(box.y + box.height).toBeLessThanOrEqual(strip.y + strip.height);
      expect(await lesson.boundingBox()).toEqual(strip);
    });
  }

  test('an embed starts folded to its title, and unfolds on request', async ({ page }) => {
    await page.setViewportSize({ width: 700, height: 450 });
    await open(page, '&embed=1&scenario=selector-typo');
    const lesson = strip(page, 'Example: Selector typo: no endpoints');
    const toggle = lesson.getByRole('button', { name: /Selector typo/ });
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await expect(lesson.getByRole('list', { name: 'Commands to try' })).toBeHidden();
    await toggle.click();
    await expect(lesson.getByRole('list', { name: 'Commands to try' }).getByRole('button')).toHaveCount(4);
  });

  // The simulated cloud hands out LoadBalancer IPs in the order Services ask (none under
  // `sim cloud off`): the lesson reads the IP from the cluster instead of printing one.
  test('a command that needs a LoadBalancer\'s IP shows the one the cluster gave, and says why while there is none', async ({ page }) => {
    await open(page, '&scenario=loadbalancer-local');
    const lesson = strip(page, 'Example: LoadBalancer with externalTrafficPolicy: Local');
    const run = (line: string) => page.evaluate((l) => (window as unknown as { __playground: Hooks }).__playground.runCommand(l).exitCode, line);
    // Another LoadBalancer takes the next IP, and shop's comes back only once the cloud is on again.
    for (const line of ['kubectl delete svc shop', 'sim cloud off', 'kubectl create service loadbalancer first --tcp=80:80', 'kubectl apply -f shop.yaml']) expect(await run(line), line).toBe(0);
    const pending = lesson.getByRole('button', { name: 'curl -v http://<external-ip>' });
    await expect(pending).toBeDisabled(); // aria-disabled: still focusable, so its reason can be read
    await expect(pending).toHaveAccessibleDescription(/Service shop has no external IP: its EXTERNAL-IP stays <pending> while the simulated cloud provider is off/);
    await expect(pending).toContainText('IP pending');
    await pending.click({ force: true }); // does nothing (checked at the end: no <external-ip> ever ran)

    expect(await run('sim cloud on')).toBe(0);
    await expect(pending).toHaveCount(0);
    const ip = await page.evaluate(() => (window as unknown as { __playground: Hooks }).__playground.runCommand('kubectl get svc shop -o jsonpath={.status.loadBalancer.ingress[0].ip}').stdout);
    expect(ip).toMatch(/^203\.0\.113\.\d+$/);
    const curl = lesson.getByRole('button', { name: `curl -v http://${ip}`, exact: true });
    await expect(curl).toBeVisible();
    await curl.click();
    await expect.poll(() => screen(page)).toMatch(new RegExp(`# from the example's lesson\\n\\$ curl -v http://${ip.replaceAll('.', '\\.')}\\n[^]*Served by pod shop-`));
    expect(await screen(page)).not.toContain('<external-ip>');
  });

  test('a read-only embed offers no command that changes the cluster', async ({ page }) => {
    await page.setViewportSize({ width: 700, height: 450 });
    await open(page, '&embed=1&readonly=1&scenario=target-port');
    const lesson = strip(page, 'Example: targetPort mistake: connection refused');
    await lesson.getByRole('button', { name: /targetPort mistake/ }).click();
    const commands = lesson.getByRole('list', { name: 'Commands to try' });
    await expect(commands.getByRole('listitem')).toHaveCount(4);
    // Only the line that reads the cluster is a button; run, patch and the rest are text.
    await expect(commands.getByRole('button')).toHaveCount(1);
    await waitForEndpoints(page, 'web', 3);
    await expect(commands.getByRole('button')).toHaveAccessibleName('kubectl get endpoints web');
    await expect(commands.getByText(/^kubectl patch svc web/)).toBeVisible();
    await expect(lesson).toContainText('Read-only view');
    await commands.getByRole('button').click();
    await expect(page.getByRole('region', { name: 'Terminal' })).toBeVisible();
    await expect.poll(() => screen(page)).toMatch(/web +(10\.244\.\d+\.\d+:8080,?){3}/);
  });
});
