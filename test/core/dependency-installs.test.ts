// What counts as a project's dependency install, per ecosystem (core/dockerfile/dependency-installs.ts).
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { MemoryContext } from '../../server/src/core/context';
import { dependencyInstall, fetchCommand, installManifests, isPrepCommand } from '../../server/src/core/dockerfile/dependency-installs';
import { buildModel } from '../../server/src/core/dockerfile/model';
import { initShellParser, type ShellCommand } from '../../server/src/core/dockerfile/shell';

const command = (script: string): ShellCommand => buildModel(`FROM a\nRUN ${script}\n`).runs[0].script.commands[0];

describe('dependency installs', () => {
  before(() => initShellParser());

  it('recognises installs and builds per ecosystem', () => {
    const cases: Array<[string, string | undefined, string?]> = [
      ['npm ci', 'npm', 'install'],
      ['npm install express', undefined],
      ['python3 -m pip install -r requirements.txt', 'pip', 'install'],
      ['pip install flask', undefined],
      // Read through package-managers.ts: option values are not the subcommand, aliases resolve.
      ['pip --timeout 60 install -r requirements.txt', 'pip', 'install'],
      ['pip3.12 download -r requirements.txt', undefined],
      ['uv pip install -r requirements.txt', 'pip', 'install'],
      ['npm i', 'npm', 'install'],
      ['pnpm install express', undefined],
      ['yarn', 'yarn', 'install'],
      ['go mod download', 'go', 'install'],
      ['poetry install --no-root', 'poetry', 'install'],
      ['go build ./...', 'go', 'build'],
      ['go install example.com/tool@latest', undefined],
      ['./mvnw package', 'maven', 'build'],
      ['cargo fetch', 'cargo', 'install'],
    ];
    for (const [script, eco, kind] of cases) {
      const found = dependencyInstall(command(script));
      assert.deepEqual(found && [found.eco, found.kind], eco && [eco, kind], script);
    }
    assert.deepEqual(dependencyInstall(command('pip install -rreq.txt -c constraints.txt'))?.files, ['req.txt', 'constraints.txt']);
  });

  it('names the dependency-only step of a build', () => {
    assert.equal(fetchCommand(dependencyInstall(command('go build -o /app'))!), 'go mod download');
    assert.equal(fetchCommand(dependencyInstall(command('gradlew build'))!), 'gradlew dependencies');
  });

  it('tells commands that can run before the sources from those that need them', () => {
    for (const s of ['apt-get update', 'rm -rf /var/lib/apt/lists/*', 'npm config set x y', 'pip install poetry', 'npm install -g pnpm', 'npm i -g pnpm', 'python3 -m pip install poetry', 'pip3.12 config set global.x y', 'dnf install -y git']) assert.ok(isPrepCommand(command(s)), s);
    for (const s of ['rm -rf build', 'pip install -e .', 'npm install', 'make']) assert.ok(!isPrepCommand(command(s)), s);
  });

  it('finds the manifests an install reads, following pip requirement includes', () => {
    const ctx = new MemoryContext({ 'package.json': '{}', 'package-lock.json': '{}', 'req/base.txt': 'flask\n-r extra.txt\n', 'req/extra.txt': 'gunicorn\n' });
    assert.deepEqual(installManifests(dependencyInstall(command('npm ci'))!, '.', ctx), ['package.json', 'package-lock.json']);
    assert.deepEqual(installManifests(dependencyInstall(command('pip install -r /app/req/base.txt'))!, '/app/', ctx), ['req/base.txt', 'req/extra.txt']);
    const self = new MemoryContext({ 'requirements.txt': '-e .\n' });
    assert.equal(installManifests(dependencyInstall(command('pip install -r requirements.txt'))!, '.', self), undefined);
  });
});
