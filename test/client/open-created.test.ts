// A quick fix that creates a file (missing-dockerignore's "Create a .dockerignore") gets a command that opens the
// new file; VS Code runs a code action's command after applying its edit. The edit is the server's real one.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { TextDocumentEdit, type WorkspaceEdit } from 'vscode-languageserver/node';
import { openCreatedFile } from '../../client/src/openCreated';
import { analyzeDockerfile } from '../../server/src/core/dockerfile/analyze';
import { FolderContext } from '../../server/src/core/context';
import { initShellParser } from '../../server/src/core/dockerfile/shell';
import { toWorkspaceEdit } from '../../server/src/lsp/convert';
import { mergeRun } from '../../server/src/rules/dockerfile/merge-run';
import { missingDockerignore } from '../../server/src/rules/dockerfile/missing-dockerignore';

/** The files a WorkspaceEdit writes, as vscode.WorkspaceEdit.entries() lists them after the client converts it. */
function asAction(edit: WorkspaceEdit, command?: unknown) {
  const entries = (edit.documentChanges ?? []).filter((c) => TextDocumentEdit.is(c)).map((c) => [c.textDocument.uri, c.edits] as [string, unknown[]]);
  return { edit: { entries: () => entries }, command };
}

const exists = async (uri: string) => fs.existsSync(fileURLToPath(uri));
const open = (uri: string) => ({ title: 'Open the created file', command: 'vscode.open', arguments: [uri] });

describe('open the file a quick fix creates', () => {
  let dir: string;
  before(async () => {
    await initShellParser();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stevedore-open-'));
    fs.mkdirSync(path.join(dir, '.git'));
    fs.writeFileSync(path.join(dir, '.git', 'HEAD'), 'ref: refs/heads/main\n');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  function fixEdit(rule: typeof missingDockerignore, text: string): WorkspaceEdit {
    const file = path.join(dir, 'Dockerfile');
    fs.writeFileSync(file, text);
    const context = new FolderContext(dir);
    const [finding] = analyzeDockerfile(text, { rules: [rule], context, path: file });
    assert.ok(finding, `${rule.id} fires`);
    const result = rule.fixes![0].apply({ text, context, path: file }, finding);
    assert.ok(result);
    const doc = TextDocument.create(pathToFileURL(file).toString(), 'dockerfile', 1, text);
    return toWorkspaceEdit(doc, result, true)!;
  }

  it('"Create a .dockerignore" opens the new file after the edit', async () => {
    const action = await openCreatedFile(asAction(fixEdit(missingDockerignore, 'FROM alpine:3.20\nCOPY . /app\n')), exists, open);
    assert.deepEqual(action.command, open(pathToFileURL(path.join(dir, '.dockerignore')).toString()));
  });

  it('a fix that edits only the open Dockerfile runs no command', async () => {
    const action = await openCreatedFile(asAction(fixEdit(mergeRun, 'FROM alpine:3.20\nRUN echo a\nRUN echo b\n')), exists, open);
    assert.equal(action.command, undefined);
  });

  it('an action that already runs a command (a snippet edit) keeps it', async () => {
    const snippet = { title: 'snippet', command: 'stevedore.applySnippetEdit' };
    const action = await openCreatedFile(asAction(fixEdit(missingDockerignore, 'FROM alpine:3.20\nCOPY . /app\n'), snippet), exists, open);
    assert.equal(action.command, snippet);
  });
});
