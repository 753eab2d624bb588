/// <reference types="mocha" />
// Kubernetes manifests through the real VS Code API: cross-resource diagnostics, "Fill in HPA", hover, completion.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { applyAction, codeActions, completionLabels, fileUri, hoverText, openFile, positionOf, revertAll, ruleId, ruleIds, waitForDiagnostics, waitForRules, writeAndOpen } from './helpers';

suite('Kubernetes manifests in the extension host', () => {
  const hpa = () => fileUri('k8s/hpa.yaml');
  const deployment = () => fileUri('k8s/deployment.yaml');
  teardown(revertAll);

  test('an HPA and its Deployment show the autoscaling and cross-resource findings', async () => {
    await openFile('k8s/hpa.yaml');
    const onHpa = await waitForRules(hpa(), ['hpa-incomplete', 'hpa-cpu-without-requests']);
    const cpu = onHpa.find((d) => ruleId(d) === 'hpa-cpu-without-requests')!;
    assert.equal(cpu.severity, vscode.DiagnosticSeverity.Error);
    assert.match(cpu.message, /Deployment web has no cpu request/);
    await openFile('k8s/deployment.yaml');
    const onDeployment = await waitForRules(deployment(), ['replicas-with-autoscaler', 'missing-resources']);
    assert.match(onDeployment.find((d) => ruleId(d) === 'replicas-with-autoscaler')!.message, /HorizontalPodAutoscaler web scales it/);
  });

  test('"Fill in HPA" adds the scale-down behavior and clears hpa-incomplete', async () => {
    const editor = await openFile('k8s/hpa.yaml');
    const ds = await waitForRules(hpa(), ['hpa-incomplete']);
    const incomplete = ds.find((d) => ruleId(d) === 'hpa-incomplete')!;
    const actions = await codeActions(hpa(), incomplete.range, vscode.CodeActionKind.QuickFix.value);
    const fill = actions.find((a) => a.title === 'Fill in HPA');
    assert.ok(fill, `offered: ${actions.map((a) => a.title).join(' | ')}`);
    await applyAction(fill);
    const text = editor.document.getText();
    assert.match(text, /^ {2}behavior:\n {4}scaleDown:\n {6}stabilizationWindowSeconds: 300$/m, text);
    assert.match(text, /averageUtilization: 70/, 'the existing metric is kept');
    await waitForDiagnostics(hpa(), (d) => !ruleIds(d).includes('hpa-incomplete'), 'hpa-incomplete to disappear');
  });

  test('hover shows a key\'s schema description and what a reference resolves to', async () => {
    const editor = await openFile('k8s/hpa.yaml');
    const onKey = await hoverText(hpa(), positionOf(editor.document, 'maxReplicas', 1));
    assert.match(onKey, /maxReplicas/i);
    assert.match(onKey, /integer/);
    const onRef = await hoverText(hpa(), positionOf(editor.document, 'name: web', 7, 1));
    assert.match(onRef, /Scales Deployment `web` \(deployment\.yaml\) · 3 replicas/);
  });

  test('completion offers the schema keys not yet written', async () => {
    const doc = await writeAndOpen('k8s/completion/ingress.yaml', 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: x\nspec:\n  ingressClassName: nginx\n  \n');
    const labels = await completionLabels(doc.uri, new vscode.Position(6, 2));
    for (const key of ['rules', 'tls', 'defaultBackend']) assert.ok(labels.includes(key), `${key} missing from: ${labels.join(', ')}`);
    assert.ok(!labels.includes('ingressClassName'), 'a key already written is offered again');
  });

  test('the resources fix inserts its guessed values as snippet tab stops', async () => {
    const editor = await openFile('k8s/deployment.yaml');
    const ds = await waitForRules(deployment(), ['missing-resources']);
    const missing = ds.find((d) => ruleId(d) === 'missing-resources')!;
    const actions = await codeActions(deployment(), missing.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => a.command?.command === 'stevedore.applySnippetEdit');
    assert.ok(fix, `offered: ${actions.map((a) => `${a.title} (${a.command?.command ?? 'edit'})`).join(' | ')}`);
    assert.equal(fix.edit, undefined);
    await vscode.commands.executeCommand(fix.command!.command, ...(fix.command!.arguments ?? []));
    const text = editor.document.getText();
    assert.match(text, /^ {10}resources:\n {12}requests:\n {14}cpu: 100m\n {14}memory: 128Mi\n {12}limits:\n {14}memory: 256Mi$/m, text);
    // The first tab stop is selected; Tab moves to the next guessed value.
    assert.equal(vscode.window.activeTextEditor?.document.getText(vscode.window.activeTextEditor.selection), '100m');
    await vscode.commands.executeCommand('jumpToNextSnippetPlaceholder');
    assert.equal(vscode.window.activeTextEditor?.document.getText(vscode.window.activeTextEditor.selection), '128Mi');
    await waitForDiagnostics(deployment(), (d) => !ruleIds(d).includes('missing-resources'), 'missing-resources to disappear');
  });

  test('a Deployment carries Rollout status / Rollout undo lenses bound to the cluster commands', async () => {
    await openFile('k8s/deployment.yaml');
    const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', deployment(), 10)) ?? [];
    const rollout = lenses.filter((l) => l.command?.command.startsWith('stevedore.rollout')).map((l) => [l.command!.title, l.command!.command, JSON.stringify(l.command!.arguments)]);
    assert.deepEqual(rollout, [
      ['Rollout status', 'stevedore.rolloutStatus', '[{"kind":"Deployment","name":"web"}]'],
      ['Rollout undo…', 'stevedore.rolloutUndo', '[{"kind":"Deployment","name":"web"}]'],
    ]);
  });
});
