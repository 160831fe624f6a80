// The cluster graph: what the welcome example draws, selector warnings, pods left
// out of a Service, label highlighting, the context-menu faults, the 700×450
// embed size and the dark theme. Cluster changes that are not the subject of a
// test go through the app's test hook (window.__playground, ?test-hooks=1).
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const POD = /^Pod web-[a-z0-9]+-[a-z0-9]{5}, /;

async function open(page: Page, query = '') {
  await page.goto(`./?test-hooks=1${query}`);
  await expect(page.getByRole('group', { name: POD })).toHaveCount(3);
}

async function apply(page: Page, path: string, yaml: string) {
  await page.evaluate(
    ([p, y]) => {
      const hooks = window.__playground as { writeFile: (p: string, t: string) => void; runCommand: (l: string, s: string) => void };
      hooks.writeFile(p, y);
      hooks.runCommand(`kubectl apply -f ${p}`, 'terminal');
    },
    [path, yaml],
  );
}

/** Moves simulated time on (probes, controllers) without waiting for the ticker. */
async function advance(page: Page, ms: number) {
  await page.evaluate((t) => (window.__playground as { advanceTime: (ms: number) => void }).advanceTime(t), ms);
}

/** Opens a node's context menu from the keyboard (Shift+F10 on the focused node). */
async function menuOf(page: Page, node: ReturnType<Page['getByRole']>) {
  await node.focus();
  await page.keyboard.press('Shift+F10');
  return page.getByRole('menu');
}

const API = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  replicas: 2
  selector:
    matchLabels:
      app: api
  template:
    metadata:
      labels:
        app: api
    spec:
      containers:
        - name: api
          image: nginx:1.27
          ports:
            - containerPort: 80
          readinessProbe:
            httpGet:
              path: /
              port: 80
            periodSeconds: 5
---
apiVersion: v1
kind: Service
metadata:
  name: api
spec:
  selector:
    app: api
  ports:
    - port: 80
      targetPort: 80
`;

test.describe('the cluster graph', () => {
  test('draws the welcome example: three node frames, three web pods, the NodePort Service and its edges', async ({ page }) => {
    await open(page);
    for (const n of [1, 2, 3]) {
      await expect(page.getByRole('group', { name: new RegExp(`^Node node-${n}, Ready, 192\\.168\\.49\\.${n + 1}$`) })).toBeVisible();
    }
    const pods = page.getByRole('group', { name: /^Pod web-[a-z0-9]+-[a-z0-9]{5}, ready, 10\.244\.\d\.\d+ on node-\d$/ });
    await expect(pods).toHaveCount(3);
    const web = page.getByRole('group', { name: /^Service web, NodePort, 10\.\d+\.\d+\.\d+, ports 80:3\d{4}\/TCP$/ });
    await expect(web).toBeVisible();
    await expect(web.getByText(/^80 → 80 · nodePort 3\d{4}$/)).toBeVisible();
    await expect(page.getByRole('img', { name: /^Service web selects Pod web-/ })).toHaveCount(3);
    await expect(page.getByRole('img', { name: /^EndpointSlice web-[a-z0-9]+ lists Pod web-/ })).toHaveCount(3);
    // The outside world and the system, drawn compactly.
    await expect(page.getByRole('group', { name: 'Your machine, outside the cluster' })).toBeVisible();
    await expect(page.getByRole('group', { name: /^CoreDNS, Service kube-dns 10\.96\.0\.10 port 53/ })).toBeVisible();
  });

  test('says why a Service whose selector matches nothing has no pods', async ({ page }) => {
    await open(page);
    await apply(page, 'typo.yaml', 'apiVersion: v1\nkind: Service\nmetadata:\n  name: typo\nspec:\n  selector:\n    app: wbe\n  ports:\n    - port: 80\n');
    const typo = page.getByRole('group', { name: /^Service typo, ClusterIP/ });
    await expect(typo).toHaveAccessibleName(/warning: no pod has app=wbe; 3 pods have app=web$/);
    await expect(typo.getByText('no pod has app=wbe; 3 pods have app=web')).toBeVisible();
    await expect(page.getByRole('img', { name: /^Service typo selects/ })).toHaveCount(0);
  });

  test('says why a Service whose targetPort nothing listens on refuses every connection (it was drawn as healthy)', async ({ page }) => {
    await open(page);
    const manifest = await page.evaluate(() => (window.__playground as { getState: () => { files: Record<string, string> } }).getState().files['web.yaml']);
    expect(manifest).toContain('targetPort: 80');
    // The student's mistake: the Service forwards to 8080, nginx serves 80 (the engine refuses, as a pod's kernel would).
    await apply(page, 'web.yaml', manifest.replace('targetPort: 80', 'targetPort: 8080'));
    const web = page.getByRole('group', { name: /^Service web, NodePort/ });
    const warning = 'targetPort 8080: nothing in the pods listens on it (nginx on 80), so connections are refused';
    await expect(web).toHaveAccessibleName(new RegExp(`warning: ${warning.replace(/[()]/g, '\\$&')}$`));
    await expect(web.getByText(warning)).toBeVisible();
    // The pods stay its endpoints, as in Kubernetes: ready, and drawn as receiving its traffic.
    await expect(page.getByRole('img', { name: /^Service web selects Pod web-/ })).toHaveCount(3);
    await apply(page, 'web.yaml', manifest);
    await expect(web.getByText(warning)).toHaveCount(0);
    await expect(web).not.toHaveAccessibleName(/warning/);
  });

  test('the welcome example lets an instructor fail a pod\'s readiness at once, and its endpoint leaves the Service', async ({ page }) => {
    await open(page);
    await advance(page, 10_000);
    const pod = page.getByRole('group', { name: POD }).first();
    const name = (await pod.getAttribute('aria-label'))!.match(/^Pod (\S+),/)![1];
    const menu = await menuOf(page, pod);
    await expect(menu.getByRole('menuitem', { name: 'Fail readiness probe' })).toBeEnabled();
    await menu.getByRole('menuitem', { name: 'Fail readiness probe' }).click();
    // periodSeconds 5, failureThreshold 3: not ready within 15 s of probing.
    await advance(page, 20_000);
    await expect(page.getByRole('group', { name: new RegExp(`^Pod ${name}, not ready`) })).toHaveAccessibleName(/excluded from Service web: readiness probe failing$/);
    await expect(page.getByRole('group', { name: /^EndpointSlice web-[a-z0-9]+ of Service web: 2 ready, 1 not ready$/ })).toBeVisible();
  });

  test('draws a pod whose readiness probe fails (from its context menu) as left out, with the reason', async ({ page }) => {
    await open(page);
    await apply(page, 'api.yaml', API);
    await advance(page, 20_000);
    const pods = page.getByRole('group', { name: /^Pod api-/ });
    await expect(pods).toHaveCount(2);
    const pod = pods.first();
    const name = (await pod.getAttribute('aria-label'))!.match(/^Pod (\S+),/)![1];
    const menu = await menuOf(page, pod);
    await expect(menu).toHaveAccessibleName(`Pod ${name}`);
    await menu.getByRole('menuitem', { name: 'Fail readiness probe' }).click();
    await expect(menu).toBeHidden();
    await advance(page, 30_000);
    const failing = page.getByRole('group', { name: new RegExp(`^Pod ${name}, not ready`) });
    await expect(failing).toHaveAccessibleName(/excluded from Service api: readiness probe failing$/);
    await expect(failing.getByText('not in api: readiness probe failing')).toBeVisible();
    await expect(page.getByRole('img', { name: `Service api selects Pod ${name} but leaves it out: readiness probe failing` })).toBeVisible();

    // And back: restore readiness from the same menu.
    const again = await menuOf(page, failing);
    await again.getByRole('menuitem', { name: 'Restore readiness' }).click();
    await advance(page, 10_000);
    await expect(page.getByRole('group', { name: new RegExp(`^Pod ${name}, ready`) })).toBeVisible();
  });

  test('clicking a label lights up every object that carries or selects it, and dims the rest', async ({ page }) => {
    await open(page);
    await apply(page, 'api.yaml', API);
    await advance(page, 20_000);
    const webPod = page.getByRole('group', { name: POD }).first();
    const chip = webPod.getByRole('button', { name: 'Label app=web: highlight matching objects' });
    await chip.click();
    await expect(chip).toHaveAttribute('aria-pressed', 'true');
    const look = (name: RegExp) => page.getByRole('group', { name }).first().locator(':scope > *').first();
    for (const lit of [POD, /^Service web,/]) await expect(look(lit)).toHaveCSS('opacity', '1');
    for (const dim of [/^Pod api-/, /^Service api,/]) await expect(look(dim)).not.toHaveCSS('opacity', '1');
    // The Service's selector does the same for the pods it matches.
    await page.getByRole('button', { name: /^Selector app=api of Service api/ }).click();
    await expect(look(/^Pod api-/)).toHaveCSS('opacity', '1');
    await expect(look(POD)).not.toHaveCSS('opacity', '1');
    await page.keyboard.press('Escape');
    await expect(look(POD)).toHaveCSS('opacity', '1');
  });

  test('a StatefulSet pod shows its own label in full; the labels its controller adds fold into "+N"', async ({ page }) => {
    await page.goto('./?test-hooks=1&scenario=headless-statefulset');
    const pod = page.getByRole('group', { name: /^Pod db-0, / });
    await expect(pod).toBeVisible(); // the example has started (and the test hooks are there)
    await advance(page, 30_000);
    const chip = pod.getByRole('button', { name: 'Label app=db: highlight matching objects' });
    await expect(chip).toHaveText('app=db');
    // Not cut to "a…" by the long controller labels beside it.
    expect(await chip.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    const more = pod.getByLabel(/^2 more labels: /);
    await expect(more).toHaveText('+2');
    await expect(more).toHaveAttribute('title', 'apps.kubernetes.io/pod-index=0\nstatefulset.kubernetes.io/pod-name=db-0');
  });

  test('deleting a pod from its menu: a replacement takes its place', async ({ page }) => {
    await open(page);
    const pod = page.getByRole('group', { name: POD }).first();
    const name = (await pod.getAttribute('aria-label'))!.match(/^Pod (\S+),/)![1];
    const menu = await menuOf(page, pod);
    await menu.getByRole('menuitem', { name: 'Delete pod' }).click();
    // nginx stops at once on SIGTERM, so the pod is gone quickly; the ReplicaSet replaces it.
    await expect(page.getByRole('status').getByText(`$ kubectl delete pod ${name} --wait=false`)).toBeVisible();
    await advance(page, 40_000);
    await expect(page.getByRole('group', { name: new RegExp(`^Pod ${name},`) })).toHaveCount(0);
    await expect(page.getByRole('group', { name: /^Pod web-[a-z0-9]+-[a-z0-9]{5}, ready/ })).toHaveCount(3);
  });

  test('stopping a node from its menu turns it NotReady; crashing a container shows it', async ({ page }) => {
    await open(page);
    const node2 = page.getByRole('group', { name: /^Node node-2,/ });
    const menu = await menuOf(page, node2);
    await menu.getByRole('menuitem', { name: 'Stop node' }).click();
    await expect(node2).toHaveAccessibleName(/^Node node-2, Ready, powered off/);
    await advance(page, 60_000);
    await expect(node2).toHaveAccessibleName(/^Node node-2, NotReady, powered off/);
    await expect(node2.getByText('NotReady')).toBeVisible();

    const onNode1 = page.getByRole('group', { name: /^Pod web-.* on node-1$/ });
    const name = (await onNode1.getAttribute('aria-label'))!.match(/^Pod (\S+),/)![1];
    await (await menuOf(page, onNode1)).getByRole('menuitem', { name: 'Crash container' }).click();
    await expect(page.getByRole('group', { name: new RegExp(`^Pod ${name},`) })).toHaveAccessibleName(/crash-looping/);
  });

  test('cordon, scale and label from the menus', async ({ page }) => {
    await open(page);
    const node1 = page.getByRole('group', { name: /^Node node-1,/ });
    await (await menuOf(page, node1)).getByRole('menuitem', { name: 'Cordon' }).click();
    await expect(node1).toHaveAccessibleName(/^Node node-1, Ready, cordoned/);

    const pod = page.getByRole('group', { name: POD }).first();
    await (await menuOf(page, pod)).getByRole('menuitem', { name: 'Scale deployment web…' }).click();
    const scale = page.getByRole('dialog', { name: 'Scale deployment web' });
    await scale.getByRole('spinbutton', { name: 'Replicas' }).fill('5');
    await scale.getByRole('button', { name: 'Scale' }).click();
    await expect(page.getByRole('group', { name: /^Pod web-/ })).toHaveCount(5);

    const first = page.getByRole('group', { name: POD }).first();
    const name = (await first.getAttribute('aria-label'))!.match(/^Pod (\S+),/)![1];
    await (await menuOf(page, first)).getByRole('menuitem', { name: 'Edit labels…' }).click();
    const dialog = page.getByRole('dialog', { name: `Labels of pod ${name}` });
    await dialog.getByRole('textbox', { name: 'Key' }).fill('tier');
    await dialog.getByRole('textbox', { name: 'Value' }).fill('fe');
    await dialog.getByRole('button', { name: 'Set label' }).click();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(page.getByRole('group', { name: new RegExp(`^Pod ${name},`) }).getByRole('button', { name: /^Label tier=fe/ })).toBeVisible();
  });

  test('the right mouse button opens the same menu; read-only embeds have none', async ({ page }) => {
    await open(page);
    await page.getByRole('button', { name: 'Fit graph to view' }).click();
    const pod = page.getByRole('group', { name: POD }).first();
    await pod.click({ button: 'right' });
    await expect(page.getByRole('menu')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('menu')).toBeHidden();
    await expect(pod.getByRole('button', { name: /^Actions for pod/ })).toBeVisible();

    await open(page, '&embed=1&readonly=1');
    await expect(page.getByRole('button', { name: /^Actions for pod/ })).toHaveCount(0);
  });

  test('a node menu opened from the keyboard keeps its focus while the cluster changes (focus jumped back to the pod, arrows did nothing)', async ({ page }) => {
    await open(page);
    // By its id: names change with the pod's state, and new pods come before it in the page.
    const id = await page.getByRole('group', { name: POD }).first().getAttribute('data-id');
    const pod = page.locator(`.react-flow__node[data-id="${id}"]`);
    const menu = await menuOf(page, pod);
    await expect(menu).toBeVisible();
    const items = menu.getByRole('menuitem');
    await expect(items.first()).toBeFocused();
    // The cluster changes under the open menu: new pods are created and start (an instructor's fault does the same).
    await page.evaluate(() => (window.__playground as { runCommand: (l: string, s: string) => void }).runCommand('kubectl scale deployment web --replicas=5', 'terminal'));
    await advance(page, 3_000);
    await expect(page.getByRole('group', { name: /^Pod web-/ })).toHaveCount(5);
    await expect(items.first()).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(items.nth(1)).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(menu).toBeHidden();
    await expect(pod).toBeFocused();
  });

  test('fits the whole picture into a 700×450 embed', async ({ page }) => {
    await page.setViewportSize({ width: 700, height: 450 });
    await open(page, '&embed=1');
    const pane = (await page.getByRole('region', { name: 'Cluster graph' }).boundingBox())!;
    expect(pane.width).toBeGreaterThan(600);
    const inside = async (name: RegExp) => {
      for (const el of await page.getByRole('group', { name }).all()) {
        const box = (await el.boundingBox())!;
        expect(box.x).toBeGreaterThanOrEqual(pane.x - 1);
        expect(box.y).toBeGreaterThanOrEqual(pane.y - 1);
        expect(box.x + box.width).toBeLessThanOrEqual(pane.x + pane.width + 1);
        expect(box.y + box.height).toBeLessThanOrEqual(pane.y + pane.height + 1);
      }
    };
    // Fitted to the pane, even though the pane was resized after the first paint.
    await expect(async () => {
      await inside(POD);
      await inside(/^Node node-/);
      await inside(/^Service web,/);
    }).toPass();
    // The buttons over the graph (Fit, System pods) cover no node frame.
    const fit = (await page.getByRole('button', { name: 'Fit graph to view' }).boundingBox())!;
    for (const el of await page.getByRole('group', { name: /^Node node-/ }).all()) {
      const box = (await el.boundingBox())!;
      const overlaps = box.x < fit.x + fit.width && fit.x < box.x + box.width && box.y < fit.y + fit.height && fit.y < box.y + box.height;
      expect(overlaps, 'the Fit button covers a node frame').toBe(false);
    }
    await page.screenshot({ path: test.info().outputPath('graph-700x450.png') });
  });

  test('with the inspector open on a 1280×800 laptop, the whole graph stays in view after clicking a pod', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await open(page);
    const canvas = page.locator('.graph-canvas');
    const inView = async () => {
      const pane = (await canvas.boundingBox())!;
      for (const el of await page.locator('.react-flow__node').all()) {
        const box = (await el.boundingBox())!;
        if (box.x < pane.x - 1 || box.y < pane.y - 1 || box.x + box.width > pane.x + pane.width + 1 || box.y + box.height > pane.y + pane.height + 1) return false;
      }
      return true;
    };
    // Clicking a pod opens the inspector and narrows the pane; the click is not a pan, so the
    // view still fits the whole picture (it used to stay zoomed for the wide pane, cut off at the right).
    await page.getByRole('group', { name: POD }).first().click();
    await expect(page.getByRole('region', { name: 'Inspector' })).toBeVisible();
    await expect.poll(inView).toBe(true);
    // Folding the lesson makes the pane taller: still fitted.
    await page.getByRole('button', { name: /Deployment behind a NodePort Service/ }).click();
    await expect.poll(inView).toBe(true);
    await page.screenshot({ path: test.info().outputPath('graph-1280x800-inspector.png') });
  });

  test('dark theme', async ({ page }) => {
    await open(page, '&theme=dark');
    const graph = page.getByRole('application', { name: /^Cluster graph/ });
    await expect(graph).toHaveCSS('background-color', 'rgb(15, 18, 22)');
    const pod = page.getByRole('group', { name: POD }).first().locator(':scope > *').first();
    await expect(pod).toHaveCSS('color', 'rgb(230, 233, 238)');
    await page.screenshot({ path: test.info().outputPath('graph-dark.png') });
  });
});
