// Scenario 7: the cluster view and the rollout commands against the local test API server, through the real kubectl.
import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { startTestCluster, type TestCluster } from '../../support/apiserver';
import type { Scenario } from '../lib/scenario';
import { waitFor } from '../lib/wait';

const WEB = 'apps/v1/namespaces/shop/deployments/web';
let cluster: TestCluster | undefined;

const imageOf = (c: TestCluster): string => c.get(WEB)?.spec?.template?.spec?.containers?.[0]?.image ?? '(no deployment)';

/** A row of the side bar's tree with exactly this label. */
export function treeRow(page: Page, label: string) {
  return page.locator('.part.sidebar .monaco-list-row', { has: page.locator('.label-name', { hasText: new RegExp(`^${label}$`) }) }).first();
}

/** Expands a collapsed tree item (a click toggles it) and waits until it reports being expanded. */
export async function expand(page: Page, label: string): Promise<void> {
  const row = treeRow(page, label);
  await row.waitFor({ timeout: 60_000 });
  if ((await row.getAttribute('aria-expanded')) !== 'true') await row.click();
  await waitFor(`tree item "${label}" to expand`, async () => (await row.getAttribute('aria-expanded')) === 'true', 30_000);
}

/** Picks the Quick Pick row whose label is exactly `label`. */
async function pick(page: Page, label: string, described?: RegExp): Promise<void> {
  const row = page.locator('.quick-input-list .monaco-list-row', { has: page.locator('.label-name', { hasText: new RegExp(`^${label}$`) }) }).first();
  await row.waitFor({ timeout: 60_000 });
  if (described) assert.match(await row.innerText(), described);
  await row.click();
}

export const clusterRollback: Scenario = {
  slug: 'cluster',
  title: 'the cluster view lists the test cluster\'s deployments; Rollout Undo reverts the image; Rollout Status reports',
  fixture: 'cluster',
  async setup({ settings }) {
    cluster = await startTestCluster({ seed: true });
    settings['stevedore.kubeconfig'] = cluster.kubeconfig;
    assert.equal(imageOf(cluster), 'registry.example.com/web:1.2.0', 'the seeded cluster starts at web 1.2.0');
    return async () => {
      await cluster?.close();
      cluster = undefined;
    };
  },
  async run({ page, wb, shot }) {
    const c = cluster!;
    // The view container in the activity bar, then context → namespace → Deployments.
    await page.locator('.activitybar .action-item a[aria-label^="Kubernetes (Stevedore)"]').click();
    await expand(page, 'stevedore-test');
    await expand(page, 'shop');
    await expand(page, 'Deployments');
    await treeRow(page, 'web').waitFor();
    await treeRow(page, 'worker').waitFor();
    // Seeded: three rollouts (1.0.0 → 1.1.0 → 1.2.0), three replicas.
    assert.match(await treeRow(page, 'web').innerText(), /3\/3 ready · rev 3/);
    await shot('cluster');

    await wb.runCommand('Stevedore: Roll Back (Rollout Undo)…');
    await pick(page, 'web');
    await pick(page, 'Revision 2', /1\.1\.0/);
    await page.locator('.monaco-dialog-box').waitFor();
    await shot('rollback-confirm');
    const question = await wb.answerDialog('Roll Back');
    assert.match(question, /Roll back deployment "web" to revision 2\?/);
    await waitFor('the test cluster to run web 1.1.0 again', () => imageOf(c) === 'registry.example.com/web:1.1.0', 60_000);
    await wb.waitForNotification(/Deployment "web" rolled out successfully/);
    // The rollback is a new revision (4) with the old template; the view refreshes after the change.
    await waitFor('the cluster view to show revision 4 of web', async () => /rev 4/.test(await treeRow(page, 'web').innerText()), 30_000);

    await wb.runCommand('Notifications: Clear All Notifications');
    await page.locator('.notifications-toasts .notification-toast').first().waitFor({ state: 'detached' });
    await wb.runCommand('Stevedore: Rollout Status');
    await pick(page, 'web');
    const status = await wb.waitForNotification(/Deployment "web" rolled out successfully/);
    assert.match(status, /\(shop · stevedore-test\)/);
    assert.equal(imageOf(c), 'registry.example.com/web:1.1.0', 'Rollout Status changes nothing');
  },
};
