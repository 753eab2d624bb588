// Typing in a big Dockerfile while ShellCheck has not answered must not keep every version typed meanwhile: the
// wait for ShellCheck's answers (seconds on a big file) held each analysis, and through it its whole model (about
// 6 MB per version of this 3,000-line file), until the process ended.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { bigDockerfile } from '../../scripts/bench';
import { TestClient } from '../helpers/lspClient';

const MB = 1024 * 1024;
const EDITS = 6;

test(`${EDITS} edits of a 3,000-line Dockerfile while ShellCheck has not answered keep one version, not each`, { timeout: 120_000 }, async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stevedore-memory-dockerfile-'));
  // A ShellCheck that never answers within the test.
  const stuck = path.join(dir, 'stuck-shellcheck');
  fs.writeFileSync(stuck, '#!/bin/sh\nsleep 60\n', { mode: 0o755 });
  const client = await TestClient.start({ nodeArgs: ['--expose-gc'], settings: { shellcheck: { path: stuck } } });
  try {
    const uri = pathToFileURL(path.join(dir, 'Dockerfile')).toString();
    const text = bigDockerfile(3000);
    client.open(uri, text, 'dockerfile');
    assert.ok((await client.diagnostics(uri)).length > 100);
    const heap = async () => (await client.request<{ heapUsed: number; collected: boolean }>('stevedore/memory', {})).heapUsed;
    const first = await heap();
    for (let v = 2; v < 2 + EDITS; v++) {
      void client.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: v },
        contentChanges: [{ text: text.replace('WORKDIR /src', `WORKDIR /src${v}`) }],
      });
      await client.diagnostics(uri);
    }
    const last = await heap();
    const grown = (last - first) / MB;
    assert.ok(grown < 8, `the heap grew ${grown.toFixed(1)} MB over ${EDITS} edits (${(first / MB).toFixed(1)} -> ${(last / MB).toFixed(1)} MB after a full collection)`);
  } finally {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
