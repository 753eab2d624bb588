// "Build and measure" through the built language server (dist/server.js) with real podman: the build request streams
// output and answers a summary; the inlay hints show each layer's bytes as `podman history` reports them, at the end
// of its line; the final FROM's lens gives the total; a hover gives exact bytes; wasted bytes become diagnostics on
// the RUN that wrote them; an edit makes the hints stale (kept on moved lines); "Measure this fix" builds the merged
// RUNs and reports the saving; builder stages are "not shipped"; a failed RUN is reported on its line; untrusted
// workspaces get nothing built; a cancelled build, or one under way at shutdown, leaves no process behind.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { CancellationTokenSource } from 'vscode-jsonrpc/node';
import { BUILD_AND_MEASURE_COMMAND, BUILD_AND_MEASURE_REQUEST, BUILD_OUTPUT_NOTIFICATION, MEASURE_FIX_COMMAND, MEASURE_FIX_REQUEST, type ImageBuildResult } from '../../server/src/protocol';
import { TestClient } from '../helpers/lspClient';
import { ensureImageDeps, podman, podmanEnv, podmanHistorySizes, removeImages } from '../helpers/podman';

// 300 kB written then removed by a later RUN (wasted), 200 kB kept: sizes without the network.
const WASTEFUL = [
  'FROM localhost/debian:12-slim',
  'ENV A=1',
  'RUN head -c 300000 /dev/urandom > /blob',
  'RUN head -c 200000 /dev/urandom > /keep',
  'RUN rm /blob',
  'CMD ["sh"]',
  '',
].join('\n');

let dir: string;
const built: string[] = [];

function dockerfile(name: string, text: string): string {
  fs.mkdirSync(path.join(dir, name));
  const file = path.join(dir, name, 'Dockerfile');
  fs.writeFileSync(file, text);
  return pathToFileURL(file).toString();
}

/** `podman history` sizes of the same Dockerfile built directly (the server removes the images it measured). */
function historyOf(name: string): { createdBy: string; size: number }[] {
  const id = podman(['build', '-q', '-f', path.join(dir, name, 'Dockerfile'), path.join(dir, name)]).split('\n').pop()!;
  built.push(id);
  return podmanHistorySizes(id);
}

async function start(trusted: boolean): Promise<{ client: TestClient; output: string[] }> {
  const client = await TestClient.start({ settings: { build: { engine: 'podman' } }, initializationOptions: { workspaceTrusted: trusted, imageBuild: true } });
  const output: string[] = [];
  client.connection.onNotification(BUILD_OUTPUT_NOTIFICATION, (p: { text: string }) => output.push(p.text));
  return { client, output };
}

const hints = async (client: TestClient, uri: string) =>
  ((await client.connection.sendRequest('textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 100, character: 0 } } })) as any[]).map((h) => [h.position.line, h.position.character, h.label, h.tooltip]);
const lenses = async (client: TestClient, uri: string) => ((await client.connection.sendRequest('textDocument/codeLens', { textDocument: { uri } })) as any[]).map((l) => [l.range.start.line, l.command.title, l.command.command]);

/** Child processes of the server (a build runs as one), once they are gone or after a 20 s hang guard. */
async function children(pid: number): Promise<string[]> {
  for (let i = 0; ; i++) {
    const r = spawnSync('ps', ['-o', 'pid=,args=', '--ppid', String(pid)], { encoding: 'utf8' });
    const found = r.stdout.split('\n').filter((l) => l.trim());
    if (!found.length || i >= 200) return found;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('build and measure in the language server (real podman)', () => {
  before(() => {
    ensureImageDeps();
    // The server spawns podman with its own environment: the test-only containers.conf.
    process.env.CONTAINERS_CONF = podmanEnv().CONTAINERS_CONF;
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stevedore-lsp-image-'));
  });
  after(() => {
    removeImages(...built);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('shows layer sizes, the total, exact bytes and wasted bytes after a build; stale after an edit; measures a fix', async () => {
    const { client, output } = await start(true);
    try {
      const uri = dockerfile('wasteful', WASTEFUL);
      client.open(uri, WASTEFUL);
      assert.deepEqual(await lenses(client, uri), [
        [0, 'stage 0 · final image · 3 layers', ''],
        [0, 'Build and measure image', BUILD_AND_MEASURE_COMMAND],
      ]);
      assert.deepEqual(await hints(client, uri), [], 'nothing is measured before a build');

      const result = (await client.connection.sendRequest(BUILD_AND_MEASURE_REQUEST, { uri })) as ImageBuildResult;
      assert.equal(result.ok, true, result.message);
      assert.match(output.join(''), /RUN head -c 300000 \/dev\/urandom > \/blob/);
      assert.match(result.message, /^Built with podman: image \d+\.\d MB · \d+ layers · base 77\.6 MB/);

      // Each RUN's hint is its layer's size in podman's history, at the end of its line.
      const history = historyOf('wasteful').slice(-4);
      const sizeOf = (cmd: string) => history.find((h) => h.createdBy.includes(cmd))!.size;
      const shown = await hints(client, uri);
      const mb = (n: number) => `${(n / 1e6).toFixed(1)} MB`;
      const kb = (n: number) => (n < 1000 ? `${n} B` : n < 1e6 ? `${(n / 1e3).toFixed(1)} kB` : mb(n));
      assert.deepEqual(
        shown.map(([line, character, label]) => [line, character, label]),
        [
          [0, 29, 'base 77.6 MB'],
          [2, 39, `+${kb(sizeOf('> /blob'))}`],
          [3, 39, `+${kb(sizeOf('> /keep'))}`],
          [4, 12, `+${kb(sizeOf('rm /blob'))}`],
        ],
      );
      assert.ok(sizeOf('> /blob') >= 300_000 && sizeOf('> /keep') >= 200_000);
      assert.equal(shown[1][3], `${sizeOf('> /blob').toLocaleString('en-US')} bytes`);

      const [, total] = (await lenses(client, uri)).find(([, title]) => String(title).startsWith('image '))!;
      assert.match(String(total), /^image \d+\.\d MB · \d+ layers · base 77\.6 MB · 300\.\d kB wasted · efficiency \d+\.\d %$/);

      const hover: any = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 3, character: 5 } });
      assert.match(hover.contents.value, new RegExp(`\\*\\*Layer\\*\\* RUN: ${sizeOf('> /keep').toLocaleString('en-US')} bytes`));

      // The 300 kB that `rm /blob` removes still ship in the layer of line 3.
      const wasted = (await client.diagnostics(uri)).filter((d) => d.source === 'stevedore image');
      assert.deepEqual(wasted.map((d) => [d.range.start.line, d.code]), [[2, 'cleanup-in-later-layer']]);
      assert.match(wasted[0].message, /^300\.0 kB written here still ship although a later layer removes them: \/blob 300\.0 kB \(1 file, deleted by line 5\)\.$/);

      // "Measure this fix" next to merge-run's fix: the merged RUN does not ship /blob.
      const diagnostics = await client.diagnostics(uri);
      const mergeRun = diagnostics.filter((d) => d.code === 'merge-run');
      const actions: any[] = await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: mergeRun[0].range, context: { diagnostics: mergeRun } });
      const measure = actions.find((a) => a.command?.command === MEASURE_FIX_COMMAND);
      assert.ok(measure, `no Measure this fix among ${actions.map((a) => a.title).join(', ')}`);
      assert.match(measure.title, /^Measure this fix: /);
      const fixResult = (await client.connection.sendRequest(MEASURE_FIX_REQUEST, measure.command.arguments[0])) as ImageBuildResult;
      assert.equal(fixResult.ok, true, fixResult.message);
      assert.match(fixResult.message, /^Measure this fix \(.+\): \d+\.\d MB → \d+\.\d MB, −3\d\d\.\d kB \(−0\.\d %\)$/);
      assert.match(output.join(''), /Measure this fix/);

      // An inserted line moves the hints with their instructions and marks them stale.
      client.change(uri, WASTEFUL.replace('ENV A=1', 'ENV A=1\nLABEL x=y'));
      const stale = await hints(client, uri);
      assert.deepEqual(stale.map(([line, , label]) => [line, String(label).replace(/[\d.]+ (kB|B|MB)/, 'N')]), [
        [0, 'base ~N (stale)'],
        [3, '~N (stale)'],
        [4, '~N (stale)'],
        [5, '~N (stale)'],
      ]);
      const [, staleTotal] = (await lenses(client, uri)).find(([, title]) => String(title).startsWith('image '))!;
      assert.match(String(staleTotal), /\(stale: build again\)$/);
    } finally {
      client.proc.kill();
    }
  });

  it('builds nothing in an untrusted workspace: no lens, no action, the request refused', async () => {
    const { client, output } = await start(false);
    try {
      const uri = dockerfile('untrusted', WASTEFUL);
      client.open(uri, WASTEFUL);
      assert.deepEqual(await lenses(client, uri), [[0, 'stage 0 · final image · 3 layers', '']]);
      const diagnostics = await client.diagnostics(uri);
      const actions: any[] = await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: diagnostics[0].range, context: { diagnostics } });
      assert.deepEqual(actions.filter((a) => a.command?.command === MEASURE_FIX_COMMAND), []);
      const result = (await client.connection.sendRequest(BUILD_AND_MEASURE_REQUEST, { uri })) as ImageBuildResult;
      assert.deepEqual(result, { ok: false, message: "Builds run the Dockerfile's commands: they are off until the workspace is trusted." });
      assert.deepEqual(await children(client.proc.pid!), []);
      assert.deepEqual(output, []);
      assert.deepEqual(await hints(client, uri), []);
    } finally {
      client.proc.kill();
    }
  });

  it('marks a builder stage\'s layers not shipped; the final stage starts from its own base', async () => {
    const { client } = await start(true);
    try {
      const text = ['FROM localhost/debian:12-slim AS build', 'RUN head -c 400000 /dev/urandom > /artifact', 'FROM localhost/debian:12-slim', 'COPY --from=build /artifact /artifact', ''].join('\n');
      const uri = dockerfile('multi', text);
      client.open(uri, text);
      const result = (await client.connection.sendRequest(BUILD_AND_MEASURE_REQUEST, { uri })) as ImageBuildResult;
      assert.equal(result.ok, true, result.message);
      // 400,000 bytes of file plus the layer's tar headers, in both stages.
      const shown = (await hints(client, uri)).map(([line, , label]) => [line, String(label).replace(/^\+40\d\.\d kB/, '+400 kB')]);
      assert.deepEqual(shown, [
        [1, '+400 kB (not shipped)'],
        [2, 'base 77.6 MB'],
        [3, '+400 kB'],
      ]);
    } finally {
      client.proc.kill();
    }
  });

  it('points a failed RUN at its line, with the build output in the channel', async () => {
    const { client, output } = await start(true);
    try {
      const text = 'FROM localhost/debian:12-slim\nENV A=1\nRUN echo about to fail && exit 3\nCMD ["sh"]\n';
      const uri = dockerfile('failing', text);
      client.open(uri, text);
      const result = (await client.connection.sendRequest(BUILD_AND_MEASURE_REQUEST, { uri })) as ImageBuildResult;
      assert.equal(result.ok, false);
      assert.match(result.message, /^Build failed at line 3: /);
      assert.match(output.join(''), /about to fail/);
      const failed = (await client.diagnostics(uri)).filter((d) => d.source === 'stevedore image');
      assert.deepEqual(failed.map((d) => [d.range.start.line, d.severity, d.message]), [[2, 1, result.message]]);
      assert.deepEqual(await hints(client, uri), []);
    } finally {
      client.proc.kill();
    }
  });

  it('stops a cancelled build: the answer says so and no build process is left', async () => {
    const { client, output } = await start(true);
    try {
      const text = 'FROM localhost/debian:12-slim\nRUN echo started && sleep 120\n';
      const uri = dockerfile('slow', text);
      client.open(uri, text);
      const source = new CancellationTokenSource();
      const answer = client.connection.sendRequest(BUILD_AND_MEASURE_REQUEST, { uri }, source.token) as Promise<ImageBuildResult>;
      // Cancel once the RUN has started (its output arrived).
      for (let i = 0; i < 600 && !output.join('').includes('started'); i++) await new Promise((r) => setTimeout(r, 100));
      assert.match(output.join(''), /started/);
      source.cancel();
      const result = await answer.catch((e: Error) => ({ ok: false, cancelled: true, message: e.message }));
      assert.equal(result.ok, false);
      assert.equal(result.cancelled, true, result.message);
      assert.deepEqual(await children(client.proc.pid!), []);
      assert.deepEqual(await hints(client, uri), []);
    } finally {
      client.proc.kill();
    }
  });

  it('stops a build under way when the client shuts the server down', async () => {
    const { client, output } = await start(true);
    try {
      const text = 'FROM localhost/debian:12-slim\nRUN echo started && sleep 120\n';
      const uri = dockerfile('shutdown', text);
      client.open(uri, text);
      const answer = client.connection.sendRequest(BUILD_AND_MEASURE_REQUEST, { uri }) as Promise<ImageBuildResult>;
      for (let i = 0; i < 600 && !output.join('').includes('started'); i++) await new Promise((r) => setTimeout(r, 100));
      assert.match(output.join(''), /started/);
      await client.connection.sendRequest('shutdown');
      assert.deepEqual(await answer, { ok: false, cancelled: true, message: 'Build cancelled.' });
      assert.deepEqual(await children(client.proc.pid!), []);
    } finally {
      client.proc.kill();
    }
  });
});
