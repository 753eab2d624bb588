import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { analyzeDockerfile } from '../../../server/src/core/dockerfile/analyze';
import { FolderContext } from '../../../server/src/core/context';
import { initShellParser } from '../../../server/src/core/dockerfile/shell';
import { missingDockerignore } from '../../../server/src/rules/dockerfile/missing-dockerignore';
import { ruleTable, runRule } from '../../helpers/ruleTable';

const NODE_DF = 'FROM node:20-slim\nWORKDIR /app\nCOPY . .\nRUN npm ci\nCMD ["node", "index.js"]\n';

ruleTable(missingDockerignore, [
  {
    name: 'node project: .git, node_modules, build output, tests, editors, logs',
    text: NODE_DF,
    files: {
      Dockerfile: NODE_DF,
      'package.json': '{}',
      'package-lock.json': '{}',
      'index.js': '',
      '.git/HEAD': 'ref: refs/heads/main',
      'node_modules/left-pad/index.js': '',
      'dist/index.js': '',
      'coverage/lcov.info': '',
      '__tests__/a.test.js': '',
      '.vscode/settings.json': '{}',
      'npm-debug.log': '',
      'src/.DS_Store': '',
      '.env': 'TOKEN=x',
      '.env.local': 'TOKEN=y',
      '.env.example': 'TOKEN=',
    },
    expect: ['1:1-1:5'],
    messages: [/^No \.dockerignore in the build context, so `COPY \. \.` sends `\.git`, `node_modules`, `\.env`, `dist` and 3 more to the builder and copies them into the image; add a \.dockerignore$/],
    fixedFiles: {
      '.dockerignore': [
        '# Version control',
        '.git',
        '',
        '# Dependencies are installed inside the image',
        'node_modules',
        '',
        '# Build output',
        'dist/',
        '',
        '# Tests and coverage',
        'coverage/',
        '__tests__/',
        '',
        '# Local environment and secrets',
        '.env',
        '.env.*',
        '!.env.example',
        '',
        '# Editors and OS files',
        '.vscode/',
        '**/.DS_Store',
        '',
        '# Logs',
        '**/*.log',
        '',
        '# Docker build files',
        'Dockerfile',
        '.dockerignore',
        '',
      ].join('\n'),
    },
  },
  {
    name: 'python project: caches and virtualenvs; tests kept because a RUN runs pytest',
    text: 'FROM python:3.12-slim AS test\nCOPY . .\nRUN pip install -r requirements.txt && \\\n    python -m pytest\n',
    files: {
      'requirements.txt': 'flask',
      'app/__pycache__/x.pyc': '',
      'app/main.py': '',
      '.venv/bin/python': '',
      'tests/test_app.py': '',
      'build/lib/app.py': '',
      '.pytest_cache/README.md': '',
    },
    expect: ['1:1-1:5'],
    messages: [/^No \.dockerignore in the build context, so `COPY \. \.` sends `\.venv`, `\*\*\/__pycache__`, `\*\*\/\*\.pyc`, `build` and `\.pytest_cache` to the builder and copies them into the image/],
    fixedFiles: {
      '.dockerignore':
        '# Dependencies are installed inside the image\n**/__pycache__\n**/*.pyc\n.venv/\n\n# Build output\nbuild/\n\n# Tests and coverage\n.pytest_cache/\n\n# Docker build files\nDockerfile\n.dockerignore\n',
    },
  },
  {
    name: 'explicitly copied folders are not excluded; workspaces get **/node_modules',
    text: 'FROM nginx:1.27-alpine\nCOPY dist/ /usr/share/nginx/html/\nCOPY tests ./tests\n',
    files: { 'package.json': '{}', 'dist/index.html': '', 'tests/a.js': '', 'packages/ui/node_modules/x/index.js': '' },
    expect: ['1:1-1:5'],
    messages: [/^No \.dockerignore in the build context, which holds `\*\*\/node_modules`: nothing keeps it out of a later `COPY \. \.` or a build with the classic builder; add a \.dockerignore$/],
    fixedFiles: { '.dockerignore': '# Dependencies are installed inside the image\n**/node_modules\n\n# Docker build files\nDockerfile\n.dockerignore\n' },
  },
  {
    name: 'CRLF Dockerfile gets a CRLF .dockerignore; the first instruction may be an ARG',
    text: '# syntax=docker/dockerfile:1\r\nARG V=1\r\nFROM alpine:3.20\r\n',
    files: { '.idea/workspace.xml': '', '.env': 'TOKEN=x' },
    expect: ['2:1-2:4'],
    fixedFiles: { '.dockerignore': '# Local environment and secrets\r\n.env\r\n\r\n# Editors and OS files\r\n.idea/\r\n\r\n# Docker build files\r\nDockerfile\r\n.dockerignore\r\n' },
  },
  {
    name: 'editor folders and logs alone are not worth a finding when nothing copies the whole context',
    text: 'FROM alpine:3.20\nCOPY run.sh /usr/local/bin/\n',
    files: { 'run.sh': '', '.vscode/settings.json': '{}', 'build.log': '', '.DS_Store': '' },
    expect: [],
    noFix: true,
  },
  { name: 'empty document: 0:0', text: '', files: { '.git/HEAD': '' }, expect: ['1:1-1:1'] },
  {
    name: 'one file copied from a context with nothing to exclude: silent, and no file to create',
    text: 'FROM python:3.12-slim\nCOPY app.py /app/\nCMD ["python", "/app/app.py"]\n',
    files: { Dockerfile: '', 'app.py': '', 'README.md': '' },
    expect: [],
    noFix: true,
  },
  {
    name: 'the whole context copied with nothing else to exclude: says so; the file keeps the Dockerfile out',
    text: 'FROM nginx:1.27-alpine\nCOPY ./ /usr/share/nginx/html/\n',
    files: { Dockerfile: '', 'index.html': '' },
    expect: ['1:1-1:5'],
    messages: [/^No \.dockerignore in the build context, so `COPY \.\/ \/usr\/share\/nginx\/html\/` copies all of it into the image, the Dockerfile included, and any file change invalidates that layer's cache; add a \.dockerignore$/],
    fixedFiles: { '.dockerignore': '# Docker build files\nDockerfile\n.dockerignore\n' },
  },
  {
    name: 'a big folder is named with its size; a single-file COPY is not called `COPY . .`',
    text: 'FROM node:20-slim\nCOPY package.json /app/\n',
    files: { 'package.json': '{}', '.git/objects/pack/p.pack': 'x'.repeat(3 * 1024 * 1024 + 10), '.git/HEAD': 'ref: refs/heads/main', '.env': 'TOKEN=x' },
    expect: ['1:1-1:5'],
    messages: [/^No \.dockerignore in the build context, which holds `\.git` \(3 MB\) and `\.env`: nothing keeps them out of a later `COPY \. \.` or a build with the classic builder; add a \.dockerignore$/],
    fixedFiles: { '.dockerignore': '# Version control\n.git\n\n# Local environment and secrets\n.env\n\n# Docker build files\nDockerfile\n.dockerignore\n' },
  },
  { name: '.dockerignore exists', text: NODE_DF, files: { '.dockerignore': '.git\n', 'package.json': '{}' }, expect: [] },
  { name: 'per-Dockerfile ignore file', text: NODE_DF, files: { 'Dockerfile.dockerignore': '.git\n', 'package.json': '{}' }, expect: [] },
  { name: 'no build context known', text: NODE_DF, expect: [] },
]);

describe('missing-dockerignore on a folder on disk', () => {
  let dir: string;
  before(async () => {
    await initShellParser();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stevedore-ctx-'));
    fs.mkdirSync(path.join(dir, '.git/objects/pack'), { recursive: true });
    fs.writeFileSync(path.join(dir, '.git/objects/pack/p.pack'), Buffer.alloc(5 * 1024 * 1024));
    // More entries than the size walk may visit: its size is reported as a lower bound, quickly.
    for (let d = 0; d < 60; d++) {
      const pkg = path.join(dir, 'node_modules', `pkg${d}`);
      fs.mkdirSync(pkg, { recursive: true });
      for (let f = 0; f < 100; f++) fs.writeFileSync(path.join(pkg, `f${f}.js`), '');
    }
    fs.writeFileSync(path.join(dir, 'package.json'), '{}');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('names .git with its size and node_modules with a bounded count, within a bounded time', () => {
    const text = 'FROM node:20-slim\nCOPY . .\n';
    const run = (root: string) => analyzeDockerfile(text, { rules: [missingDockerignore], context: new FolderContext(root), path: path.join(root, 'Dockerfile') });
    // Warm the analysis up on another folder, so the timed run is the first (uncached) size walk of this one.
    const warm = fs.mkdtempSync(path.join(os.tmpdir(), 'stevedore-warm-'));
    run(warm);
    fs.rmSync(warm, { recursive: true, force: true });
    const started = performance.now();
    const [finding] = run(dir);
    const ms = performance.now() - started;
    assert.match(finding.message, /^No \.dockerignore in the build context, so `COPY \. \.` sends `\.git` \(5 MB\) and `node_modules` \(over 1000 entries\) to the builder and copies them into the image; add a \.dockerignore$/);
    assert.equal(finding.severity, 'warning');
    // 20-70 ms measured on the shared, loaded test machine; the bound leaves room for worse.
    assert.ok(ms < 1000, `took ${ms.toFixed(0)} ms`);
  });
});

describe('missing-dockerignore severity', () => {
  before(() => initShellParser());
  it('a warning when the whole context is copied, information when only named files are', () => {
    const files = { 'package.json': '{}', '.git/HEAD': '', '.env': 'TOKEN=x' };
    assert.deepEqual(runRule(missingDockerignore, { text: 'FROM node:20-slim\nCOPY . .\n', files }).map((f) => f.severity), ['warning']);
    assert.deepEqual(runRule(missingDockerignore, { text: 'FROM node:20-slim\nCOPY package.json ./\n', files }).map((f) => f.severity), ['info']);
  });
});
