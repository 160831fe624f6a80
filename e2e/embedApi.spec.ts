// The embed's postMessage API (src/embed/messageApi.ts) as a blog post uses it:
// a parent page embeds the playground in an <iframe>, waits for `ready`, runs
// commands, sends a request and hears its trace, and is refused what a
// read-only embed must not do. The parent page is served by page.route on the
// test server's own origin, so the fixture's off-origin guard holds unchanged.
import type { Page } from '@playwright/test';
import { COMMAND_LINE_CHUNK, expect, holdChunk, test } from './fixtures';

type Message = { source?: string; v?: number; type: string; id?: string | number; [key: string]: unknown };

const PARENT = '/embed-parent.html';

/** Opens a parent page whose iframe shows the playground with `query`; it records every message the frame posts. */
async function openParent(page: Page, query: string) {
  await page.route(`**${PARENT}`, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html><head><title>A blog post</title></head><body>
<iframe id="playground" title="Services Playground" src="./?${query}" width="700" height="450"></iframe>
<script>
  const frame = document.getElementById('playground');
  window.received = [];
  window.addEventListener('message', (e) => { if (e.source === frame.contentWindow) window.received.push(e.data); });
  window.send = (m) => frame.contentWindow.postMessage(m, location.origin);
</script></body></html>`,
    }),
  );
  await page.goto(PARENT);
  await waitFor(page, (m) => m.type === 'ready');
}

/** The first message from the frame that matches, once it has arrived. */
async function waitFor(page: Page, match: (m: Message) => boolean): Promise<Message> {
  let found: Message | undefined;
  await expect
    .poll(async () => {
      const received = await page.evaluate(() => (window as unknown as { received: Message[] }).received);
      found = received.find(match);
      return found !== undefined;
    })
    .toBe(true);
  return found!;
}

/** Posts a request from the parent page and returns the reply with the same id. */
async function request(page: Page, id: string, fields: Record<string, unknown>): Promise<Message> {
  await page.evaluate((m) => (window as unknown as { send: (m: unknown) => void }).send(m), { source: 'services-playground', v: 1, id, ...fields });
  return waitFor(page, (m) => m.id === id && m.type !== 'trace');
}

const received = (page: Page) => page.evaluate(() => (window as unknown as { received: Message[] }).received);

test.describe('the embed postMessage API', () => {
  test('answers requests posted before it said ready (from the iframe\'s load event), after ready and in order', async ({ page }) => {
    // The natural thing for a blog post to write: post as soon as the frame has loaded,
    // before the example has started and the API is installed.
    await page.route(`**${PARENT}`, (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><html><body>
<iframe id="playground" title="Services Playground" src="./?embed=1&scenario=welcome" width="700" height="450"></iframe>
<script>
  const frame = document.getElementById('playground');
  window.received = [];
  window.addEventListener('message', (e) => { if (e.source === frame.contentWindow) window.received.push(e.data); });
  frame.addEventListener('load', () => {
    const send = (m) => frame.contentWindow.postMessage({ source: 'services-playground', v: 1, ...m }, location.origin);
    send({ type: 'run', id: 'early-pods', command: 'kubectl get deploy web -o name' });
    send({ type: 'run', id: 'early-bad' });
    send({ type: 'ping', id: 'early-ping' });
    window.posted = true;
  });
</script></body></html>`,
      }),
    );
    // The example cannot start (so the API cannot install) until the command line's chunk arrives.
    const release = await holdChunk(page, COMMAND_LINE_CHUNK);
    await page.goto(PARENT);
    await page.waitForFunction(() => (window as unknown as { posted?: boolean }).posted === true);
    expect(await received(page)).toEqual([]);
    release();
    await waitFor(page, (m) => m.id === 'early-ping');
    const all = await received(page);
    expect(all.map((m) => m.id ?? m.type)).toEqual(['ready', 'early-pods', 'early-bad', 'early-ping']);
    expect(all[1]).toMatchObject({ type: 'result', exitCode: 0, stdout: 'deployment.apps/web\n' });
    expect(all[2]).toMatchObject({ type: 'error', message: '"command" is missing' });
  });

  test('says ready, runs commands, sends a request whose packet travels, and reports its trace', async ({ page }) => {
    await openParent(page, 'embed=1&scenario=welcome');
    const ready = (await received(page)).find((m) => m.type === 'ready');
    expect(ready).toEqual({ source: 'services-playground', v: 1, type: 'ready', readOnly: false });

    const pods = await request(page, 'pods', { type: 'run', command: 'kubectl get pods' });
    expect(pods).toMatchObject({ type: 'result', exitCode: 0, stderr: '' });
    expect(pods.stdout).toMatch(/^NAME\s+READY\s+STATUS/);
    expect((pods.stdout as string).match(/^web-\S+/gm)).toHaveLength(3);

    // Wait until the three pods are ready endpoints, so the request reaches one of them.
    await expect
      .poll(async () => (await request(page, `ep-${Date.now()}`, { type: 'run', command: 'kubectl get endpoints web' })).stdout as string)
      .toMatch(/(\d+\.\d+\.\d+\.\d+:80,?){3}/);
    const nodePort = (await request(page, 'port', { type: 'run', command: 'kubectl get svc web -o jsonpath={.spec.ports[0].nodePort}' })).stdout;
    expect(nodePort).toMatch(/^3\d{4}$/);

    const url = `http://192.168.49.2:${nodePort as string}/`;
    const sent = await request(page, 'send', { type: 'send', url });
    expect(sent).toMatchObject({ type: 'result', command: `curl -s ${url}`, exitCode: 0 });
    expect(sent.stdout).toContain('nginx');

    const trace = await waitFor(page, (m) => m.type === 'trace');
    expect(trace).toMatchObject({ source: 'services-playground', v: 1, url, from: 'workstation', outcome: 'response', status: 200, pod: { namespace: 'default', name: expect.stringMatching(/^web-/) } });
    expect(trace.hops).toBeGreaterThan(1);

    // The packet is drawn on the frame's packet canvas.
    const canvas = page.frameLocator('#playground').getByRole('img', { name: 'Packets in flight' });
    await expect
      .poll(() =>
        canvas.evaluate((el) => {
          const c = el as HTMLCanvasElement;
          const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
          let n = 0;
          for (let i = 3; i < data.length; i += 4) if (data[i] > 0) n++;
          return n;
        }),
      )
      .toBeGreaterThan(0);
  });

  test('opens examples, sets the theme, and refuses unknown examples', async ({ page }) => {
    await openParent(page, 'embed=1&scenario=welcome');
    expect(await request(page, 'ex', { type: 'scenario', scenario: 'selector-typo' })).toEqual({ source: 'services-playground', v: 1, type: 'ok', id: 'ex' });
    await expect(page.frameLocator('#playground').getByRole('region', { name: 'Example: Selector typo: no endpoints' })).toBeVisible();
    expect(await request(page, 'nope', { type: 'scenario', scenario: 'no-such-example' })).toMatchObject({ type: 'error', message: 'there is no example "no-such-example"' });

    expect(await request(page, 'dark', { type: 'theme', theme: 'dark' })).toMatchObject({ type: 'ok' });
    await expect(page.frameLocator('#playground').locator('html')).toHaveAttribute('data-theme', 'dark');
  });

  test('a read-only embed refuses commands that change the cluster and still answers the others', async ({ page }) => {
    await openParent(page, 'embed=1&readonly=1&scenario=welcome');
    expect((await received(page)).find((m) => m.type === 'ready')).toMatchObject({ readOnly: true });
    const before = (await request(page, 'before', { type: 'run', command: 'kubectl get pods -o name' })).stdout as string;
    const pod = before.split('\n')[0].replace('pod/', '');
    expect(pod).toMatch(/^web-/);

    const refused = await request(page, 'del', { type: 'run', command: `kubectl delete pod ${pod}` });
    expect(refused).toEqual({ source: 'services-playground', v: 1, type: 'error', id: 'del', message: `this embed is read-only: "kubectl delete pod ${pod}" would change the cluster, so it was not run` });
    expect((await request(page, 'after', { type: 'run', command: 'kubectl get pods -o name' })).stdout).toBe(before);
  });

  test('answers malformed requests with what is wrong, and ignores messages that are not for it', async ({ page }) => {
    await openParent(page, 'embed=1&readonly=1&scenario=welcome');
    // Not ours: another script's message, a string, our source from another version of the world.
    await page.evaluate(() => {
      const send = (window as unknown as { send: (m: unknown) => void }).send;
      send({ source: 'react-devtools', v: 1, id: 'other', type: 'run', command: 'kubectl get pods' });
      send('services-playground');
      send(null);
    });
    expect(await request(page, 'no-command', { type: 'run' })).toMatchObject({ type: 'error', message: '"command" is missing' });
    expect(await request(page, 'v2', { v: 2, type: 'ping' })).toMatchObject({ type: 'error', message: 'unsupported version 2: this playground speaks "v": 1' });
    expect(await request(page, 'huge', { type: 'run', command: 'x'.repeat(5000) })).toMatchObject({ type: 'error', message: '"command" is longer than 1000 characters' });
    expect(await request(page, 'proto', { type: '__proto__' })).toMatchObject({ type: 'error', message: /^unknown "type" "__proto__"/ });
    // Requests are handled in order: by the last reply, the ignored messages would have had theirs.
    expect((await received(page)).map((m) => m.id ?? m.type)).toEqual(['ready', 'no-command', 'v2', 'huge', 'proto']);
    // The page is still whole.
    await expect(page.frameLocator('#playground').getByRole('region', { name: 'Cluster graph' })).toBeVisible();
  });
});
