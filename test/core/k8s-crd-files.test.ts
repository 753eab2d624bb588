// CRDs from outside the manifests being linted: `kubernetes.crds` in .stevedore.yaml (and the
// `stevedore.kubernetes.crds` setting, which becomes the same config layer) lists files and folders whose CRDs give
// their kinds schemas (core/k8s/crd-files.ts).
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { ConfigError, loadProjectConfig } from '../../server/src/core/config';
import { analyzeManifest } from '../../server/src/core/k8s/analyze';
import { configCrdPaths, crdFiles } from '../../server/src/core/k8s/crd-files';
import { manifestHover } from '../../server/src/core/k8s/features/hover';
import { ManifestWorkspace } from '../../server/src/core/k8s/workspace';
import { k8sSchema } from '../../server/src/rules/k8s/k8s-schema';
import { CRD } from '../fixtures/crd-manifests';

const CR = 'apiVersion: example.com/v1\nkind: Backup\nmetadata:\n  name: nightly\nspec:\n  schedule: daily\n  mode: partial\n';

describe('kubernetes.crds', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'stevedore-crds-'));
  after(() => fs.rmSync(root, { recursive: true, force: true }));
  const write = (rel: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  };
  write('platform/crds/backup.yaml', CRD);
  write('platform/crds/notes.yaml', 'not: a crd\n');
  write('app/.stevedore.yaml', 'kubernetes:\n  crds: [../platform/crds]\n');
  write('app/backup.yaml', CR);
  const crPath = path.join(root, 'app/backup.yaml');

  it('reads the list, relative to the config file', () => {
    assert.deepEqual(configCrdPaths(loadProjectConfig(path.join(root, 'app'))), [path.join(root, 'platform/crds')]);
    assert.deepEqual(crdFiles([path.join(root, 'platform/crds'), path.join(root, 'missing.yaml')]), [path.join(root, 'platform/crds/backup.yaml'), path.join(root, 'platform/crds/notes.yaml')]);
  });

  it('refuses a value that is not a list of paths', () => {
    write('bad/.stevedore.yaml', 'kubernetes:\n  crds: platform/crds\n');
    assert.throws(() => loadProjectConfig(path.join(root, 'bad')), (e: unknown) => e instanceof ConfigError && /kubernetes\.crds: expected a list of files or folders/.test(e.message));
  });

  it('a custom resource is checked against a CRD outside the linted files, and hover finds it too', () => {
    const config = loadProjectConfig(path.join(root, 'app'));
    const workspace = new ManifestWorkspace();
    const { file, findings } = analyzeManifest(CR, { rules: [k8sSchema], path: crPath, config, workspace });
    assert.deepEqual(findings.map((f) => f.message), ['spec.mode: expected one of full, incremental, got "partial"']);
    // Only the CRD file joined the workspace.
    assert.ok(workspace.file(path.join(root, 'platform/crds/backup.yaml')));
    assert.equal(workspace.file(path.join(root, 'platform/crds/notes.yaml')), undefined);
    assert.match(manifestHover(file, workspace, CR.indexOf('schedule') + 1)!, /When the backup runs/);
  });

  it('without the config the same resource gets the one information finding', () => {
    const findings = analyzeManifest(CR, { rules: [k8sSchema], path: crPath, workspace: new ManifestWorkspace() }).findings;
    assert.deepEqual(findings.map((f) => [f.severity, /^No schema for Backup/.test(f.message)]), [['info', true]]);
  });
});
