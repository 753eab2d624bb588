// Scenarios 5–6: Kubernetes manifests (autoscaling and cross-resource findings, "Fill in HPA") and snippets.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import type { Scenario } from '../lib/scenario';
import { expandSnippet } from '../lib/snippet';
import { waitForFile } from '../lib/wait';

const repo = path.join(__dirname, '..', '..', '..');

export const hpa: Scenario = {
  slug: 'hpa',
  title: 'a Kubernetes manifest shows the HPA and cross-resource findings; "Fill in HPA" completes the HPA',
  fixture: 'kubernetes',
  async run({ wb, folder, shot }) {
    await wb.openFile('deployment.yaml');
    await wb.openFile('service.yaml');
    await wb.openFile('hpa.yaml');
    await wb.waitForSquiggles(['error', 'info']);
    // hpa-cpu-without-requests, replicas-with-autoscaler and service-target-port each need another file to decide.
    const rows = await wb.waitForProblems(['hpa-incomplete', 'hpa-cpu-without-requests', 'replicas-with-autoscaler', 'service-target-port', 'missing-resources']);
    const cpu = rows.find((r) => r.includes('hpa-cpu-without-requests'))!;
    assert.ok(cpu.some((l) => /container web of Deployment web has no cpu request/.test(l)), cpu.join(' · '));
    await shot('kubernetes');
    await wb.openFile('hpa.yaml');
    await wb.goToLine(5);
    await wb.codeAction('Fill in HPA');
    await wb.save();
    const file = path.join(folder, 'hpa.yaml');
    const text = await waitForFile(file, (t) => /behavior:/.test(t), 'the saved HPA with behavior');
    const spec = parse(text).spec;
    assert.deepEqual(spec.scaleTargetRef, { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' });
    assert.equal(spec.minReplicas, 2);
    assert.equal(spec.maxReplicas, 6);
    assert.deepEqual(spec.metrics, [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } }]);
    assert.deepEqual(spec.behavior, { scaleDown: { stabilizationWindowSeconds: 300 } });
    await wb.waitForNoProblem('hpa-incomplete');
  },
};

interface SnippetDef {
  prefix: string;
  body: string | string[];
}

/** The Deployment snippet as the packaged extension contributes it (fails clearly when it is not contributed). */
function deploymentSnippet(): SnippetDef {
  const manifest = JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8'));
  const contributed: Array<{ language: string; path: string }> = manifest.contributes?.snippets ?? [];
  const entry = contributed.find((s) => s.language === 'yaml' && s.path.includes('kubernetes'));
  if (!entry) throw new Error('package.json contributes no Kubernetes snippets for yaml (contributes.snippets → snippets/kubernetes.json)');
  const defs: Record<string, SnippetDef> = JSON.parse(fs.readFileSync(path.join(repo, entry.path), 'utf8'));
  const def = Object.values(defs).find((d) => d.prefix === 'k8s-deployment');
  if (!def) throw new Error(`${entry.path} has no snippet with prefix k8s-deployment`);
  return def;
}

export const snippets: Scenario = {
  slug: 'snippet',
  title: 'typing k8s-deployment in an empty YAML file inserts a Deployment with tab stops',
  fixture: 'snippets',
  async run({ wb, folder, shot }) {
    const def = deploymentSnippet();
    await wb.openFile('deployment.yaml');
    await wb.page.keyboard.type(def.prefix);
    await wb.page.keyboard.press('Control+Space');
    const item = wb.page.locator('.suggest-widget .monaco-list-row', { has: wb.page.locator('.label-name', { hasText: /^k8s-deployment$/ }) }).first();
    await item.waitFor();
    await item.click();
    await wb.page.locator('.suggest-widget').waitFor({ state: 'hidden' });
    // Tab stop 1 (the name, mirrored in labels, selector and container name), 2 (the image), 3 (the port, mirrored in the probes).
    const typed = { 1: 'checkout', 2: 'ghcr.io/acme/checkout:2.1.0', 3: '9000' };
    await wb.page.keyboard.type(typed[1]);
    await wb.page.keyboard.press('Tab');
    await wb.page.keyboard.type(typed[2]);
    await wb.page.keyboard.press('Tab');
    await wb.page.keyboard.type(typed[3]);
    await shot('snippet');
    await wb.page.keyboard.press('Escape');
    await wb.save();
    const expected = expandSnippet(def.body, typed);
    const text = await waitForFile(path.join(folder, 'deployment.yaml'), (t) => t.includes('kind: Deployment'), 'the saved Deployment');
    assert.equal(text, expected);
    const doc = parse(text);
    assert.equal(doc.metadata.name, 'checkout');
    assert.deepEqual(doc.spec.selector.matchLabels, doc.spec.template.metadata.labels);
    assert.equal(doc.spec.template.spec.containers[0].readinessProbe.httpGet.port, 9000);
  },
};
