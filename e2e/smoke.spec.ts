import { expect, test } from './fixtures';

test.describe('the playground page', () => {
  test('loads and lists the objects of the simulated cluster', async ({ page }) => {
    await page.goto('./');
    await expect(page).toHaveTitle('Services Playground');
    await expect(page.getByRole('heading', { level: 1, name: 'Services Playground' })).toBeVisible();

    const services = page.getByRole('table', { name: 'Service' });
    await expect(services.getByRole('row', { name: 'default kubernetes', exact: true })).toBeVisible();
    await expect(services.getByRole('row', { name: 'kube-system kube-dns', exact: true })).toBeVisible();
    const nodes = page.getByRole('table', { name: 'Node' });
    for (const name of ['node-1', 'node-2', 'node-3']) {
      await expect(nodes.getByRole('cell', { name, exact: true })).toBeVisible();
    }
    // The welcome manifest was applied while the page started.
    await expect(page.getByText('$ kubectl apply -f welcome.yaml')).toBeVisible();
  });

  test('runs a command typed in the command box', async ({ page }) => {
    await page.goto('./');
    const command = page.getByRole('textbox', { name: 'Command' });
    await command.fill('kubectl get ns');
    await command.press('Enter');

    const output = page.getByLabel('Command output');
    await expect(output.getByText('$ kubectl get ns')).toBeVisible();
    await expect(command).toHaveValue('');
    // The page re-reads the cluster after each command and keeps listing its objects.
    const namespaces = page.getByRole('table', { name: 'Namespace' });
    await expect(namespaces.getByRole('row')).toHaveCount(5); // header + 4 namespaces
  });
});

test.describe('the welcome manifest', () => {
  test('is applied and settled when the page opens', async ({ page }) => {
    await page.goto('./');
    const output = page.getByLabel('Command output');
    await expect(output.getByText('deployment.apps/web created')).toBeVisible();
    await expect(output.getByText('service/web created')).toBeVisible();

    await expect(page.getByRole('table', { name: 'Service' }).getByRole('row', { name: 'default web', exact: true })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Deployment' }).getByRole('row', { name: 'default web', exact: true })).toBeVisible();
    // Three nginx replicas, named <deployment>-<pod-template-hash>-<5 chars>.
    await expect(page.getByRole('table', { name: 'Pod' }).getByRole('row', { name: /^default web-[a-z0-9]+-[a-z0-9]{5}$/ })).toHaveCount(3);

    const command = page.getByRole('textbox', { name: 'Command' });
    await command.fill('kubectl get ns');
    await command.press('Enter');
    await expect(output.locator('pre').last()).toContainText(/NAME\s+STATUS\s+AGE\s+default\s+Active/);
  });
});
