// The shell grammar (tree-sitter-bash, 1.3 MB of WebAssembly) is loaded when a RUN script first needs it: a server
// that only sees plain command lists never loads it, and the first analysis of a script that needs it waits for it
// instead of skipping the RUN's shell checks.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { TestClient } from '../helpers/lspClient';

const MB = 1024 * 1024;

/** Opens `text` in a fresh server: the first diagnostics' codes, and the server's external memory after them. */
async function firstAnalysis(text: string): Promise<{ codes: string[]; externalMb: number }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stevedore-grammar-'));
  const client = await TestClient.start({ settings: { rules: { shellcheck: 'off' } } });
  try {
    const uri = pathToFileURL(path.join(dir, 'Dockerfile')).toString();
    client.open(uri, text, 'dockerfile');
    const codes = (await client.diagnostics(uri)).map((d) => String(d.code));
    const { external } = await client.request<{ external: number }>('stevedore/memory', {});
    return { codes, externalMb: external / MB };
  } finally {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('the shell grammar, loaded when a RUN first needs it', () => {
  it('a Dockerfile of plain command lists is checked without it', async () => {
    const { codes, externalMb } = await firstAnalysis('FROM debian:12\nRUN apt-get update && apt-get install curl && rm -rf /var/lib/apt/lists/*\nUSER 1000\n');
    assert.ok(codes.includes('apt-missing-yes'), codes.join(', '));
    assert.ok(!codes.includes('analysis-incomplete'), codes.join(', '));
    // Its WebAssembly memory (32 MB reserved) is what a loaded grammar adds to the external memory.
    assert.ok(externalMb < 16, `external memory ${externalMb.toFixed(1)} MB`);
  });

  it('the first analysis of a RUN that needs it waits for it and checks the RUN', async () => {
    const { codes, externalMb } = await firstAnalysis('FROM debian:12\nRUN echo "${MODE:-fast}" && apt-get update && apt-get install curl && rm -rf /var/lib/apt/lists/*\nUSER 1000\n');
    assert.ok(codes.includes('apt-missing-yes'), codes.join(', '));
    assert.ok(!codes.includes('analysis-incomplete'), codes.join(', '));
    assert.ok(externalMb > 30, `external memory ${externalMb.toFixed(1)} MB`);
  });
});
