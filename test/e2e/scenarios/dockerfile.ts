// Scenarios 1–4: Dockerfile diagnostics and the fixes a person applies from the Ctrl+. menu.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Scenario } from '../lib/scenario';
import { waitFor, waitForFile } from '../lib/wait';

/** Joins `\`-continued lines, so an instruction is one line. */
const instructions = (text: string) => text.replace(/\\\r?\n\s*/g, ' ').split('\n').filter((l) => l.trim() && !l.startsWith('#'));

export const problems: Scenario = {
  slug: 'problems',
  title: 'a Dockerfile with problems shows squiggles and Problems entries with rule ids',
  fixture: 'problems',
  async run({ wb, shot }) {
    await wb.openFile('Dockerfile');
    const squiggles = await wb.waitForSquiggles();
    assert.ok(squiggles >= 5, `expected squiggles on most lines, saw ${squiggles}`);
    const expected = ['missing-dockerignore', 'root-user', 'maintainer-deprecated', 'secret-in-env', 'workdir-relative', 'apt-lists-not-cleaned', 'merge-run', 'apt-missing-yes', 'cache-busting-copy', 'pip-no-cache-dir', 'json-args'];
    const rows = await wb.waitForProblems(expected);
    const mergeRow = rows.find((r) => r.includes('merge-run'))!;
    assert.ok(mergeRow.some((l) => /2 consecutive RUN instructions/.test(l)), `merge-run row: ${mergeRow.join(' · ')}`);
    assert.ok(mergeRow.some((l) => l.includes('Ln 7, Col 1')), `merge-run row points at line 7: ${mergeRow.join(' · ')}`);
    await shot('problems');
  },
};

export const mergeRun: Scenario = {
  slug: 'merge-run',
  title: 'Ctrl+. on consecutive RUNs → "Merge RUN instructions" → one RUN on disk',
  fixture: 'merge-run',
  async run({ wb, folder, shot }) {
    await wb.openFile('Dockerfile');
    await wb.waitForSquiggles(['warning']);
    await wb.goToLine(3);
    await wb.openCodeActions('Merge RUN instructions');
    await shot('quick-fix');
    await wb.page.keyboard.press('Escape');
    await wb.page.locator('.action-widget').waitFor({ state: 'hidden' });
    await wb.codeAction('Merge RUN instructions');
    await wb.save();
    const text = await waitForFile(path.join(folder, 'Dockerfile'), (t) => instructions(t).filter((l) => l.startsWith('RUN ')).length === 1, 'one RUN in the saved Dockerfile');
    const runs = instructions(text).filter((l) => l.startsWith('RUN '));
    assert.match(runs[0], /^RUN apk add --no-cache curl\s+&&\s+adduser -D app$/, text);
    assert.match(text, /^USER app$/m, 'the rest of the file is unchanged');
  },
};

export const dockerignore: Scenario = {
  slug: 'dockerignore',
  title: 'the missing-.dockerignore quick fix creates .dockerignore with the expected entries',
  fixture: 'dockerignore',
  setup({ folder }) {
    // What a real project has and git cannot hold in a fixture: a repository, installed modules, local secrets.
    fs.mkdirSync(path.join(folder, '.git'), { recursive: true });
    fs.writeFileSync(path.join(folder, '.git', 'HEAD'), 'ref: refs/heads/main\n');
    fs.mkdirSync(path.join(folder, 'node_modules', 'left-pad'), { recursive: true });
    fs.writeFileSync(path.join(folder, 'node_modules', 'left-pad', 'index.js'), 'module.exports = (s) => s;\n');
    fs.writeFileSync(path.join(folder, '.env'), 'API_TOKEN=secret\n');
  },
  async run({ wb, folder }) {
    await wb.openFile('Dockerfile');
    await wb.waitForSquiggles(['warning']);
    await wb.waitForProblems(['missing-dockerignore']);
    await wb.goToLine(1);
    await wb.codeAction('Create a .dockerignore for this build context');
    const file = path.join(folder, '.dockerignore');
    const entries = ['.git', 'node_modules', '.env', 'Dockerfile', '.dockerignore'];
    const lines = (t: string) => t.split(/\r?\n/).map((l) => l.trim());
    const text = await waitForFile(file, (t) => entries.every((e) => lines(t).includes(e)), `.dockerignore with ${entries.join(', ')}`);
    assert.ok(!lines(text).includes('package.json') && !lines(text).includes('index.js'), `files the image needs must not be ignored:\n${text}`);
    await wb.waitForNoProblem('missing-dockerignore');
  },
};

export const multiStage: Scenario = {
  slug: 'multi-stage',
  title: '"Convert to multi-stage build" on a single-stage Go Dockerfile',
  fixture: 'multistage',
  async run({ wb, folder, shot }) {
    await wb.openFile('Dockerfile');
    await wb.waitForSquiggles(['warning']);
    await wb.goToLine(1, 3);
    await wb.codeAction('Convert to multi-stage build');
    await wb.waitForEditorText('the editor to show the build stage', (t) => /FROM golang:1\.22 AS build/.test(t));
    await wb.save();
    const text = await waitForFile(path.join(folder, 'Dockerfile'), (t) => (t.match(/^FROM /gm) ?? []).length === 2, 'two stages in the saved Dockerfile');
    assert.match(text, /^FROM golang:1\.22 AS build$/m, text);
    assert.match(text, /^RUN (CGO_ENABLED=0 )?go build -o \/out\/server \.$/m, text);
    assert.match(text, /^COPY --from=build \/out\/server \S+$/m, text);
    const runtime = text.slice(text.lastIndexOf('FROM '));
    assert.doesNotMatch(runtime.split('\n')[0], /golang/, 'the final stage is not the toolchain image');
    assert.match(runtime, /^CMD \[/m, 'the CMD moves to the runtime stage');
    await wb.waitForNoProblem('build-tools-in-final-stage');
    // The CodeLens now calls the first stage a build stage; after the rewrite the lenses are laid out again, so wait
    // until it sits above its FROM line (also what the README screenshot needs).
    const lens = wb.page.locator('.codelens-decoration', { hasText: 'stage "build" · build stage (not shipped)' }).first();
    const from = wb.page.locator('.view-line', { hasText: 'AS build' }).first();
    await waitFor('the build stage CodeLens above the first FROM', async () => {
      const [l, f] = [await lens.boundingBox({ timeout: 1000 }), await from.boundingBox({ timeout: 1000 })];
      return !!l && !!f && l.y + l.height <= f.y + 1;
    });
    await shot('multi-stage');
  },
};
