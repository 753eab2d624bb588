// After an answer the language server collects the garbage of the analyses it replaced once the heap has grown by
// COLLECT_AFTER_GROWTH (server/src/collect.ts): V8 collects its old generation late, and quick edits of a big file
// grew the server by ~6 MB each (its peak by 25 MB over three) without a major collection.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { getHeapStatistics } from 'node:v8';
import { pathToFileURL } from 'node:url';
import { bigDockerfile } from '../../scripts/bench';
import { collectIfGrown } from '../../server/src/collect';
import { TestClient } from '../helpers/lspClient';

const MB = 1024 * 1024;
const used = () => getHeapStatistics().used_heap_size;

describe('collections after answers', () => {
  it('collects once the heap grew by the given amount since its last collection, not before', () => {
    collectIfGrown(0);
    const live = used();
    // ~15 MB that survives young collections while it is referenced, then is garbage in the old generation.
    let junk: Array<{ i: number; s: string }> | undefined = Array.from({ length: 150_000 }, (_, i) => ({ i, s: `item ${i}` }));
    assert.equal(junk.length, 150_000);
    junk = undefined;
    const withGarbage = used();
    assert.ok(withGarbage - live > 8 * MB, `garbage ${((withGarbage - live) / MB).toFixed(1)} MB`);
    collectIfGrown(withGarbage - live + 64 * MB);
    assert.ok(used() >= withGarbage - MB, 'no collection below the growth asked for');
    collectIfGrown(4 * MB);
    assert.ok(used() < live + 4 * MB, `after the collection ${((used() - live) / MB).toFixed(1)} MB above the live heap`);
  });

  it('three edits of a 10,000-line Dockerfile leave the server heap within one growth step of its size after the open', { timeout: 120_000 }, async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stevedore-collect-'));
    // No --expose-gc: stevedore/memory then reports the heap as it is, uncollected.
    const client = await TestClient.start({ settings: { rules: { shellcheck: 'off' } } });
    try {
      const uri = pathToFileURL(path.join(dir, 'Dockerfile')).toString();
      const text = bigDockerfile(10_000);
      client.open(uri, text, 'dockerfile');
      assert.ok((await client.diagnostics(uri)).length > 1000);
      const heap = async () => (await client.request<{ heapUsed: number; collected: boolean }>('stevedore/memory', {})).heapUsed;
      const afterOpen = await heap();
      for (let v = 2; v < 5; v++) {
        void client.connection.sendNotification('textDocument/didChange', {
          textDocument: { uri, version: v },
          contentChanges: [{ text: v % 2 ? text : text.replace('WORKDIR /src', 'WORKDIR /srv') }],
        });
        await client.diagnostics(uri);
      }
      const grown = ((await heap()) - afterOpen) / MB;
      // Without the collections each edit adds ~6 MB: 17–19 MB after three.
      assert.ok(grown < 8, `the heap grew ${grown.toFixed(1)} MB over three edits (from ${(afterOpen / MB).toFixed(1)} MB after the open)`);
    } finally {
      await client.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
