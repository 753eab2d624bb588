// Scenario 8: a folder the user does not trust. Language features work; the cluster view, the cluster commands and
// the rollout lenses are off, and nothing reaches the cluster — although the user settings point at a working
// kubeconfig (the test API server of scenario 7). Granting trust turns the cluster features on without a reload.
import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { startTestCluster, type TestCluster } from '../../support/apiserver';
import type { Scenario } from '../lib/scenario';
import { waitFor } from '../lib/wait';
import type { Workbench } from '../lib/workbench';

const DISABLED = 'Cluster features are disabled in untrusted workspaces.';
/** Runs stevedore.rolloutStatus by id: keybindings ignore the command palette's `when`. */
const ROLLOUT_STATUS_KEY = { vscode: 'ctrl+alt+shift+r', playwright: 'Control+Alt+Shift+R' };
let cluster: TestCluster | undefined;

/** The rows of the Clusters view (the only view of the "Kubernetes (Stevedore)" container) as their labels. */
async function clusterRows(page: Page): Promise<string[]> {
  const labels = await page.locator('.part.sidebar .monaco-list-row .label-name').allInnerTexts();
  return labels.map((l) => l.trim());
}

/** Shows the "Kubernetes (Stevedore)" side bar (its activity bar item toggles: a click on the open one closes it). */
async function showClustersView(page: Page): Promise<void> {
  const title = page.locator('.part.sidebar .composite.title', { hasText: /Kubernetes \(Stevedore\)/i });
  if (await title.isVisible()) return;
  await page.locator('.activitybar .action-item a[aria-label^="Kubernetes (Stevedore)"]').click();
  await title.waitFor();
}

/** What the command palette offers for `filter`: command labels, or [] when it says "No matching commands". */
async function paletteOffers(wb: Workbench, filter: string, word = 'Stevedore'): Promise<string[]> {
  const page = wb.page;
  await page.keyboard.press('Control+Shift+P');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor();
  await input.fill(`>${filter}`);
  const rows = page.locator('.quick-input-list .monaco-list-row .label-name');
  // The list filters as the text arrives (fuzzy: "Kubernetes (Stevedore): Focus on Clusters View" matches too). Wait
  // until every row names `word` (the unfiltered list, recently used commands first, does not) or the "no results" row.
  let texts: string[] = [];
  const labels = await waitFor(`the command palette to filter on "${filter}"`, async () => {
    texts = (await rows.allInnerTexts()).map((t) => t.trim());
    if (texts.length === 1 && texts[0] === 'No matching commands') return [];
    return texts.length && texts.every((t) => t.includes(word)) ? texts : undefined;
  }).catch((e: Error) => {
    throw new Error(`${e.message}; it lists: ${texts.join(' | ')}`);
  });
  await page.keyboard.press('Escape');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  return labels;
}

export const untrustedWorkspace: Scenario = {
  slug: 'untrusted',
  title: 'an untrusted folder: Restricted Mode, Dockerfile findings shown, cluster view/commands/lenses off, no kubectl request; trust turns them on',
  fixture: 'untrusted',
  workspaceTrust: true,
  async setup({ settings, keybindings }) {
    cluster = await startTestCluster({ seed: true });
    // A user setting (not a workspace one, which Restricted Mode would ignore): a trusted window lists its contexts.
    settings['stevedore.kubeconfig'] = cluster.kubeconfig;
    keybindings.push({ key: ROLLOUT_STATUS_KEY.vscode, command: 'stevedore.rolloutStatus' });
    return async () => {
      await cluster?.close();
      cluster = undefined;
    };
  },
  async run({ page, wb, shot, log }) {
    const c = cluster!;
    const before = c.requests.length;

    // The startup question: do you trust the authors? → no.
    await page.locator('.monaco-dialog-box').waitFor({ timeout: 60_000 });
    await shot('prompt');
    const question = await wb.answerDialog(/No, I don.t trust the authors/);
    assert.match(question, /trust the authors/i, 'the dialog asks about trusting the authors');
    // The status bar says "Restricted Mode" from the start (also while the question is open); the banner comes with the answer.
    await page.locator('.part.banner', { hasText: 'Restricted Mode is intended for safe code browsing' }).waitFor();
    await page.locator('.statusbar-item', { hasText: 'Restricted Mode' }).first().waitFor();

    // Language features: squiggles and a Problems entry on the consecutive RUNs.
    await wb.openFile('Dockerfile');
    await wb.waitForSquiggles(['warning']);
    const rows = await wb.waitForProblems(['merge-run']);
    assert.ok(rows.find((r) => r.includes('merge-run'))!.some((l) => /2 consecutive RUN instructions/.test(l)), 'the merge-run entry names the two RUNs');

    // The Deployment's lens says what points at it, with no rollout actions.
    await wb.openFile('k8s/deployment.yaml');
    const lens = page.locator('.codelens-decoration', { hasText: 'no Service · no autoscaler' }).first();
    await lens.waitFor({ timeout: 60_000 });
    const lensText = (await page.locator('.codelens-decoration').allInnerTexts()).join(' | ');
    assert.doesNotMatch(lensText, /Rollout/, `no rollout lens while untrusted, the lenses say: ${lensText}`);

    // The Clusters view: one item saying the features are off, no contexts.
    await showClustersView(page);
    const disabled = await waitFor('the Clusters view to show its untrusted item', async () => {
      const labels = await clusterRows(page);
      return labels.includes(DISABLED) ? labels : undefined;
    }, 60_000);
    assert.deepEqual(disabled, [DISABLED], 'the view lists only the disabled item');
    await page.mouse.move(700, 300); // away from the activity bar, whose tooltip would cover the view
    await shot('clusters');

    // The command palette hides the cluster commands; run by id (a keybinding), Rollout Status only warns.
    const offered = await paletteOffers(wb, 'Stevedore: Rollout');
    assert.ok(!offered.some((l) => /^Stevedore: Roll/.test(l)), `no rollout command in the palette; it offers: ${offered.join(' | ')}`);
    await wb.focusEditor();
    await page.keyboard.press(ROLLOUT_STATUS_KEY.playwright);
    await wb.waitForNotification(new RegExp(DISABLED.replace(/\./g, '\\.')));
    const toast = page.locator('.notifications-toasts .notification-toast').first();
    let last: string | undefined;
    await waitFor('the notification to finish sliding in', async () => {
      const box = JSON.stringify(await toast.boundingBox());
      const still = box === last;
      last = box;
      return still;
    }, 10_000, 150);
    await shot('untrusted');
    assert.equal(await page.locator('.quick-input-widget').isVisible(), false, 'no Deployment picker opened');
    const untrustedRequests = c.requests.slice(before);
    assert.deepEqual(untrustedRequests.map((r) => `${r.method} ${r.path}`), [], 'no kubectl request reached the test cluster while untrusted');
    assert.deepEqual(await clusterRows(page), [DISABLED], 'the view still lists only the disabled item');
    await wb.runCommand('Notifications: Clear All Notifications');
    await toast.waitFor({ state: 'detached' });

    // Trust the folder: the view lists the kubeconfig's contexts without a reload, the commands come back.
    await wb.runCommand('Workspaces: Manage Workspace Trust');
    const trustButton = page.locator('.workspace-trust-editor .monaco-button', { hasText: /^Trust$/ }).first();
    await trustButton.waitFor();
    await trustButton.click();
    await page.locator('.statusbar-item', { hasText: 'Restricted Mode' }).first().waitFor({ state: 'detached' });
    await showClustersView(page);
    const contexts = await waitFor('the Clusters view to list the test cluster\'s contexts', async () => {
      const labels = await clusterRows(page);
      return labels.includes('stevedore-test') ? labels : undefined;
    }, 60_000);
    assert.ok(!contexts.includes(DISABLED), `the disabled item is gone: ${contexts.join(', ')}`);
    assert.ok(contexts.includes('prod-eu'), `the kubeconfig's contexts are listed: ${contexts.join(', ')}`);
    // Contexts come from the kubeconfig file; a namespace list is the first kubectl call, and the request log shows it
    // (so the empty log above is not a blind spot of the harness).
    const context = page.locator('.part.sidebar .monaco-list-row', { has: page.locator('.label-name', { hasText: /^stevedore-test$/ }) }).first();
    if ((await context.getAttribute('aria-expanded')) !== 'true') await context.click();
    await page.locator('.part.sidebar .monaco-list-row .label-name', { hasText: /^shop$/ }).first().waitFor({ timeout: 60_000 });
    assert.ok(c.requests.length > before, 'the namespace list reached the test cluster once trusted');
    assert.ok((await paletteOffers(wb, 'Stevedore: Rollout')).includes('Stevedore: Rollout Status'), 'the palette offers Rollout Status once trusted');
    await shot('trusted');
    // Granting trust asks for the open documents' lenses again: the rollout lenses come back without an edit.
    await wb.openFile('k8s/deployment.yaml');
    await page.keyboard.press('Control+Home'); // lenses are drawn for visible lines only; this one sits on line 1
    await page.locator('.codelens-decoration', { hasText: 'Rollout status' }).first().waitFor({ timeout: 60_000 });
    await shot('trusted-lenses');
    log(`  untrusted: 0 requests to the test cluster; trusted view: ${contexts.join(', ')}`);
  },
};
