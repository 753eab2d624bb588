// Kustomize overlays in `stevedore lint`, through the real /usr/bin/kubectl: a base and two overlays (dev: namePrefix,
// commonLabels, an image override and a strategic-merge patch; prod: a resource that is missing). A finding caused
// by the patch lands on the patch file, one from the base on the base file, the missing resource on its line; a
// kubectl that hangs is stopped after the timeout and reported once.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { projectConfigLoader } from '../../server/src/core/config';
import { ManifestWorkspace } from '../../server/src/core/k8s/workspace';
import { languages } from '../../server/src/rules';
import { parseLintArgs } from '../../server/src/cli/args';
import type { FileReport } from '../../server/src/cli/format';
import { lintKustomizations, type KustomizeOptions } from '../../server/src/cli/kustomize';
import { lintOne, type Input } from '../../server/src/cli/lint-files';

const K = 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n';
const FILES: Record<string, string> = {
  'base/kustomization.yaml': `${K}resources:\n  - deployment.yaml\n`,
  'base/deployment.yaml':
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n        - name: web\n          image: ghcr.io/acme/web:1.4.0\n          securityContext:\n            privileged: true\n',
  'overlays/dev/kustomization.yaml': `${K}namePrefix: dev-\ncommonLabels:\n  env: dev\nresources:\n  - ../../base\nimages:\n  - name: ghcr.io/acme/web\n    newTag: 1.5.0\npatches:\n  - path: escalation.yaml\n`,
  'overlays/dev/escalation.yaml':
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          securityContext:\n            allowPrivilegeEscalation: true\n',
  'overlays/prod/kustomization.yaml': `${K}namePrefix: prod-\nresources:\n  - ../../base\n  - missing.yaml\n`,
};

let root = '';
const KUBECTL: KustomizeOptions = { kubectl: '/usr/bin/kubectl', timeoutMs: 20_000 };

/** Lints the given files (relative to the fixture) the way `stevedore lint` does, then their kustomizations. */
function lint(files: string[], options = KUBECTL): { reports: FileReport[]; warnings: string[] } {
  const inputs: Input[] = files.map((f) => {
    const diskPath = path.join(root, f);
    return { file: diskPath, displayPath: f, diskPath, text: fs.readFileSync(diskPath, 'utf8'), language: languages.kubernetes };
  });
  const workspace = new ManifestWorkspace();
  for (const i of inputs) i.language.publish?.(workspace, i.diskPath!, i.text);
  const warnings: string[] = [];
  const run = { workspace, configFor: projectConfigLoader(undefined) };
  const reports = inputs.flatMap((i) => lintOne(i, parseLintArgs([i.file]), { ...run, warn: (l) => warnings.push(l) }).report ?? []);
  lintKustomizations(inputs, reports, run, options, (l) => warnings.push(l));
  return { reports, warnings };
}

/** The findings of one file as "line:col rule message-start" lines, paths relative to the fixture. */
function findingsOf(reports: FileReport[], file: string, rule: string): string[] {
  const abs = path.join(root, file);
  const report = reports.find((r) => path.resolve(r.path) === abs || r.path === file);
  return (report?.findings ?? []).filter((f) => f.ruleId === rule).map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.message}`);
}

describe('stevedore lint: Kustomize overlays rendered by kubectl', { skip: !fs.existsSync('/usr/bin/kubectl') && 'no /usr/bin/kubectl' }, () => {
  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'stevedore-kustomize-'));
    for (const [f, text] of Object.entries(FILES)) {
      fs.mkdirSync(path.dirname(path.join(root, f)), { recursive: true });
      fs.writeFileSync(path.join(root, f), text);
    }
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it("a finding the overlay's patch causes lands on the patch file, one from the base on the base file", () => {
    const { reports, warnings } = lint(['overlays/dev/kustomization.yaml']);
    assert.deepEqual(warnings, []);
    assert.deepEqual(findingsOf(reports, 'overlays/dev/escalation.yaml', 'privilege-escalation'), [
      '11:39 Container "web" allows privilege escalation; set allowPrivilegeEscalation: false unless it relies on setuid binaries. (overlay dev, rendered by kubectl kustomize)',
    ]);
    assert.deepEqual(findingsOf(reports, 'base/deployment.yaml', 'privileged-container'), [
      '18:25 Container "web" runs privileged, with full access to the node; remove privileged: true and add only the capabilities it needs. (overlay dev, rendered by kubectl kustomize)',
    ]);
    // The renamed object (namePrefix) is the one reported, at the base's container.
    assert.match(findingsOf(reports, 'base/deployment.yaml', 'run-as-root')[0], /^15:17 Container "web" may run as root/);
    assert.deepEqual(findingsOf(reports, 'overlays/dev/kustomization.yaml', 'kustomization-invalid'), []);
  });

  it('a finding the base file already has is not repeated for each overlay', () => {
    const { reports } = lint(['base/kustomization.yaml', 'base/deployment.yaml', 'overlays/dev/kustomization.yaml', 'overlays/prod/kustomization.yaml']);
    assert.equal(findingsOf(reports, 'base/deployment.yaml', 'privileged-container').length, 1);
  });

  it('a missing resource is reported on its line of kustomization.yaml, once', () => {
    const { reports } = lint(['overlays/prod/kustomization.yaml']);
    assert.deepEqual(findingsOf(reports, 'overlays/prod/kustomization.yaml', 'kustomization-invalid'), [
      '6:5 resource "missing.yaml" listed in resources does not exist (kubectl kustomize fails: no such file or directory).',
    ]);
  });

  it("kubectl's own error when the build fails for a reason the rule does not know", () => {
    const dir = path.join(root, 'overlays/broken');
    fs.mkdirSync(dir, { recursive: true });
    // A patch file the lint run does not hold (the rule cannot see its target); kubectl finds no object to patch.
    fs.writeFileSync(path.join(dir, 'api.yaml'), 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  replicas: 2\n');
    fs.writeFileSync(path.join(dir, 'kustomization.yaml'), `${K}resources:\n  - ../../base\npatches:\n  - path: api.yaml\n`);
    const { reports } = lint(['overlays/broken/kustomization.yaml']);
    const found = findingsOf(reports, 'overlays/broken/kustomization.yaml', 'kustomization-invalid');
    assert.equal(found.length, 1);
    assert.match(found[0], /^1:1 kubectl kustomize failed: no resource matches strategic merge patch "Deployment.v1.apps\/api/);
  });

  it('a kubectl that hangs is stopped after the timeout and reported once', () => {
    const fake = path.join(root, 'hanging-kubectl');
    fs.writeFileSync(fake, '#!/bin/sh\nexec sleep 60\n', { mode: 0o755 });
    const started = Date.now();
    const { reports } = lint(['overlays/dev/kustomization.yaml'], { kubectl: fake, timeoutMs: 500 });
    assert.ok(Date.now() - started < 10_000, 'the hanging kubectl was not stopped');
    const all = reports.flatMap((r) => r.findings).filter((f) => /did not finish/.test(f.message));
    assert.deepEqual(all.map((f) => `${f.severity} ${f.message}`), ["warning kubectl kustomize did not finish within 0.5 s and was stopped; the overlay's objects are not checked."]);
  });

  it('a kubectl that is not installed is one warning, no finding', () => {
    const { reports, warnings } = lint(['overlays/dev/kustomization.yaml'], { kubectl: path.join(root, 'no-such-kubectl'), timeoutMs: 500 });
    assert.equal(warnings.length, 1);
    assert.match(warnings[0], /no-such-kubectl not found; Kustomize overlays are not rendered/);
    assert.deepEqual(reports.flatMap((r) => r.findings).filter((f) => /kubectl/.test(f.message)), []);
  });
});
