/// <reference types="mocha" />
// Dockerfile features through the real VS Code API: diagnostics, quick fixes, refactors, hovers, completion.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  EXTENSION_ID,
  applyAction,
  codeActions,
  completionLabels,
  diagnosticsAfter,
  fileUri,
  hoverText,
  openFile,
  positionOf,
  revertAll,
  ruleId,
  ruleIds,
  waitForDiagnostics,
  waitForRules,
  writeAndOpen,
} from './helpers';

suite('Dockerfile in the extension host', () => {
  const dockerfile = () => fileUri('Dockerfile');
  teardown(revertAll);

  test('the extension activates on a Dockerfile and publishes diagnostics with rule ids and doc links', async () => {
    await openFile('Dockerfile');
    const ds = await waitForRules(dockerfile(), ['merge-run', 'apt-lists-not-cleaned', 'full-base-image']);
    assert.ok(vscode.extensions.getExtension(EXTENSION_ID)?.isActive, `${EXTENSION_ID} is not active`);
    const merge = ds.find((d) => ruleId(d) === 'merge-run')!;
    assert.equal(merge.source, 'stevedore');
    assert.equal(merge.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(merge.range.start.line, 3, 'reported on the second of the consecutive RUNs');
    assert.match(merge.message, /2 consecutive RUN instructions/);
    const code = merge.code as { value: string; target: vscode.Uri };
    assert.match(code.target.toString(), /rules.*#merge-run$/);
    // The file has a .dockerignore, a USER and no MAINTAINER: those rules must stay quiet.
    for (const quiet of ['missing-dockerignore', 'root-user', 'maintainer-deprecated']) assert.ok(!ruleIds(ds).includes(quiet), `${quiet} reported`);
  });

  test('quick fix "Merge RUN instructions" leaves one RUN and clears the finding', async () => {
    const editor = await openFile('Dockerfile');
    const ds = await waitForRules(dockerfile(), ['merge-run']);
    const merge = ds.find((d) => ruleId(d) === 'merge-run')!;
    const actions = await codeActions(dockerfile(), merge.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => a.title === 'Merge RUN instructions');
    assert.ok(fix, `offered: ${actions.map((a) => a.title).join(' | ')}`);
    assert.equal(fix.isPreferred, true);
    assert.ok(actions.some((a) => a.title === 'Ignore merge-run for this instruction'), 'the ignore action is offered too');
    await applyAction(fix);
    const text = editor.document.getText();
    const runs = text.split('\n').filter((l) => l.startsWith('RUN '));
    assert.equal(runs.length, 2, `one merged apt RUN plus the pip RUN:\n${text}`);
    assert.match(text, /^RUN apt-get update && *\\?\n? *apt-get install -y --no-install-recommends curl/m);
    await waitForDiagnostics(dockerfile(), (d) => !ruleIds(d).includes('merge-run'), 'merge-run to disappear');
  });

  test('"Fix all auto-fixable Stevedore problems" (source.fixAll.stevedore), repeated, fixes the whole file', async () => {
    const editor = await openFile('Dockerfile');
    await waitForRules(dockerfile(), ['merge-run', 'apt-lists-not-cleaned']);
    // One pass applies the fixes that do not overlap (like codeActionsOnSave); the merged RUN then gets its cleanup.
    let ds = vscode.languages.getDiagnostics(dockerfile());
    for (let pass = 1; ruleIds(ds).some((id) => id === 'merge-run' || id === 'apt-lists-not-cleaned'); pass++) {
      assert.ok(pass <= 3, `still not fixed after 3 passes:\n${editor.document.getText()}`);
      const whole = new vscode.Range(0, 0, editor.document.lineCount, 0);
      const actions = await codeActions(dockerfile(), whole, 'source.fixAll.stevedore');
      assert.equal(actions.length, 1, `pass ${pass} offered: ${actions.map((a) => `${a.title} (${a.kind?.value})`).join(' | ')}`);
      assert.equal(actions[0].title, 'Fix all auto-fixable Stevedore problems');
      ds = await diagnosticsAfter(dockerfile(), () => applyAction(actions[0]));
    }
    const text = editor.document.getText();
    assert.match(text, /^RUN apt-get update && *\\?\n? *apt-get install -y --no-install-recommends curl/m, text);
    assert.match(text, /rm -rf \/var\/lib\/apt\/lists\/\*/, text);
    assert.ok(ruleIds(vscode.languages.getDiagnostics(dockerfile())).includes('full-base-image'), 'fixes that change the image are not applied by fix all');
  });

  test('"Convert to multi-stage build" is offered on the FROM of a single-stage Go build and splits it', async () => {
    const editor = await openFile('go/Dockerfile');
    await waitForRules(fileUri('go/Dockerfile'), ['build-tools-in-final-stage']);
    const at = new vscode.Range(0, 2, 0, 2);
    const actions = await codeActions(fileUri('go/Dockerfile'), at, vscode.CodeActionKind.Refactor.value);
    const convert = actions.find((a) => a.title === 'Convert to multi-stage build');
    assert.ok(convert, `offered: ${actions.map((a) => a.title).join(' | ')}`);
    await applyAction(convert);
    const text = editor.document.getText();
    assert.deepEqual(text.match(/^FROM .*$/gm)?.length, 2, text);
    assert.match(text, /^FROM golang:1\.22 AS build$/m);
    assert.match(text, /^COPY --from=build \/out\/server /m);
    await waitForDiagnostics(fileUri('go/Dockerfile'), (d) => !ruleIds(d).includes('build-tools-in-final-stage'), 'build-tools-in-final-stage to disappear');
  });

  test('the missing-.dockerignore quick fix creates the file with entries for what the context holds', async () => {
    // A build context of its own, without .dockerignore but with what one should exclude.
    for (const [rel, content] of Object.entries({ 'svc/.git/HEAD': 'ref: refs/heads/main\n', 'svc/node_modules/x/index.js': '\n', 'svc/.env': 'TOKEN=1\n', 'svc/package.json': '{"name":"svc"}\n' })) {
      await vscode.workspace.fs.writeFile(fileUri(rel), Buffer.from(content));
    }
    const doc = await writeAndOpen('svc/Dockerfile', 'FROM node:20-slim\nWORKDIR /app\nCOPY package.json ./\nRUN npm install\nCOPY . .\nUSER node\nCMD ["node", "index.js"]\n');
    await vscode.window.showTextDocument(doc);
    const ds = await waitForRules(doc.uri, ['missing-dockerignore']);
    const missing = ds.find((d) => ruleId(d) === 'missing-dockerignore')!;
    const actions = await codeActions(doc.uri, new vscode.Range(missing.range.start, missing.range.start), vscode.CodeActionKind.QuickFix.value);
    const create = actions.find((a) => a.title === 'Create a .dockerignore for this build context');
    assert.ok(create, `offered: ${actions.map((a) => a.title).join(' | ')}`);
    // Applying the edit creates the file; the action's command then shows it in an editor.
    // (VS Code hands an extension's own vscode.open back under its internal id.)
    assert.ok(['vscode.open', '_workbench.open'].includes(create.command?.command ?? ''), `command: ${create.command?.command}`);
    await applyAction(create);
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), fileUri('svc/.dockerignore').toString(), 'the new file is shown');
    const ignore = await vscode.workspace.openTextDocument(fileUri('svc/.dockerignore'));
    const lines = ignore.getText().split('\n');
    for (const entry of ['.git', 'node_modules', '.env', 'Dockerfile', '.dockerignore']) assert.ok(lines.includes(entry), `${entry} missing from:\n${ignore.getText()}`);
    await waitForDiagnostics(doc.uri, (d) => !ruleIds(d).includes('missing-dockerignore'), 'missing-dockerignore to disappear');
  });

  test('hover explains the finding under the cursor and lists smaller variants of the base image', async () => {
    const editor = await openFile('Dockerfile');
    await waitForRules(dockerfile(), ['merge-run']);
    const onFinding = await hoverText(dockerfile(), new vscode.Position(3, 1));
    assert.match(onFinding, /\*\*merge-run\*\* \(DL3059\)/);
    assert.match(onFinding, /Every RUN adds a layer/);
    // The message is the diagnostic's own (VS Code shows it in the same hover): the rule's explanation does not repeat it.
    const message = (await waitForRules(dockerfile(), ['merge-run'])).find((d) => ruleId(d) === 'merge-run')!.message;
    assert.equal(onFinding.split(message).length - 1, 0, onFinding);
    const onImage = await hoverText(dockerfile(), positionOf(editor.document, 'python:3.12', 2));
    assert.match(onImage, /python:3\.12-slim/);
    assert.match(onImage, /MB/);
  });

  test('completion offers instructions and stage names', async () => {
    const doc = await writeAndOpen('completion/Dockerfile', 'FROM golang:1.22 AS builder\nFROM alpine:3.20\nWORK\nCOPY --from=\n');
    const instructions = await completionLabels(doc.uri, new vscode.Position(2, 4));
    assert.ok(instructions.some((l) => l.startsWith('WORKDIR')), `labels: ${instructions.join(', ')}`);
    const names = await completionLabels(doc.uri, new vscode.Position(3, 12));
    assert.ok(names.includes('builder'), `labels: ${names.join(', ')}`);
  });
});
