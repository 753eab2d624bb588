// The read-only describe documents as VS Code sees them, through a stand-in `vscode` that records the content
// provider: a URI shows a hint until Describe ran, then the text; running it again replaces the text and fires a change.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import type * as vscodeT from 'vscode';
import { DESCRIBE_SCHEME, DescribeDocs, describePath, type DescribeRef } from '../../client/src/cluster/describe';

interface FakeUri { scheme: string; path: string; toString(): string }

it('describe documents: a hint before the first describe, the latest text after, a change event on refresh', async () => {
  let provider: vscodeT.TextDocumentContentProvider | undefined;
  const opened: string[] = [];
  const fired: string[] = [];
  const uriFrom = ({ scheme, path }: { scheme: string; path: string }): FakeUri => ({ scheme, path, toString: () => `${scheme}:${path}` });
  const fake = {
    Uri: { from: uriFrom },
    EventEmitter: class {
      event = () => ({ dispose() {} });
      fire(u: FakeUri) { fired.push(u.toString()); }
      dispose() {}
    },
    Disposable: { from: (...d: unknown[]) => ({ dispose: () => d }) },
    workspace: {
      registerTextDocumentContentProvider: (scheme: string, p: vscodeT.TextDocumentContentProvider) => {
        assert.equal(scheme, DESCRIBE_SCHEME);
        provider = p;
        return { dispose() {} };
      },
      openTextDocument: async (u: FakeUri) => ({ uri: u }),
    },
    window: { showTextDocument: async (d: { uri: FakeUri }) => void opened.push(d.uri.toString()) },
  } as unknown as typeof vscodeT;
  const docs = new DescribeDocs(fake);
  docs.register();
  const ref: DescribeRef = { context: 'dev', namespace: 'shop', kind: 'deployment', name: 'web' };
  const uri = uriFrom({ scheme: DESCRIBE_SCHEME, path: describePath(ref) }) as unknown as vscodeT.Uri;
  assert.match(String(provider!.provideTextDocumentContent(uri, {} as vscodeT.CancellationToken)), /^Run "Stevedore: Describe" on deployment web \(shop · dev\) to load it\./);
  await docs.show(ref, 'Name: web\n');
  assert.equal(provider!.provideTextDocumentContent(uri, {} as vscodeT.CancellationToken), 'Name: web\n');
  await docs.show(ref, 'Name: web\nReplicas: 3\n');
  assert.equal(provider!.provideTextDocumentContent(uri, {} as vscodeT.CancellationToken), 'Name: web\nReplicas: 3\n');
  assert.deepEqual(fired, [uri.toString(), uri.toString()]);
  assert.deepEqual(opened, [uri.toString(), uri.toString()]);
});
