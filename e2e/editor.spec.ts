// The YAML editor: typing (spaces and Backspace reach Monaco, not React Flow),
// kubectl's diagnostics on the right lines, schema completion and hover, applying
// with Ctrl+S and as you type, and the file tabs.
import type { Page } from '@playwright/test';
import { COMMAND_LINE_CHUNK, expect, holdChunk, test } from './fixtures';

interface EditorHook {
  getValue(): string;
  setValue(text: string): void;
  markers(): { message: string; line: number; owner: string; severity: number }[];
  pointAt(line: number, col: number): { x: number; y: number } | null;
  setCursor(line: number, col: number): void;
}
type Hooks = { editor?: EditorHook; getState(): { files: Record<string, string>; snapshot: { objects: Record<string, { metadata: { name: string }; spec?: { replicas?: number } }[]> } } };

const SERVICE = `apiVersion: v1
kind: Service
metadata:
  name: shop
spec:
  type: NodePort
  selector:
    app: shop
  ports:
    - port: 80
      nodePort: 80
`;

// Misspelt keys in ObjectMeta, PodSpec, Container and ContainerPort; a protocol only the schema marks.
const TYPO_DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: shop
  lables:
    app: shop
spec:
  selector:
    matchLabels:
      app: shop
  template:
    metadata:
      labels:
        app: shop
    spec:
      restartpolicy: Always
      containers:
        - name: shop
          image: nginx
          imagepullpolicy: Always
          ports:
            - containerport: 80
              protocol: tcp
`;

async function openEditor(page: Page): Promise<void> {
  await page.goto('./?test-hooks=1');
  await expect(page.getByRole('tab', { name: /web\.yaml/ })).toHaveAttribute('aria-selected', 'true');
  await page.waitForFunction(() => !!(window.__playground as Hooks | undefined)?.editor, null, { timeout: 20_000 });
}

const editorValue = (page: Page) => page.evaluate(() => (window.__playground as Hooks).editor!.getValue());
const setEditorValue = (page: Page, text: string) => page.evaluate((t) => (window.__playground as Hooks).editor!.setValue(t), text);
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

test.describe('the YAML editor', () => {
  test('shows the file at once, then the editor; typing spaces and Backspace lands in the file', async ({ page }) => {
    await page.goto('./?test-hooks=1');
    // Before Monaco arrives (or as it does), the file's text is on the page.
    await expect(page.getByText('kind: Deployment').first()).toBeVisible();
    await page.waitForFunction(() => !!(window.__playground as Hooks | undefined)?.editor, null, { timeout: 20_000 });
    const lines = (await editorValue(page)).split('\n').length;
    await page.evaluate((n) => (window.__playground as Hooks).editor!.setCursor(n, 1), lines);
    await page.keyboard.type('# a b c');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    expect((await editorValue(page)).endsWith('\n# a b')).toBe(true);
    // Every keystroke is in the store (what `kubectl apply -f web.yaml` reads and what persists).
    const stored = await page.evaluate(() => (window.__playground as Hooks).getState().files['web.yaml']);
    expect(stored.endsWith('\n# a b')).toBe(true);
    await expect(page.getByRole('tab', { name: /web\.yaml.*not applied/ })).toBeVisible();
  });

  test('a bad nodePort gets a marker on its line with the API server\'s text', async ({ page }) => {
    await openEditor(page);
    await setEditorValue(page, SERVICE);
    const message = 'The Service "shop" is invalid: spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767';
    const problems = page.getByRole('list', { name: 'Problems' });
    await expect(problems.getByRole('button', { name: `Line ${lineOf(SERVICE, 'nodePort')} ${message}` })).toBeVisible();
    const markers = await page.evaluate(() => (window.__playground as Hooks).editor!.markers());
    expect(markers).toContainEqual({ message, line: lineOf(SERVICE, 'nodePort'), owner: 'kubectl', severity: 8 });
    // Nothing was created by the check.
    const services = await page.evaluate(() => (window.__playground as Hooks).getState().snapshot.objects.Service.map((s) => s.metadata.name));
    expect(services).not.toContain('shop');
  });

  // Two checkers see a misspelt key: the schema's (monaco-yaml, `Property selecter is not
  // allowed.`) and the API server's strict decoding. The key gets one marker, kubectl's.
  // Each text also has a line only the schema marks (kubectl stops at the first error), so the
  // test knows the schema's check has run on it too before it counts the markers.
  const oneMarkerPerTypo = async (page: Page, text: string, typos: { key: string; message: string }[], schemaOnlyLine: string) => {
    await setEditorValue(page, text);
    const problems = page.getByRole('list', { name: 'Problems' });
    for (const { key, message } of typos) await expect(problems.getByRole('button', { name: `Line ${lineOf(text, key)} ${message}` })).toBeVisible();
    const markers = () => page.evaluate(() => (window.__playground as Hooks).editor!.markers());
    await expect.poll(async () => (await markers()).some((m) => m.owner === 'yaml' && m.line === lineOf(text, schemaOnlyLine)), { timeout: 15_000 }).toBe(true);
    const all = await markers();
    for (const { key, message } of typos) expect(all.filter((m) => m.line === lineOf(text, key))).toEqual([{ message, line: lineOf(text, key), owner: 'kubectl', severity: 8 }]);
  };

  test('a misspelt field in a Service spec gets one marker, kubectl\'s strict-decoding error, on its own line', async ({ page }) => {
    await openEditor(page);
    const text = SERVICE.replace('  selector:', '  sessionAffinity: Sticky\n  selecter:').replace('nodePort: 80', 'targetport: 8080');
    await oneMarkerPerTypo(
      page,
      text,
      [
        { key: 'selecter', message: 'Service in version "v1" cannot be handled as a Service: strict decoding error: unknown field "spec.selecter"' },
        { key: 'targetport', message: 'Service in version "v1" cannot be handled as a Service: strict decoding error: unknown field "spec.ports[0].targetport"' },
      ],
      'Sticky',
    );
  });

  test('a misspelt field in a Pod template, a container and its port gets one marker each, kubectl\'s', async ({ page }) => {
    await openEditor(page);
    const lead = 'Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field ';
    await oneMarkerPerTypo(
      page,
      TYPO_DEPLOYMENT,
      [
        { key: 'lables', message: `${lead}"metadata.lables"` },
        { key: 'restartpolicy', message: `${lead}"spec.template.spec.restartpolicy"` },
        { key: 'imagepullpolicy', message: `${lead}"spec.template.spec.containers[0].imagepullpolicy"` },
        { key: 'containerport', message: `${lead}"spec.template.spec.containers[0].ports[0].containerport"` },
      ],
      'protocol: tcp',
    );
  });

  test('a YAML syntax error and an unknown kind are marked on their lines', async ({ page }) => {
    await openEditor(page);
    const text = 'apiVersion: v1\nkind: Servce\nmetadata:\n  name: a\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: b: c\n';
    await setEditorValue(page, text);
    const problems = page.getByRole('list', { name: 'Problems' });
    await expect(problems.getByRole('button', { name: /^Line 9 error parsing web\.yaml: error converting YAML to JSON: yaml: line 4: mapping values are not allowed in this context/ })).toBeVisible();
    await expect(problems.getByRole('button', { name: /^Line 2 .*no matches for kind "Servce" in version "v1"/ })).toBeVisible();
    const markers = await page.evaluate(() => (window.__playground as Hooks).editor!.markers());
    expect(markers.filter((m) => m.owner === 'kubectl').map((m) => m.line).sort()).toEqual([2, 9]);
  });

  test('a wrong value gets one marker, kubectl\'s Unsupported value, not also the schema\'s', async ({ page }) => {
    await openEditor(page);
    // Line 10 lacks `port`: the schema's "Missing property" (kept: kubectl words it otherwise)
    // shows that the schema's check has run on this text before the markers are counted.
    const text = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: shop\nspec:\n  sessionAffinity: Sticky\n  selector:\n    app: shop\n  ports:\n    - name: http\n';
    await setEditorValue(page, text);
    const markers = () => page.evaluate(() => (window.__playground as Hooks).editor!.markers());
    await expect.poll(async () => (await markers()).some((m) => m.owner === 'yaml' && m.line === 10 && m.message === 'Missing property "port".'), { timeout: 15_000 }).toBe(true);
    await expect.poll(async () => (await markers()).filter((m) => m.line === 6)).toEqual([
      { message: 'The Service "shop" is invalid: spec.sessionAffinity: Unsupported value: "Sticky": supported values: "ClientIP", "None"', line: 6, owner: 'kubectl', severity: 8 },
    ]);
  });

  test('completion offers NodePort for a Service type; hover explains a field', async ({ page }) => {
    await openEditor(page);
    const text = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: shop\nspec:\n  type: \n  sessionAffinity: Sticky\n  ports:\n    - port: 80\n';
    await setEditorValue(page, text);
    // The checks have run (kubectl's marker on the unsupported sessionAffinity) before completion is asked for.
    await expect.poll(async () => (await page.evaluate(() => (window.__playground as Hooks).editor!.markers())).some((m) => m.line === 7), { timeout: 15_000 }).toBe(true);

    await page.evaluate(() => (window.__playground as Hooks).editor!.setCursor(6, 9));
    await page.keyboard.press('Control+Space');
    // Monaco's rows are options or list items depending on its accessibility mode.
    await expect(page.getByRole('listbox', { name: 'Suggest' }).getByText('NodePort', { exact: true })).toBeVisible({ timeout: 15_000 });
    await page.keyboard.press('Escape');

    const point = await page.evaluate(() => (window.__playground as Hooks).editor!.pointAt(6, 4));
    await page.mouse.move(point!.x, point!.y);
    await expect(page.getByText(/type determines how the Service is exposed/).first()).toBeVisible({ timeout: 15_000 });
  });

  test('Ctrl+S applies the file: the terminal shows the command and the cluster changes', async ({ page }) => {
    await openEditor(page);
    const text = (await editorValue(page)).replace('replicas: 3', 'replicas: 2');
    await setEditorValue(page, text);
    await page.evaluate(() => (window.__playground as Hooks).editor!.setCursor(1, 1));
    await page.keyboard.press('Control+s');
    await expect(page.getByRole('status').filter({ hasText: 'deployment.apps/web configured' })).toBeVisible();
    await expect(page.getByRole('tab', { name: 'web.yaml', exact: true })).toBeVisible();
    const replicas = await page.evaluate(() => (window.__playground as Hooks).getState().snapshot.objects.Deployment.find((d) => d.metadata.name === 'web')?.spec?.replicas);
    expect(replicas).toBe(2);
    const terminal = await page.evaluate(() => (window.__playground as { terminalText?: () => string }).terminalText?.() ?? document.body.innerText);
    expect(terminal).toContain('kubectl apply -f web.yaml');
  });

  test('apply as you type applies a valid file after a pause, never an invalid one', async ({ page }) => {
    await openEditor(page);
    await page.getByRole('switch', { name: 'Apply as you type' }).check();
    await setEditorValue(page, SERVICE);
    await expect(page.getByRole('list', { name: 'Problems' })).toBeVisible();
    await page.waitForTimeout(1200);
    await expect(page.getByRole('status').filter({ hasText: /configured|created/ })).toHaveCount(0);
    await setEditorValue(page, SERVICE.replace('nodePort: 80', 'nodePort: 30080'));
    await expect(page.getByRole('status').filter({ hasText: 'Auto-applied: service/shop created' })).toBeVisible();
  });

  test('files can be created, renamed and deleted from the keyboard', async ({ page }) => {
    await openEditor(page);
    await page.getByRole('button', { name: 'New file' }).click();
    const untitled = page.getByRole('tab', { name: /untitled-1\.yaml/ });
    await expect(untitled).toHaveAttribute('aria-selected', 'true');

    await untitled.focus();
    await page.keyboard.press('F2');
    const input = page.getByRole('textbox', { name: 'New name for untitled-1.yaml' });
    await input.fill('web.yaml');
    await expect(input).toHaveAccessibleDescription('A file named web.yaml already exists.');
    await input.fill('shop/x.yaml');
    await expect(input).toHaveAccessibleDescription('File names cannot contain slashes.');
    await input.fill('shop.yaml');
    await input.press('Enter');
    const shop = page.getByRole('tab', { name: /shop\.yaml/ });
    await expect(shop).toHaveAttribute('aria-selected', 'true');
    await expect(shop).toBeFocused();

    // Roving focus between tabs.
    await page.keyboard.press('ArrowLeft');
    await expect(page.getByRole('tab', { name: /web\.yaml/ })).toBeFocused();
    await page.keyboard.press('ArrowRight');
    await expect(shop).toBeFocused();

    await page.keyboard.press('Delete');
    const dialog = page.getByRole('alertdialog', { name: 'Delete shop.yaml?' });
    await dialog.getByRole('button', { name: 'Delete' }).click();
    await expect(page.getByRole('tab', { name: /shop\.yaml/ })).toHaveCount(0);
    await expect(page.getByRole('tab', { name: /web\.yaml/ })).toHaveAttribute('aria-selected', 'true');
  });

  test('a file written elsewhere shows up as a tab', async ({ page }) => {
    await openEditor(page);
    await page.evaluate(() => (window.__playground as { writeFile(p: string, t: string): void }).writeFile('live-web.yaml', 'apiVersion: v1\nkind: Service\n'));
    await expect(page.getByRole('tab', { name: /live-web\.yaml/ })).toBeVisible();
  });
});


test('after a reload, only tabs changed since they were last applied are marked, from the first picture on', async ({ page }) => {
  type Run = { runCommand(line: string, source: string): { exitCode: number }; writeFile(p: string, t: string): void };
  await page.goto('./?test-hooks=1');
  await page.waitForFunction(() => typeof window.__playground?.runCommand === 'function');
  await page.evaluate(() => {
    const pg = window.__playground as unknown as Run;
    pg.writeFile('shop.yaml', 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n');
    pg.runCommand('kubectl apply -f shop.yaml', 'terminal');
    pg.writeFile('draft.yaml', 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: draft\n');
  });
  const clean = (name: string) => page.getByRole('tab', { name, exact: true });
  const expectMarkers = async () => {
    await expect(clean('web.yaml')).toBeVisible();
    await expect(clean('shop.yaml')).toBeVisible();
    await expect(page.getByRole('tab', { name: 'draft.yaml (not applied)', exact: true })).toBeVisible();
    await expect(page.getByRole('tab', { name: /not applied/ })).toHaveCount(1);
  };
  await expectMarkers();
  await page.evaluate(() => dispatchEvent(new Event('pagehide'))); // save now

  // The saved files show before the command line (and so the session) has arrived: their markers must already be right.
  const release = await holdChunk(page, COMMAND_LINE_CHUNK);
  await page.reload();
  await expectMarkers();
  release();
  await page.waitForFunction(() => typeof window.__playground?.runCommand === 'function');
  await expectMarkers();
  // The session is running: applying the draft clears its marker.
  await page.evaluate(() => (window.__playground as unknown as Run).runCommand('kubectl apply -f draft.yaml', 'terminal'));
  await expect(clean('draft.yaml')).toBeVisible();
  await expect(page.getByRole('tab', { name: /not applied/ })).toHaveCount(0);
});

test('before the command line has loaded, the schema marks misspelt container fields; then kubectl\'s markers take their place', async ({ page }) => {
  const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: shop\nspec:\n  containers:\n    - name: shop\n      image: nginx\n      imagepullpolicy: Always\n      ports:\n        - containerport: 80\n';
  await openEditor(page);
  await page.evaluate((t) => (window.__playground as unknown as { writeFile(p: string, t: string): void }).writeFile('typo.yaml', t), text);
  await page.getByRole('tab', { name: /^typo\.yaml/ }).click();
  await page.evaluate(() => dispatchEvent(new Event('pagehide'))); // save now

  const release = await holdChunk(page, COMMAND_LINE_CHUNK);
  await page.reload();
  await expect(page.getByRole('tab', { name: /^typo\.yaml/ })).toHaveAttribute('aria-selected', 'true');
  // Only the schema can check yet: a warning on each misspelt key (Container, ContainerPort).
  const monaco = page.getByTestId('monaco-host');
  await expect(monaco.locator('.squiggly-warning')).toHaveCount(2, { timeout: 20_000 });
  await expect(monaco.locator('.squiggly-error')).toHaveCount(0);
  await monaco.locator('.view-line', { hasText: 'containerport' }).getByText('containerport').hover();
  await expect(page.getByText('Property containerport is not allowed.')).toBeVisible();

  release();
  await page.waitForFunction(() => !!(window.__playground as Hooks | undefined)?.editor, null, { timeout: 20_000 });
  const lead = 'Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field ';
  const markers = () => page.evaluate(() => (window.__playground as Hooks).editor!.markers().sort((a, b) => a.line - b.line));
  await expect.poll(markers, { timeout: 15_000 }).toEqual([
    { message: `${lead}"spec.containers[0].imagepullpolicy"`, line: lineOf(text, 'imagepullpolicy'), owner: 'kubectl', severity: 8 },
    { message: `${lead}"spec.containers[0].ports[0].containerport"`, line: lineOf(text, 'containerport'), owner: 'kubectl', severity: 8 },
  ]);
  await expect(monaco.locator('.squiggly-error')).toHaveCount(2);
  await expect(monaco.locator('.squiggly-warning')).toHaveCount(0);
});

test('read-only pages show the file but offer no editing', async ({ page }) => {
  await page.goto('./?readonly=1&test-hooks=1');
  await page.waitForFunction(() => !!(window.__playground as Hooks | undefined)?.editor, null, { timeout: 20_000 });
  await expect(page.getByRole('tab', { name: /web\.yaml/ })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Apply/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'New file' })).toHaveCount(0);
  const before = await editorValue(page);
  await page.evaluate(() => (window.__playground as Hooks).editor!.setCursor(1, 1));
  await page.keyboard.type('x');
  expect(await editorValue(page)).toBe(before);
});

test.describe('the file tabs', () => {
  type Pg = { runCommand(line: string, source: string): { exitCode: number }; writeFile(p: string, t: string): void; advanceTime(ms: number): void };
  const hooksReady = (page: Page) => page.waitForFunction(() => typeof window.__playground?.runCommand === 'function');
  const tabs = (page: Page) => page.getByRole('tablist', { name: 'Workspace files' }).getByRole('tab');

  test('keep the order they were created in, while time runs and after a reload', async ({ page }) => {
    await page.goto('./?test-hooks=1');
    await hooksReady(page);
    await page.evaluate(() => {
      const pg = window.__playground as unknown as Pg;
      pg.writeFile('zeta.yaml', 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: zeta\n');
      pg.writeFile('alpha.yaml', 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: alpha\n');
      pg.advanceTime(1000); // the cluster is read again (it lists its files by name)
    });
    const order = [/^web\.yaml/, /^zeta\.yaml/, /^alpha\.yaml/];
    await expect(tabs(page)).toHaveText(order);
    await page.evaluate(() => dispatchEvent(new Event('pagehide'))); // save now

    // The first picture (before the command line arrives) and the running session show the same order.
    const release = await holdChunk(page, COMMAND_LINE_CHUNK);
    await page.reload();
    await expect(tabs(page)).toHaveText(order);
    release();
    await hooksReady(page);
    await expect(tabs(page)).toHaveText(order);
  });

  test('deleting the open tab opens the tab to its right, or to its left when it was the last', async ({ page }) => {
    await page.goto('./?test-hooks=1');
    await hooksReady(page);
    await page.evaluate(() => {
      const pg = window.__playground as unknown as Pg;
      for (const name of ['zeta.yaml', 'alpha.yaml', 'mid.yaml']) pg.writeFile(name, '');
    });
    await expect(tabs(page)).toHaveText([/^web\.yaml/, /^zeta\.yaml/, /^alpha\.yaml/, /^mid\.yaml/]);
    const tab = (name: string) => page.getByRole('tab', { name: new RegExp(`^${name.replace('.', '\\.')}`) });
    const remove = async (name: string) => {
      await tab(name).click();
      await page.getByRole('button', { name: 'Delete file' }).click();
      await page.getByRole('alertdialog', { name: `Delete ${name}?` }).getByRole('button', { name: 'Delete' }).click();
      await expect(tab(name)).toHaveCount(0);
    };
    await remove('zeta.yaml');
    await expect(tab('alpha.yaml')).toHaveAttribute('aria-selected', 'true');
    await expect(tab('alpha.yaml')).toBeFocused();
    await remove('mid.yaml');
    await expect(tab('alpha.yaml')).toHaveAttribute('aria-selected', 'true');
  });

  test('an example\'s files show no "not applied" dot while the example starts on a slow load', async ({ page }) => {
    const release = await holdChunk(page, COMMAND_LINE_CHUNK);
    await page.goto('./?scenario=network-policy&test-hooks=1');
    // apps.yaml and deny.yaml are applied by the example as it starts; allow.yaml is the learner's next step.
    await expect(tabs(page)).toHaveText([/^apps\.yaml/, /^deny\.yaml/, /^allow\.yaml/]);
    await expect(page.getByRole('tab', { name: 'apps.yaml', exact: true })).toHaveAttribute('title', 'apps.yaml — the example applies it as it starts');
    await expect(page.getByRole('tab', { name: 'deny.yaml', exact: true })).toBeVisible();
    await expect(page.getByRole('tab', { name: 'allow.yaml (not applied)', exact: true })).toBeVisible();
    await expect(page.getByRole('tab', { name: /not applied/ })).toHaveCount(1);

    release();
    await hooksReady(page);
    await expect(page.getByRole('tab', { name: 'apps.yaml', exact: true })).toHaveAttribute('title', 'apps.yaml');
    await expect(page.getByRole('tab', { name: /not applied/ })).toHaveCount(1);
    // From here markers behave as always: an edit shows one, Apply clears it.
    await page.evaluate(() => (window.__playground as unknown as Pg).writeFile('deny.yaml', 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: edited\n'));
    await expect(page.getByRole('tab', { name: 'deny.yaml (not applied)', exact: true })).toBeVisible();
    await page.getByRole('tab', { name: /^deny\.yaml/ }).click();
    await page.getByRole('button', { name: /^Apply/ }).click();
    await expect(page.getByRole('tab', { name: 'deny.yaml', exact: true })).toBeVisible();
    await expect(page.getByRole('tab', { name: /not applied/ })).toHaveCount(1);
  });

  test('the welcome file shows no "not applied" dot on a slow first visit', async ({ page }) => {
    const release = await holdChunk(page, COMMAND_LINE_CHUNK);
    await page.goto('./?test-hooks=1');
    await expect(page.getByRole('tab', { name: 'web.yaml', exact: true })).toBeVisible();
    release();
    await hooksReady(page);
    await expect(page.getByRole('tab', { name: 'web.yaml', exact: true })).toHaveAttribute('title', 'web.yaml');
  });

  test('when the session was too long to replay, its tabs come back not applied and a notice says why', async ({ page }) => {
    await page.goto('./?test-hooks=1');
    await hooksReady(page);
    await page.evaluate(() => {
      const pg = window.__playground as unknown as Pg;
      pg.writeFile('shop.yaml', 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n');
      pg.runCommand('kubectl apply -f shop.yaml', 'terminal');
      for (let i = 0; i < 2001; i++) pg.runCommand('kubectl get ns', 'toolbar'); // past the replay log's cap
    });
    await expect(page.getByRole('status').filter({ hasText: 'This session passed 2,000 steps, too many to replay' })).toBeVisible();
    await expect(page.getByRole('tab', { name: /not applied/ })).toHaveCount(0);
    await page.evaluate(() => dispatchEvent(new Event('pagehide'))); // save now

    const release = await holdChunk(page, COMMAND_LINE_CHUNK);
    await page.reload();
    // Marked from the first picture on, not only once the session has started.
    await expect(page.getByRole('tab', { name: 'web.yaml (not applied)', exact: true })).toBeVisible();
    await expect(page.getByRole('tab', { name: 'shop.yaml (not applied)', exact: true })).toHaveAttribute('title', 'shop.yaml — not applied yet');
    release();
    await hooksReady(page);
    await expect(page.getByRole('status').filter({ hasText: 'Your last session was too long to replay, so the cluster started fresh. Your files are back, marked as not applied: apply them to create their objects again.' })).toBeVisible();
    await expect(page.getByRole('tab', { name: /not applied/ })).toHaveCount(2);
    expect(await page.evaluate(() => (window.__playground as unknown as Pg).runCommand('kubectl get namespace shop', 'terminal').exitCode)).toBe(1);
    // Applying a file clears its marker.
    await page.getByRole('tab', { name: /^shop\.yaml/ }).click();
    await page.getByRole('button', { name: /^Apply/ }).click();
    await expect(page.getByRole('tab', { name: 'shop.yaml', exact: true })).toBeVisible();
    await expect(page.getByRole('tab', { name: /not applied/ })).toHaveCount(1);
  });
});
