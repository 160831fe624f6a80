// Packets: a request travels the graph hop by hop with each hop explained, the
// playback steps through hops, terminal commands animate too, a Service without
// endpoints refuses, and the traffic generator's per-pod share shows random
// balancing and session affinity. Cluster changes that are not the subject of a
// test go through the app's test hook (window.__playground, ?test-hooks=1).
import type { Page } from '@playwright/test';
import { expect, nodesHiddenBy, test } from './fixtures';

type Hooks = {
  runCommand: (line: string, source: string) => { stdout: string };
  advanceTime: (ms: number) => void;
  getState: () => {
    snapshot: { objects: Record<string, { metadata: { name: string; labels?: Record<string, string> }; endpoints?: { conditions?: { ready?: boolean } }[] }[]> };
    entries: { line: string }[];
  };
};

/** Opens the page and waits until the three web pods are ready endpoints of Service web. */
async function open(page: Page, params = '') {
  await page.goto(`./?test-hooks=1${params}`);
  await page.waitForFunction(() => {
    const s = (window.__playground as unknown as Hooks | undefined)?.getState();
    const slices = s?.snapshot.objects.EndpointSlice ?? [];
    return slices.some((sl) => sl.metadata.labels?.['kubernetes.io/service-name'] === 'web' && (sl.endpoints ?? []).filter((e) => e.conditions?.ready).length === 3);
  });
}

async function run(page: Page, line: string): Promise<string> {
  return page.evaluate((l) => (window.__playground as unknown as Hooks).runCommand(l, 'terminal').stdout, line);
}

async function webPods(page: Page): Promise<string[]> {
  return page.evaluate(() => (window.__playground as unknown as Hooks).getState().snapshot.objects.Pod.map((p) => p.metadata.name).filter((n) => n.startsWith('web-')));
}

/** How many pixels of the packet canvas are painted. */
async function paintedPixels(page: Page): Promise<number> {
  return page.getByRole('img', { name: 'Packets in flight' }).evaluate((el) => {
    const c = el as HTMLCanvasElement;
    const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] > 0) n++;
    return n;
  });
}

const hops = (page: Page) => page.getByRole('list', { name: 'Packet hops' });

/** Opens the collapsible hop list (closed at first, so it does not cover the graph). */
async function showHops(page: Page) {
  const summary = page.getByText('Packet path', { exact: true });
  await expect(summary).toBeVisible();
  if (!(await hops(page).isVisible())) await summary.click();
  await expect(hops(page)).toBeVisible();
}
const callout = (page: Page) => page.getByRole('note', { name: 'Hop explanation' });

async function sendFromDialog(page: Page, from: RegExp | string, to: RegExp) {
  await page.getByRole('button', { name: 'Send request' }).click();
  const dialog = page.getByRole('dialog', { name: 'Send a request' });
  await expect(dialog).toBeVisible();
  const fromSelect = dialog.getByRole('combobox', { name: 'From' });
  const fromValue = await fromSelect.locator('option', { hasText: from }).first().getAttribute('value');
  await fromSelect.selectOption(fromValue!);
  const toSelect = dialog.getByRole('combobox', { name: 'To' });
  const toValue = await toSelect.locator('option', { hasText: to }).first().getAttribute('value');
  await toSelect.selectOption(toValue!);
  await dialog.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(dialog).toBeHidden();
}

test.describe('packets', () => {
  test('a request from your machine to the web NodePort travels to a web pod, hop by hop', async ({ page }) => {
    await open(page);
    const pods = await webPods(page);
    await sendFromDialog(page, 'Your machine', /Service default\/web NodePort on node-1/);
    // The same command line a person could type ran through the terminal's path.
    const lines = await page.evaluate(() => (window.__playground as unknown as Hooks).getState().entries.map((e) => e.line));
    expect(lines.at(-1)).toMatch(/^curl -s http:\/\/192\.168\.49\.2:3\d{4}\/$/);
    // A packet is drawn on the canvas and explained beside it.
    await expect.poll(() => paintedPixels(page)).toBeGreaterThan(20);
    await expect(callout(page)).toBeVisible();
    await expect(callout(page)).toContainText(/Step \d+ of \d+/);
    // The hop list reads the whole path and ends at one of the web pods.
    await showHops(page);
    const items = hops(page).getByRole('listitem');
    await expect(items.first()).toContainText('Your machine (192.168.49.1) opens a TCP connection');
    await expect(hops(page)).toContainText(/DNAT kube-proxy on node-1 rewrote the destination/);
    const last = await items.last().textContent();
    const served = /200 OK from pod (web-[a-z0-9]+-[a-z0-9]{5})/.exec(last ?? '');
    expect(served, `last hop: ${last}`).not.toBeNull();
    expect(pods).toContain(served![1]);
  });

  test('stepping back and forward through the hops changes the explanation', async ({ page }) => {
    await open(page);
    await sendFromDialog(page, 'Your machine', /Service default\/web NodePort on node-2/);
    await page.getByRole('button', { name: 'Step forward' }).click();
    // Stepping pauses the playback so the explanation can be read.
    await expect(page.getByRole('button', { name: 'Play packets' })).toBeVisible();
    await expect(callout(page)).toBeVisible();
    const first = await callout(page).textContent();
    await showHops(page);
    await page.getByRole('button', { name: 'Step forward' }).click();
    await expect(callout(page)).not.toHaveText(first!);
    const second = await callout(page).textContent();
    const current = hops(page).locator('[aria-current="step"]');
    await expect(current).toHaveCount(1);
    const currentText = await current.textContent();
    await page.getByRole('button', { name: 'Step back' }).click();
    await expect(callout(page)).toHaveText(first!);
    await expect(current).not.toHaveText(currentText!);
    await page.getByRole('button', { name: 'Step forward' }).click();
    await expect(callout(page)).toHaveText(second!);
    // Keyboard: the controls are buttons in the toolbar.
    await page.getByRole('button', { name: 'Step back' }).focus();
    await page.keyboard.press('Enter');
    await expect(callout(page)).toHaveText(first!);
  });

  test('curl and nslookup typed in the terminal animate too', async ({ page }) => {
    await open(page);
    const [pod] = await webPods(page);
    await run(page, `kubectl exec ${pod} -- curl -s http://web`);
    await showHops(page);
    await expect(page.getByText('GET http://web', { exact: true })).toBeVisible();
    await expect(hops(page)).toContainText('CoreDNS answered web.default.svc.cluster.local. A');
    // The pod may reach itself through the Service: the answer comes from a web pod either way.
    await expect(hops(page).getByRole('listitem').last()).toContainText(/web-[a-z0-9]+-[a-z0-9]{5}.*200 OK/);
    await expect.poll(() => paintedPixels(page)).toBeGreaterThan(20);
    // A lookup from your machine: its resolver knows nothing of the cluster's names.
    await run(page, 'nslookup web.default.svc.cluster.local');
    await expect(page.getByText('lookup web.default.svc.cluster.local', { exact: true })).toBeVisible();
    await expect(hops(page)).toContainText("Your machine asks its own resolver");
  });

  test('a Service with no endpoints refuses, and says why', async ({ page }) => {
    await open(page);
    await run(page, 'kubectl create service clusterip empty --tcp=80:80');
    await sendFromDialog(page, /^Pod default\/web-/, /Service default\/empty by name/);
    await showHops(page);
    const last = hops(page).getByRole('listitem').last();
    await expect(last).toContainText('Refused');
    await expect(last).toContainText('has no ready endpoints for default/empty');
    await expect(page.getByText(/Connection to 10\.\d+\.\d+\.\d+:80 refused/)).toBeVisible();
  });

  test('the traffic generator spreads requests over the pods, and ClientIP affinity pins them to one', async ({ page }) => {
    await open(page);
    await page.getByRole('button', { name: 'Traffic generator' }).click();
    const panel = page.getByRole('region', { name: 'Traffic generator' });
    await panel.getByRole('combobox', { name: 'From' }).selectOption({ label: 'Your machine' });
    await panel.getByRole('spinbutton', { name: 'Requests per second' }).fill('20');
    await panel.getByRole('button', { name: 'Start' }).click();
    // Driven by simulated time: move the clock on instead of waiting for it.
    for (let i = 0; i < 4; i++) await page.evaluate(() => (window.__playground as unknown as Hooks).advanceTime(1000));
    await expect.poll(async () => Number((await panel.getByText(/^\d+ requests$/).textContent())!.split(' ')[0])).toBeGreaterThanOrEqual(60);
    const shares = panel.getByRole('list', { name: 'Share of requests per pod' }).getByRole('listitem');
    await expect(shares).toHaveCount(3);
    for (const label of await shares.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')!))) {
      const pct = Number(/, ([\d.]+)%$/.exec(label)![1]);
      expect(pct, label).toBeGreaterThanOrEqual(15);
      expect(pct, label).toBeLessThanOrEqual(55);
    }
    // All those packets are drawn on one canvas.
    await expect(page.getByLabel(/^Cluster graph/).locator('canvas')).toHaveCount(1);
    await panel.getByRole('button', { name: 'Stop' }).click();

    await run(page, `kubectl patch service web -p '{"spec":{"sessionAffinity":"ClientIP"}}'`);
    await panel.getByRole('button', { name: 'Start' }).click();
    for (let i = 0; i < 2; i++) await page.evaluate(() => (window.__playground as unknown as Hooks).advanceTime(1000));
    await expect.poll(async () => Number((await panel.getByText(/^\d+ requests$/).textContent())!.split(' ')[0])).toBeGreaterThanOrEqual(20);
    const labels = await shares.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')!));
    expect(labels.filter((l) => l.endsWith(', 100%')), labels.join('\n')).toHaveLength(1);
    expect(labels.filter((l) => l.endsWith(', 0%'))).toHaveLength(2);
  });
});


for (const frame of [
  { name: 'the full app at 1440x900', viewport: { width: 1440, height: 900 }, params: '' },
  { name: 'a 700x450 embed', viewport: { width: 700, height: 450 }, params: '&embed=1' },
]) {
  test(`the traffic generator hides no part of the graph (${frame.name})`, async ({ page }) => {
    await page.setViewportSize(frame.viewport);
    await open(page, frame.params);
    await expect(page.getByRole('group', { name: /^Node node-3, / })).toBeInViewport();
    await page.getByRole('button', { name: 'Traffic generator' }).click();
    const panel = page.getByRole('region', { name: 'Traffic generator' });
    await expect(panel).toBeInViewport({ ratio: 0.99 });
    // The graph makes room for the panel (it fits itself to what is left) instead of lying under it.
    await expect.poll(() => nodesHiddenBy(page, '.traffic-dock')).toEqual([]);
    await expect(page.getByRole('group', { name: /^Node node-3, / })).toBeInViewport({ ratio: 0.99 });
    await panel.getByRole('button', { name: 'Start' }).click();
    for (let i = 0; i < 2; i++) await page.evaluate(() => (window.__playground as unknown as Hooks).advanceTime(1000));
    await expect(panel.getByRole('list', { name: 'Share of requests per pod' }).getByRole('listitem')).toHaveCount(3);
    await expect(panel).toBeInViewport({ ratio: 0.99 });
    await expect.poll(() => nodesHiddenBy(page, '.traffic-dock')).toEqual([]);
    await panel.getByRole('button', { name: 'Stop' }).click();
    await panel.getByRole('button', { name: 'Close traffic generator' }).click();
    await expect(panel).toHaveCount(0);
    await expect(page.getByRole('group', { name: /^Node node-3, / })).toBeInViewport({ ratio: 0.99 });
  });
}

/** The graph nodes a hop is about, read from its callout: where the packet is (and, for a Service, the EndpointSlice it picked from). */
function hopNodes(title: string, text: string, pod: string): string[] {
  switch (title.toUpperCase()) {
    case 'SEND':
    case 'REPLY':
      return ['external/workstation'];
    case 'ROUTE':
      return [`Node//${/ to (node-\d)/.exec(text)![1]}`];
    case 'DNAT':
    case 'SNAT':
      return ['Service/default/web', 'EndpointSlice/default/web-'];
    default:
      return [`Pod/default/${pod}`];
  }
}

/** Which of the given graph nodes (ids, or id prefixes ending in '-') the callout covers. */
async function coveredByCallout(page: Page, ids: string[]): Promise<string[]> {
  return page.evaluate((wanted) => {
    const c = document.querySelector('.packet-callout')!.getBoundingClientRect();
    return [...document.querySelectorAll<HTMLElement>('.react-flow__node')]
      .filter((n) => wanted.some((id) => (id.endsWith('-') ? n.dataset.id!.startsWith(id) : n.dataset.id === id)))
      .filter((n) => {
        const b = n.getBoundingClientRect();
        return b.left < c.right && b.right > c.left && b.top < c.bottom && b.bottom > c.top;
      })
      .map((n) => n.dataset.id!);
  }, ids);
}

for (const frame of [
  { name: 'the full app', viewport: { width: 1280, height: 720 }, params: '' },
  { name: 'a 700x450 embed', viewport: { width: 700, height: 450 }, params: '&embed=1' },
]) {
  test(`the hop callout never covers the nodes of the hop it explains (${frame.name})`, async ({ page }) => {
    await page.setViewportSize(frame.viewport);
    await open(page, frame.params);
    await sendFromDialog(page, 'Your machine', /Service default\/web NodePort on node-1/);
    const box = callout(page);
    await expect(box).toBeVisible();
    // Pause, then go back to the first hop and walk through them all.
    await page.getByRole('button', { name: 'Step forward' }).click();
    const stepText = () => box.locator('.packet-callout-step').textContent();
    while (!/^Step 1 of/.test((await stepText())!)) {
      const before = await stepText();
      await page.getByRole('button', { name: 'Step back' }).click();
      await expect(box.locator('.packet-callout-step')).not.toHaveText(before!);
    }
    let pod = '';
    let previous: string[] = [];
    for (;;) {
      const title = (await box.locator('.packet-callout-title').textContent())!;
      const text = (await box.locator('.packet-callout-text').textContent())!;
      pod = /pod default\/(web-[a-z0-9]+-[a-z0-9]{5})/.exec(text)?.[1] ?? pod;
      const current = hopNodes(title, text, pod);
      // Where the packet is and where it came from stay in view.
      expect(await coveredByCallout(page, [...current, ...previous]), `${title}: ${text}`).toEqual([]);
      previous = current;
      const step = (await stepText())!;
      const [, n, total] = /Step (\d+) of (\d+)/.exec(step)!;
      if (n === total) break;
      await page.getByRole('button', { name: 'Step forward' }).click();
      await expect(box.locator('.packet-callout-step')).not.toHaveText(step);
    }
    expect(pod, 'the DNAT hop named the pod it picked').not.toBe('');
  });
}

/** Square pixels of the hop callout that the open hop list lies over (or under). */
async function calloutOverHopList(page: Page): Promise<number> {
  return page.evaluate(() => {
    const c = document.querySelector('.packet-callout')!.getBoundingClientRect();
    const p = document.querySelector('.hop-panel')!.getBoundingClientRect();
    const w = Math.min(c.right, p.right) - Math.max(c.left, p.left);
    const h = Math.min(c.bottom, p.bottom) - Math.max(c.top, p.top);
    return w > 0 && h > 0 ? Math.round(w * h) : 0;
  });
}

test('opening the hop list moves the callout off it, at every step (it stayed where it was, under the list)', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await open(page);
  await sendFromDialog(page, 'Your machine', /Service default\/web NodePort on node-1/);
  const box = callout(page);
  const stepText = () => box.locator('.packet-callout-step').textContent();
  await page.getByRole('button', { name: 'Step forward' }).click();
  while (!/^Step 1 of/.test((await stepText())!)) {
    const before = await stepText();
    await page.getByRole('button', { name: 'Step back' }).click();
    await expect(box.locator('.packet-callout-step')).not.toHaveText(before!);
  }
  const summary = page.getByText('Packet path', { exact: true });
  const covered: string[] = [];
  for (;;) {
    const step = (await stepText())!;
    await summary.click();
    await expect(hops(page)).toBeVisible();
    // Placed again within a frame or two of the list opening.
    await expect.poll(() => calloutOverHopList(page), { timeout: 2000 }).toBe(0).catch(() => {});
    const overlap = await calloutOverHopList(page);
    if (overlap > 0) covered.push(`${step}: ${overlap} px²`);
    await summary.click();
    await expect(hops(page)).toBeHidden();
    const [, n, total] = /Step (\d+) of (\d+)/.exec(step)!;
    if (n === total) break;
    await page.getByRole('button', { name: 'Step forward' }).click();
    await expect(box.locator('.packet-callout-step')).not.toHaveText(step);
  }
  expect(covered).toEqual([]);
});

test.describe('packets with reduced motion', () => {
  test.use({ reducedMotion: 'reduce' });

  test('packets jump from hop to hop and the explanations still show', async ({ page }) => {
    await open(page);
    await sendFromDialog(page, 'Your machine', /Service default\/web NodePort on node-3/);
    await expect(callout(page)).toBeVisible();
    await expect(callout(page)).toContainText('Step 1 of');
    await expect(callout(page)).toContainText('Step 2 of');
    await expect(callout(page)).toContainText('The packet travels over the nodes\' network to node-3');
    await showHops(page);
    await expect(hops(page).getByRole('listitem').last()).toContainText(/200 OK from pod web-/);
  });
});
