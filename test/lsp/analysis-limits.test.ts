// The request layer stays bounded: a change cancels the stale analysis of the previous version, an analysis that
// runs out of its time budget skips the remaining rules and says so, and a rule that throws shows up on the file.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { analyzeDockerfile } from '../../server/src/core/dockerfile/analyze';
import { FolderContext } from '../../server/src/core/context';
import { initShellParser } from '../../server/src/core/dockerfile/shell';
import { WEB_DEPLOYMENT } from '../helpers/k8s';
import { TestClient } from '../helpers/lspClient';
import { dockerfileRules } from '../../server/src/rules';
import { bigManifest } from '../../scripts/bench';

/** A Dockerfile whose full analysis takes the better part of a second (1,500 RUNs, 3,000 findings; under the shell-check size limit). */
function bigDockerfile(runs = 1500, extra = ''): string {
  return 'FROM ubuntu:22.04\n' + 'RUN apt-get install foo\n'.repeat(runs) + extra;
}

const DEPLOYMENT = WEB_DEPLOYMENT;

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stevedore-limits-'));
  fs.writeFileSync(path.join(dir, '.dockerignore'), '.git\n');
  return dir;
}

async function timed<T>(request: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await request();
  return { ms: performance.now() - start, value };
}

describe('a change cancels the stale analysis', () => {
  let client: TestClient;
  let dir: string;
  before(async () => {
    await initShellParser();
    dir = tempDir();
    // No budget to speak of: each version's analysis would run to completion if nothing cancelled it.
    // Every rule takes 20 ms, so each analysis lasts most of a second and the next change arrives while it runs.
    process.env.STEVEDORE_TEST_SLOW_RULES_MS = '20';
    try {
      client = await TestClient.start({ folders: [dir], initializationOptions: { traceAnalyses: true, analysisBudgetMs: 600_000 } });
    } finally {
      delete process.env.STEVEDORE_TEST_SLOW_RULES_MS;
    }
  });
  after(async () => {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('quick edits to a big Dockerfile: only the last version is analyzed to the end, and its diagnostics match its text', async () => {
    const file = path.join(dir, 'Dockerfile');
    const uri = pathToFileURL(file).toString();
    const label = (v: number) => new RegExp(`^analysis (started|finished|cancelled): ${uri.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} v${v}\\b`);
    let text = bigDockerfile();
    client.open(uri, text);
    // As VS Code does: a pull after every change, each one superseding the one before.
    const pulls = [client.diagnostics(uri)];
    for (let version = 2; version <= 5; version++) {
      // The previous version's analysis is under way when the edit arrives.
      await client.waitForMessage(new RegExp(label(version - 1).source.replace('(started|finished|cancelled)', 'started')), 30_000);
      // Each version adds a line, so each has its own set of findings.
      text = bigDockerfile(1500, 'RUN apt-get install marker\n'.repeat(version - 1));
      client.change(uri, text);
      pulls.push(client.diagnostics(uri));
    }
    const results = await Promise.all(pulls);
    const last = results[results.length - 1];
    await client.waitForMessage(new RegExp(label(5).source.replace('(started|finished|cancelled)', 'finished')), 30_000);

    const trace = client.messages.filter((m) => m.startsWith('analysis '));
    for (let v = 1; v <= 4; v++) {
      assert.ok(!trace.some((m) => m.startsWith('analysis finished') && label(v).test(m)), `v${v} was analyzed to the end:\n${trace.join('\n')}`);
      assert.ok(trace.some((m) => m.startsWith('analysis cancelled') && label(v).test(m)), `v${v} was not cancelled:\n${trace.join('\n')}`);
    }
    assert.equal(trace.filter((m) => m.startsWith('analysis finished')).length, 1, trace.join('\n'));

    // The diagnostics are those of the last text (every pull gets them: older ones waited for the newest analysis).
    const expected = analyzeDockerfile(text, { rules: dockerfileRules, path: file, context: new FolderContext(dir) });
    const key = (d: { ruleId?: string; code?: string; range: any; message: string }) => `${d.ruleId ?? d.code} ${JSON.stringify(d.range)} ${d.message}`;
    assert.deepEqual(last.map(key), expected.map(key));
    assert.ok(last.some((d) => d.code === 'apt-missing-yes' && d.range.start.line === 1504), 'the fifth version\'s last line is analyzed');
    for (const r of results) assert.equal(r.length, last.length);
  });
});

describe('time budget', () => {
  let budgeted: TestClient;
  let unbounded: TestClient;
  let dir: string;
  const BUDGET_MS = 50;
  before(async () => {
    dir = tempDir();
    budgeted = await TestClient.start({ folders: [dir], initializationOptions: { analysisBudgetMs: BUDGET_MS } });
    unbounded = await TestClient.start({ folders: [dir], initializationOptions: { analysisBudgetMs: 600_000 } });
  });
  after(async () => {
    await budgeted.stop();
    await unbounded.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('an analysis over its budget answers early and names the rules it skipped', async () => {
    const uri = pathToFileURL(path.join(dir, 'Dockerfile')).toString();
    const warm = pathToFileURL(path.join(dir, 'Dockerfile.warm')).toString();
    // Parsing is not cut short, so the file is sized for its parse to fit well within a second.
    const text = bigDockerfile(1000);
    for (const client of [budgeted, unbounded]) {
      client.open(warm, bigDockerfile(300));
      await client.diagnostics(warm);
      client.open(uri, text);
    }
    const full = await timed(() => unbounded.diagnostics(uri));
    const cut = await timed(() => budgeted.diagnostics(uri));
    console.log(`1,000 RUNs: diagnostics with a ${BUDGET_MS} ms budget ${cut.ms.toFixed(0)} ms (${cut.value.length} findings), unbounded ${full.ms.toFixed(0)} ms (${full.value.length} findings)`);
    const notes = cut.value.filter((d) => d.code === 'analysis-incomplete');
    assert.equal(notes.length, 1, JSON.stringify(notes));
    assert.equal(notes[0].severity, 3, 'information');
    assert.deepEqual(notes[0].range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
    assert.match(notes[0].message, new RegExp(`^Analysis stopped at its time budget \\(${BUDGET_MS} ms\\); \\d+ rules? skipped: .*; results are incomplete$`));
    assert.ok(!full.value.some((d) => d.code === 'analysis-incomplete'), 'with room to spare every rule runs');
    assert.ok(cut.ms < 1000, `the budgeted request took ${cut.ms.toFixed(0)} ms`);
    assert.ok(cut.ms < full.ms, `budgeted ${cut.ms.toFixed(0)} ms, unbounded ${full.ms.toFixed(0)} ms`);
    // Requests that need the analysis reuse it instead of starting one without a budget.
    const hover = await timed(() => budgeted.request('textDocument/hover', { textDocument: { uri }, position: { line: 5, character: 5 } }));
    const actions = await timed(() => budgeted.request<any[]>('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 5, character: 0 }, end: { line: 5, character: 0 } }, context: { diagnostics: cut.value.filter((d) => d.range.start.line === 5) } }));
    assert.ok(hover.ms < 1000 && actions.ms < 1000, `hover ${hover.ms.toFixed(0)} ms, code actions ${actions.ms.toFixed(0)} ms`);
  });
});

describe('time budget of a manifest parsed when it changed', () => {
  let budgeted: TestClient;
  let dir: string;
  before(async () => {
    dir = tempDir();
    budgeted = await TestClient.start({ folders: [dir], initializationOptions: { analysisBudgetMs: 50, traceAnalyses: true } });
  });
  after(async () => {
    await budgeted.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('counts that parse: a 20,000-line manifest whose parse alone takes the budget runs no rule', async () => {
    // The server parses an open manifest as its text arrives (for the other files' cross-file checks) and the
    // analysis reuses that parse: it used to get a whole budget after it, so parse and rules could pass a second.
    const uri = pathToFileURL(path.join(dir, 'app.yaml')).toString();
    budgeted.open(uri, bigManifest(20_000), 'yaml');
    const diags = await budgeted.diagnostics(uri);
    const started = budgeted.messages.find((m) => m.startsWith('analysis started') && m.includes('app.yaml'));
    const parseMs = Number(/its parse took (\d+) ms of the budget/.exec(started ?? '')?.[1]);
    assert.ok(parseMs >= 50, `the parse is timed and counted: ${started}`);
    assert.deepEqual(diags.map((d) => d.code), ['analysis-incomplete'], JSON.stringify(diags.slice(0, 3)));
    assert.match(diags[0].message, /^Analysis stopped at its time budget \(50 ms\); \d+ rules skipped: /);
  });
});

describe('a rule that throws shows on the file', () => {
  let client: TestClient;
  let dir: string;
  before(async () => {
    dir = tempDir();
    // The spawned server cannot be handed a throwing rule; this test hook makes real rules throw.
    process.env.STEVEDORE_TEST_FAIL_RULES = 'merge-run,missing-resources';
    try {
      client = await TestClient.start({ folders: [dir] });
    } finally {
      delete process.env.STEVEDORE_TEST_FAIL_RULES;
    }
  });
  after(async () => {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  for (const [name, text, languageId, rule] of [
    ['Dockerfile', 'FROM debian:12-slim\nRUN apt-get update\nRUN apt-get install -y curl\n', 'dockerfile', 'merge-run'],
    ['web.yaml', DEPLOYMENT, 'yaml', 'missing-resources'],
  ] as const) {
    it(`${languageId}: one information diagnostic at the top names ${rule}; the server log still says so`, async () => {
      const uri = pathToFileURL(path.join(dir, name)).toString();
      client.open(uri, text, languageId);
      const diags = await client.diagnostics(uri);
      const notes = diags.filter((d) => d.code === 'analysis-incomplete');
      assert.equal(notes.length, 1, JSON.stringify(diags.map((d) => d.code)));
      assert.equal(notes[0].severity, 3);
      assert.equal(notes[0].source, 'stevedore');
      assert.deepEqual(notes[0].range.start, { line: 0, character: 0 });
      assert.equal(notes[0].message, `Rule ${rule} failed on this file and was skipped: ${rule} made to fail by STEVEDORE_TEST_FAIL_RULES; results are incomplete`);
      assert.match(notes[0].codeDescription.href, /rules\.md#analysis-incomplete$/);
      assert.ok(diags.some((d) => d.code !== 'analysis-incomplete'), 'the other rules still report');
      await client.waitForMessage(new RegExp(`rule ${rule} failed and was skipped`));
      // A pragma cannot silence it (it belongs to no instruction), so no "Ignore" action pretends to.
      const actions: any[] = await client.request('textDocument/codeAction', { textDocument: { uri }, range: notes[0].range, context: { diagnostics: notes } });
      assert.deepEqual(actions.filter((a) => a.diagnostics?.[0]?.code === 'analysis-incomplete').map((a) => a.title), []);
    });
  }
});
