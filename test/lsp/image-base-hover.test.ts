// The FROM hover shows the base image's real size when the engine has it locally (built dist/server.js, real
// podman): in a trusted workspace the first hover asks the engine in the background and a later one shows the bytes
// `podman image inspect` reports; an untrusted workspace never asks.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { TestClient } from '../helpers/lspClient';
import { ensureImageDeps, podman, podmanEnv } from '../helpers/podman';

const TEXT = 'FROM localhost/debian:12-slim\nCMD ["sh"]\n';
let dir: string;

async function hoverText(client: TestClient, uri: string): Promise<string> {
  const h: any = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 8 } });
  return h?.contents?.value ?? '';
}

/** Hovers until the text matches or `ms` passed (a hang guard, not a timing assertion). */
async function hoverUntil(client: TestClient, uri: string, re: RegExp, ms: number): Promise<string> {
  const until = Date.now() + ms;
  for (;;) {
    const text = await hoverText(client, uri);
    if (re.test(text) || Date.now() > until) return text;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('FROM hover with the local base image size (real podman)', () => {
  before(() => {
    ensureImageDeps();
    process.env.CONTAINERS_CONF = podmanEnv().CONTAINERS_CONF;
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stevedore-lsp-base-'));
    fs.writeFileSync(path.join(dir, 'Dockerfile'), TEXT);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('trusted: the exact bytes the engine stores, after it answered', async () => {
    const bytes = Number(podman(['image', 'inspect', '--format', '{{.Size}}', 'localhost/debian:12-slim']).trim());
    assert.ok(bytes > 1e6);
    const client = await TestClient.start({ settings: { build: { engine: 'podman' } }, initializationOptions: { workspaceTrusted: true, imageBuild: true } });
    try {
      const uri = pathToFileURL(path.join(dir, 'Dockerfile')).toString();
      client.open(uri, TEXT);
      const text = await hoverUntil(client, uri, /Local image/, 30_000);
      assert.match(text, new RegExp(`\\*\\*Local image\\*\\* \`localhost/debian:12-slim\`: ${bytes.toLocaleString('en-US')} bytes \\(${(bytes / 1e6).toFixed(1)} MB\\)`));
    } finally {
      await client.stop();
    }
  });

  it('untrusted: never asks the engine', async () => {
    const client = await TestClient.start({ settings: { build: { engine: 'podman' } }, initializationOptions: { workspaceTrusted: false, imageBuild: true } });
    try {
      const uri = pathToFileURL(path.join(dir, 'Dockerfile')).toString();
      client.open(uri, TEXT);
      assert.doesNotMatch(await hoverUntil(client, uri, /Local image/, 3000), /Local image/);
    } finally {
      await client.stop();
    }
  });
});
