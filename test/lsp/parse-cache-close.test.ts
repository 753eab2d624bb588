// A closed manifest that is not on disk leaves nothing in the YAML parse cache: its trees used to wait there until
// other files' parses pushed them out (the cache holds up to 6 million characters, about 100 MB of trees), so a
// session that opened many unsaved manifests kept them all. A closed file that is on disk keeps its trees: the
// workspace holds it and its next parse reuses them.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { TestClient } from '../helpers/lspClient';

const deployment = (name: string) => `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\nspec:\n  selector:\n    matchLabels:\n      app: ${name}\n  template:\n    metadata:\n      labels:\n        app: ${name}\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n`;

test('closing a manifest that is not on disk drops its parsed trees; one on disk keeps them', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stevedore-parse-cache-close-'));
  const client = await TestClient.start();
  try {
    const unsaved = pathToFileURL(path.join(dir, 'unsaved.yaml')).toString();
    const saved = path.join(dir, 'saved.yaml');
    fs.writeFileSync(saved, deployment('saved'));
    const cache = async () => (await client.request<{ parseCache: { owners: number; chars: number } }>('stevedore/memory', {})).parseCache;
    client.open(unsaved, deployment('unsaved'), 'yaml');
    client.open(pathToFileURL(saved).toString(), deployment('saved'), 'yaml');
    await client.diagnostics(unsaved);
    await client.diagnostics(pathToFileURL(saved).toString());
    assert.equal((await cache()).owners, 2);
    for (const uri of [unsaved, pathToFileURL(saved).toString()]) void client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    const after = await cache();
    assert.deepEqual(after, { owners: 1, chars: deployment('saved').length }, 'the file on disk only');
  } finally {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
