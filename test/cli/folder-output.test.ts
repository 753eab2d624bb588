// A folder of varied files linted by the built CLI gives, byte for byte, the output of the analysis library run in
// this process on the same files (one workspace of all manifests, each file's nearest config): the CLI's process set-up
// (V8 flags, its environment, the order it reads, parses and lints in) changes nothing in JSON, text or SARIF.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { configFailOn, projectConfigLoader } from '../../server/src/core/config';
import { FolderContext } from '../../server/src/core/context';
import { defaultContextRoot } from '../../server/src/core/dockerfile/analyze';
import { initShellParser } from '../../server/src/core/dockerfile/shell';
import { ManifestWorkspace } from '../../server/src/core/k8s/workspace';
import { languageOfFile } from '../../server/src/core/languages/language';
import { walk } from '../../server/src/core/walk';
import { severityRank } from '../../server/src/core/types';
import { languages, LANGUAGES, rulesById } from '../../server/src/rules';
import { formatJson, formatSarif, formatText, type FileReport } from '../../server/src/cli/format';
import { C, GO, MAVEN, NODE, PYTHON } from '../fixtures/single-stage-dockerfiles';
import { APP, ROUTING } from '../fixtures/web-manifests';
import { NGINX_DEPLOYMENT } from '../fixtures/nginx-deployment';
import { runCli } from './run';

const K8S_APP = path.resolve(__dirname, '../fixtures/k8s-app');

/** Runs the CLI with only node on PATH: no external checker's findings, which the library alone would not have. */
const lint = (args: string[], cwd: string) => runCli(['lint', ...args], { cwd, env: { PATH: path.dirname(process.execPath) } });

/** The files of the folder: Dockerfiles, manifests that refer to each other across files, configs, other YAML. */
function writeFolder(dir: string): void {
  const write = (rel: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  };
  const dockerfiles = { go: GO, node: NODE, python: PYTHON, maven: MAVEN, c: C };
  for (const [name, text] of Object.entries(dockerfiles)) write(`services/${name}/Dockerfile`, text);
  write('services/node/.dockerignore', 'node_modules\n');
  write('services/python/Dockerfile.dev', 'FROM python:3.12\nRUN pip install flask\nRUN apt-get update && apt-get install -y curl\n');
  write('services/bad/Dockerfile', 'FROM debian:12-slim\nRUN apt-get update\nRUN apt-get install curl\nUSER root\nCMD bash\n');
  write('services/bad/.hadolint.yaml', 'ignored:\n  - DL3059\n');
  for (const name of fs.readdirSync(K8S_APP)) write(`deploy/k8s-app/${name}`, fs.readFileSync(path.join(K8S_APP, name), 'utf8'));
  write('deploy/web/app.yaml', APP);
  write('deploy/web/routing.yaml', ROUTING);
  write('deploy/nginx/deployment.yml', NGINX_DEPLOYMENT);
  write('deploy/nginx/.stevedore.yaml', 'rules:\n  missing-resources: error\n');
  write('deploy/crlf/service.yaml', 'apiVersion: v1\r\nkind: Service\r\nmetadata:\r\n  name: nowhere\r\nspec:\r\n  selector:\r\n    app: missing\r\n  ports:\r\n    - port: 80\r\n');
  write('charts/app/templates/deployment.yaml', 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Values.name }}\n');
  write('config/settings.yaml', 'colour: blue\nsizes: [1, 2, 3]\n');
}

/** What the CLI should print for `lint <dir>`, computed with the library in this process. */
function expected(dir: string): { reports: FileReport[]; code: number } {
  const files = walk(dir);
  const inputs = files.map((file) => {
    const diskPath = path.resolve(file);
    const text = fs.readFileSync(file, 'utf8');
    return { file, diskPath, text, language: languageOfFile(LANGUAGES, file) ?? languages.dockerfile };
  });
  const workspace = new ManifestWorkspace();
  for (const i of inputs) i.language.publish?.(workspace, i.diskPath, i.text);
  const configFor = projectConfigLoader();
  const reports: FileReport[] = [];
  let failOn: string | undefined;
  for (const { file, diskPath, text, language } of inputs) {
    const config = configFor(path.dirname(diskPath));
    const env = { path: diskPath, context: new FolderContext(defaultContextRoot(diskPath)), workspace, config };
    if (!language.recognises(text, diskPath)) continue;
    const findings = language.analyze(text, env, {}).findings;
    const input = language.fixInput(text, env);
    const fixable = findings.map((f) => (rulesById.get(f.ruleId)?.fixes ?? []).some((fix) => fix.safe && fix.apply(input, f) !== null));
    reports.push({ path: file, findings, fixable, fixed: [], wrote: [] });
    failOn = configFailOn(config) ?? failOn;
  }
  const level = failOn ?? 'warning';
  const failing = level !== 'none' && reports.some((r) => r.findings.some((f) => severityRank(f.severity) <= severityRank(level as never)));
  return { reports, code: failing ? 1 : 0 };
}

describe('stevedore lint on a folder: the library’s findings, byte for byte', () => {
  let dir: string;
  let expect: { reports: FileReport[]; code: number };
  before(async () => {
    await initShellParser();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stevedore-folder-'));
    writeFolder(dir);
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      expect = expected('.');
    } finally {
      process.chdir(cwd);
    }
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('the folder holds Dockerfiles and cross-file manifests with findings of several rules', () => {
    assert.ok(expect.reports.length >= 12, `${expect.reports.length} files`);
    assert.ok(expect.reports.some((r) => r.path.endsWith('Dockerfile') && r.findings.length));
    assert.ok(expect.reports.some((r) => r.path.endsWith('.yaml') && r.findings.length));
    assert.ok(!expect.reports.some((r) => r.path.includes('charts') || r.path.includes('settings')));
    assert.ok(new Set(expect.reports.flatMap((r) => r.findings.map((f) => f.ruleId))).size >= 10);
  });

  it('JSON', () => {
    const r = lint(['--format', 'json', '.'], dir);
    assert.equal(r.code, expect.code);
    assert.equal(r.stdout, formatJson(expect.reports) + '\n');
  });

  it('text', () => {
    const r = lint(['.'], dir);
    assert.equal(r.code, expect.code);
    assert.equal(r.stdout, formatText(expect.reports, false) + '\n');
  });

  it('SARIF', () => {
    const r = lint(['--format', 'sarif', '.'], dir);
    assert.equal(r.code, expect.code);
    const version = JSON.parse(r.stdout).runs[0].tool.driver.version as string;
    assert.equal(r.stdout, formatSarif(expect.reports, version) + '\n');
  });
});
