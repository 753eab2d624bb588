// Fixes with guessed values (resources, probes) arrive as snippet commands for clients that say they take them.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { applyEdits } from '../../server/src/core/fixes';
import { snippetOf } from '../../server/src/lsp/snippets';
import { WEB_DEPLOYMENT_HTTP } from '../helpers/k8s';
import { TestClient } from '../helpers/lspClient';

/** What VS Code inserts for a snippet when the user accepts every default. */
function expand(snippet: string): string {
  return snippet.replace(/\$\{\d+:((?:\\.|[^}\\])*)\}/g, '$1').replace(/\\([$}\\])/g, '$1');
}

const DEPLOYMENT = WEB_DEPLOYMENT_HTTP;

describe('snippetOf', () => {
  it('wraps each placeholder value in a numbered tab stop, in text order', () => {
    const text = 'resources:\n  requests:\n    cpu: 100m\n    memory: 128Mi\n  limits:\n    memory: 256Mi\n';
    const s = snippetOf(text, [{ key: 'memory', value: '256Mi' }, { key: 'cpu', value: '100m' }, { key: 'memory', value: '128Mi' }]);
    assert.equal(s, 'resources:\n  requests:\n    cpu: ${1:100m}\n    memory: ${2:128Mi}\n  limits:\n    memory: ${3:256Mi}\n');
  });
  it('escapes snippet syntax in the rest of the text and matches only whole values', () => {
    const s = snippetOf('command: ["echo $HOME}"]\nperiodSeconds: 100\nperiodSeconds: 10\n', [{ key: 'periodSeconds', value: '10' }]);
    assert.equal(s, 'command: ["echo \\$HOME\\}"]\nperiodSeconds: 100\nperiodSeconds: ${1:10}\n');
    assert.equal(expand(s!), 'command: ["echo $HOME}"]\nperiodSeconds: 100\nperiodSeconds: 10\n');
  });
  it('gives undefined when no placeholder occurs', () => {
    assert.equal(snippetOf('a: 1\n', [{ key: 'cpu', value: '100m' }]), undefined);
  });
});

describe('snippet code actions over LSP', () => {
  let snippets: TestClient;
  let plain: TestClient;
  let dir: string;
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stevedore-snippet-'));
    snippets = await TestClient.start({ folders: [dir], initializationOptions: { snippetEdits: true } });
    plain = await TestClient.start({ folders: [dir] });
  });
  after(async () => {
    await snippets.stop();
    await plain.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function actionsFor(client: TestClient, rule: string): Promise<{ uri: string; actions: any[] }> {
    const uri = pathToFileURL(path.join(dir, 'deploy.yaml')).toString();
    client.open(uri, DEPLOYMENT, 'yaml');
    const diags = (await client.diagnostics(uri)).filter((d) => d.code === rule);
    assert.equal(diags.length, 1, `one ${rule} finding`);
    const actions: any = await client.request('textDocument/codeAction', { textDocument: { uri }, range: diags[0].range, context: { diagnostics: diags, only: ['quickfix'] } });
    return { uri, actions };
  }

  for (const [rule, values] of [
    ['missing-resources', ['100m', '128Mi', '256Mi']],
    ['missing-readiness-probe', ['/healthz', '5', '10']],
  ] as const) {
    it(`${rule}: the fix is a snippet whose defaults give exactly the plain fix`, async () => {
      const withSnippets = await actionsFor(snippets, rule);
      const fix = withSnippets.actions.find((a) => a.command?.command === 'stevedore.applySnippetEdit');
      assert.ok(fix, `snippet action among ${withSnippets.actions.map((a) => a.title).join(' | ')}`);
      assert.equal(fix.edit, undefined, 'no plain edit next to the command (it would apply twice)');
      const args = fix.command.arguments[0];
      assert.equal(args.uri, withSnippets.uri);
      assert.equal(args.version, 1);
      values.forEach((v, i) => assert.ok(args.snippet.includes(`\${${i + 1}:${v}}`), `tab stop ${i + 1} on ${v} in\n${args.snippet}`));
      assert.equal(expand(args.snippet), args.edit.newText);

      const withoutSnippets = await actionsFor(plain, rule);
      const plainFix = withoutSnippets.actions.find((a) => a.title === fix.title);
      assert.ok(plainFix?.edit, 'clients without snippet support get the ordinary edit');
      const edits = plainFix.edit.documentChanges[0].edits;
      assert.deepEqual(edits, [args.edit]);
      const after = applyEdits(DEPLOYMENT, [{ range: args.edit.range, newText: expand(args.snippet) }]);
      assert.match(after, rule === 'missing-resources' ? /resources:\n {12}requests:\n {14}cpu: 100m/ : /readinessProbe:\n {12}httpGet:\n {14}path: \/healthz\n {14}port: http/);
    });
  }
});
