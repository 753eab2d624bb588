// The CLI's npm package as a user gets it: `npm run pack:cli`'s tarball installed into an empty project (offline,
// with an empty cache: it has no dependencies), then linting a project elsewhere through node_modules/.bin.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';

const ROOT = path.resolve(__dirname, '../..');
const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

function files(dir: string, base = dir): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name), base) : [path.relative(base, path.join(dir, e.name))]));
}

describe('stevedore-lint npm package', () => {
  let tmp: string;
  let bin: string;
  let installed: string;
  const project = () => path.join(tmp, 'project');
  const stevedore = (args: string[]) => {
    const r = spawnSync(bin, args, { cwd: project(), encoding: 'utf8', env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '' } });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr, error: r.error };
  };

  before(() => {
    tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'stevedore-package-')));
    const packed = spawnSync(process.execPath, [path.join(ROOT, 'scripts/pack-cli.mjs'), '--out', path.join(tmp, 'out')], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(packed.status, 0, packed.stderr);
    const tarball = packed.stdout.trim().split('\n').pop()!;
    assert.equal(path.basename(tarball), `stevedore-lint-${version}.tgz`);
    const consumer = path.join(tmp, 'consumer');
    fs.mkdirSync(consumer);
    fs.writeFileSync(path.join(consumer, 'package.json'), '{"private":true}\n');
    const npm = spawnSync('npm', ['install', '--offline', '--no-audit', '--no-fund', tarball], {
      cwd: consumer,
      encoding: 'utf8',
      env: { ...process.env, npm_config_cache: path.join(tmp, 'npm-cache') },
    });
    assert.equal(npm.status, 0, npm.stderr);
    installed = path.join(consumer, 'node_modules/stevedore-lint');
    bin = path.join(consumer, 'node_modules/.bin/stevedore');
    // A project outside the repository, linted from its own folder.
    fs.mkdirSync(path.join(project(), 'k8s'), { recursive: true });
    fs.writeFileSync(path.join(project(), '.dockerignore'), '.git\n');
    fs.writeFileSync(path.join(project(), 'Dockerfile'), 'FROM debian:12-slim\nRUN apt-get update\nRUN apt-get install -y curl=7.88.1-10+deb12u8\nUSER nobody\n');
    fs.writeFileSync(path.join(project(), 'k8s/cm.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\n  colour: blue\n');
    fs.writeFileSync(path.join(project(), 'k8s/cert.yaml'), 'apiVersion: cert-manager.io/v1\nkind: Certificate\nmetadata:\n  name: web\nspec:\n  secretName: web-tls\n  dnsNames: [example.com]\n  issuerRef:\n    name: letsencrypt\n  renewIn: 30d\n');
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('holds only the bundle, the parser, the schemas, a README and the licence, and depends on nothing', () => {
    assert.deepEqual(files(installed).sort(), [
      'LICENSE',
      'README.md',
      'dist/cli-main.js',
      'dist/cli.js',
      'dist/tree-sitter-bash.wasm',
      'dist/tree-sitter.cjs',
      'dist/tree-sitter.wasm',
      'package.json',
      ...fs.readdirSync(path.join(ROOT, 'schemas/crds')).map((f) => `schemas/crds/${f}`),
      'schemas/kubernetes.json',
      'schemas/stevedore-config.schema.json',
    ].sort());
    const manifest = JSON.parse(fs.readFileSync(path.join(installed, 'package.json'), 'utf8'));
    assert.equal(manifest.name, 'stevedore-lint');
    assert.equal(manifest.version, version);
    assert.deepEqual(manifest.bin, { stevedore: 'dist/cli.js' });
    assert.equal(manifest.engines.node, '>=20');
    assert.equal(manifest.license, 'MIT');
    for (const field of ['dependencies', 'optionalDependencies', 'peerDependencies', 'scripts']) assert.equal(manifest[field], undefined, field);
    assert.equal(fs.readdirSync(path.dirname(installed)).filter((n) => !n.startsWith('.')).join(), 'stevedore-lint', 'nothing else installed');
  });

  it('the installed bin prints its version and help', () => {
    const v = stevedore(['--version']);
    assert.equal(v.error, undefined);
    assert.equal(v.stdout, `${version}\n`);
    assert.match(stevedore(['--help']).stdout, /--format text\|json\|sarif/);
  });

  it('the installed bin lints Dockerfiles and manifests (shell parser and Kubernetes schemas found) and fails on findings', () => {
    const r = stevedore(['lint', '--format', 'json', '.']);
    assert.equal(r.code, 1, r.stderr);
    assert.equal(r.stderr, '');
    const out = JSON.parse(r.stdout);
    const byPath = Object.fromEntries(out.files.map((f: any) => [f.path, f.findings.map((x: any) => `${x.ruleId}:${x.range.start.line}`)]));
    // merge-run and apt-lists-not-cleaned need the shell grammar; the unknown field needs schemas/kubernetes.json.
    assert.deepEqual(byPath.Dockerfile.sort(), ['apt-lists-not-cleaned:2', 'apt-no-install-recommends:3', 'merge-run:3']);
    assert.ok(byPath['k8s/cm.yaml'].includes('k8s-schema:5'), JSON.stringify(byPath));
    // The bundled cert-manager schema is found beside the bundle: the misspelt key is reported at its line.
    assert.ok(byPath['k8s/cert.yaml'].includes('k8s-schema:10'), JSON.stringify(byPath));
    assert.equal(stevedore(['lint', '--fail-on', 'none', '.']).code, 0);
  });

  it('the installed bin writes SARIF and exits 1 on findings, as the README CI step relies on', () => {
    const r = stevedore(['lint', '--format', 'sarif', '.']);
    assert.equal(r.code, 1, r.stderr);
    const sarif = JSON.parse(r.stdout);
    assert.equal(sarif.runs[0].tool.driver.version, version);
    assert.ok(sarif.runs[0].results.some((x: any) => x.ruleId === 'merge-run' && x.locations[0].physicalLocation.artifactLocation.uri === 'Dockerfile'));
  });

  it("the README installs this package at this version and its CI step fails on findings", () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const cli = readme.slice(readme.indexOf('## CLI\n'), readme.indexOf('\n## ', readme.indexOf('## CLI\n') + 1));
    const pins = [...cli.matchAll(/stevedore-lint@(\S+)/g)].map((m) => m[1]);
    assert.ok(pins.length >= 3, cli);
    for (const pin of pins) assert.equal(pin, version);
    assert.doesNotMatch(cli, /\|\| true/);
    // npx may run the CLI only when told which package holds it (bare `stevedore` is someone else's package).
    for (const line of cli.split('\n').filter((l) => /^\s*(- run: )?npx /.test(l))) assert.match(line, /--package=stevedore-lint@/, line);
    assert.match(cli, /run: stevedore lint --format sarif \. > stevedore\.sarif\n\s+- name: .*\n\s+if: always\(\)\n\s+uses: github\/codeql-action\/upload-sarif/);
  });
});
