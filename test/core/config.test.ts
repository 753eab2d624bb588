// Project configuration: .stevedore.yaml, .hadolint.yaml, settings layers and their schema.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { ConfigError, configCustomChecks, configDockerfileSettings, parseKubeLinterConfig, LABEL_TYPES, configFailOn, configKubernetesVersion, layerFromRules, loadProjectConfig, parseHadolintConfig, parseStevedoreConfig, ruleLevel, withLayers } from '../../server/src/core/config';
import { isSuppressed, nextSpan, readSuppressions } from '../../server/src/core/suppress';

const rule = { id: 'merge-run', aliases: ['DL3059'], severity: 'warning' as const };
const at = (line: number) => ({ start: { line, character: 0 }, end: { line, character: 3 } });

describe('configuration', () => {
  it('later layers win, by id or alias; levels are normalised', () => {
    const hadolint = parseHadolintConfig('.hadolint.yaml', 'ignored: [DL3059]\noverride:\n  error: [DL3008]\n');
    assert.equal(ruleLevel(rule, { layers: [hadolint] }), 'off');
    const own = parseStevedoreConfig('.stevedore.yaml', 'rules:\n  merge-run: warn\nfailOn: error\n');
    assert.equal(ruleLevel(rule, { layers: [hadolint, own] }), 'warning');
    assert.equal(configFailOn({ layers: [hadolint, own] }), 'error');
    const settings = layerFromRules('settings', { DL3059: 'style' });
    assert.equal(ruleLevel(rule, withLayers({ layers: [hadolint, own] }, settings)), 'hint');
    assert.equal(ruleLevel({ ...rule, id: 'other', aliases: [] }, { layers: [hadolint, own, settings] }), 'warning');
  });

  it('reports bad files with the path and what was expected', () => {
    assert.throws(() => parseStevedoreConfig('/p/.stevedore.yaml', 'rules:\n  merge-run: loud\n'), (e: unknown) => e instanceof ConfigError && /^\/p\/\.stevedore\.yaml: rule "merge-run": expected one of error, warning, info, hint, off/.test((e as Error).message));
    assert.throws(() => parseStevedoreConfig('x.yaml', '- a\n'), /expected a mapping/);
    assert.throws(() => parseHadolintConfig('h.yaml', 'ignored: DL3008\n'), /ignored: expected a list of rule ids/);
  });

  it('refuses YAML alias bombs instead of expanding them', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]', ...'bcdefghij'.split('').map((c, i) => `${c}: &${c} [${Array(9).fill('*' + 'abcdefghij'[i]).join(',')}]`), 'rules: *j'].join('\n');
    assert.throws(() => parseStevedoreConfig('bomb.yaml', bomb), (e: unknown) => e instanceof ConfigError && /not valid YAML: .*alias/i.test((e as Error).message));
  });

  it('finds the nearest files up the tree; an explicit file replaces .stevedore.yaml', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'stevedore-cfg-'));
    try {
      fs.mkdirSync(path.join(root, 'a/b'), { recursive: true });
      fs.writeFileSync(path.join(root, '.hadolint.yaml'), 'ignored: [DL3059]\n');
      fs.writeFileSync(path.join(root, 'a/.stevedore.yaml'), 'rules:\n  merge-run: error\n');
      fs.writeFileSync(path.join(root, 'other.yaml'), 'rules:\n  merge-run: info\n');
      assert.equal(ruleLevel(rule, loadProjectConfig(path.join(root, 'a/b'))), 'error');
      assert.equal(ruleLevel(rule, loadProjectConfig(root)), 'off');
      assert.equal(ruleLevel(rule, loadProjectConfig(path.join(root, 'a/b'), path.join(root, 'other.yaml'))), 'info');
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it('the JSON schema accepts exactly the keys and levels the parser knows', () => {
    const schema = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../schemas/stevedore-config.schema.json'), 'utf8'));
    assert.deepEqual(Object.keys(schema.properties).sort(), ['allowedRegistries', 'disable-ignore-pragma', 'failOn', 'ignore', 'kube-linter', 'kubernetes', 'label-schema', 'rules', 'strict-labels', 'trustedRegistries']);
    assert.deepEqual(schema.properties['label-schema'].additionalProperties.enum, [...LABEL_TYPES]);
    for (const level of schema.properties.rules.additionalProperties.enum) assert.doesNotThrow(() => layerFromRules('s', { x: level }));
    assert.deepEqual(schema.properties.rules.additionalProperties.enum, ['error', 'warning', 'info', 'hint', 'off']);
  });
});

describe('hadolint\'s Dockerfile settings', () => {
  it('reads registries, label schema and the two switches from either file; later layers win per key', () => {
    const hadolint = parseHadolintConfig('/p/.hadolint.yaml', 'trustedRegistries: docker.io\nlabel-schema:\n  version: semver\n  author: text\nstrict-labels: true\n');
    const own = parseStevedoreConfig('/p/.stevedore.yaml', 'allowedRegistries: [registry.example.com, "*.gcr.io"]\ndisable-ignore-pragma: true\n');
    assert.deepEqual(configDockerfileSettings({ layers: [hadolint] }), { trustedRegistries: ['docker.io'], labelSchema: { version: 'semver', author: 'text' }, strictLabels: true });
    assert.deepEqual(configDockerfileSettings({ layers: [hadolint, own] }), { trustedRegistries: ['registry.example.com', '*.gcr.io'], labelSchema: { version: 'semver', author: 'text' }, strictLabels: true, disableIgnorePragma: true });
  });

  it('refuses unknown label formats and non-boolean switches, naming the file and key', () => {
    assert.throws(() => parseStevedoreConfig('/p/.stevedore.yaml', 'label-schema:\n  version: number\n'), /\/p\/\.stevedore\.yaml: label-schema\.version: expected one of text, url/);
    assert.throws(() => parseHadolintConfig('/p/.hadolint.yaml', 'strict-labels: yes please\n'), /\/p\/\.hadolint\.yaml: strict-labels: expected true or false/);
    assert.throws(() => parseHadolintConfig('/p/.hadolint.yaml', 'trustedRegistries: {a: 1}\n'), /trustedRegistries: expected a list of registries/);
  });
});

describe('kube-linter\'s check selection', () => {
  const offRule = { id: 'host-network', aliases: ['kube-linter:host-network'], severity: 'warning' as const, offByDefault: true };
  const onRule = { id: 'run-as-root', aliases: ['kube-linter:run-as-non-root'], severity: 'error' as const };
  const dockerRule = { id: 'sudo', aliases: ['DL3004'], severity: 'warning' as const };

  it('include turns an off-by-default check on at its own severity; exclude turns one off', () => {
    const config = { layers: [parseKubeLinterConfig('/p/.kube-linter.yaml', 'checks:\n  include: [host-network]\n  exclude: [run-as-non-root]\n')] };
    assert.equal(ruleLevel(offRule, config), 'warning');
    assert.equal(ruleLevel(onRule, config), 'off');
    assert.equal(ruleLevel(dockerRule, config), 'warning');
  });

  it('addAllBuiltIn and doNotAutoAddDefaults name every kube-linter check and nothing else; .stevedore.yaml takes the same shape', () => {
    const all = { layers: [parseStevedoreConfig('/p/.stevedore.yaml', 'kube-linter:\n  checks:\n    addAllBuiltIn: true\n')] };
    assert.equal(ruleLevel(offRule, all), 'warning');
    const none = { layers: [parseStevedoreConfig('/p/.stevedore.yaml', 'kube-linter:\n  checks:\n    doNotAutoAddDefaults: true\n    include: [host-network]\n')] };
    assert.deepEqual([ruleLevel(offRule, none), ruleLevel(onRule, none), ruleLevel(dockerRule, none)], ['warning', 'off', 'warning']);
  });

  it('is found up the tree between .hadolint.yaml and .stevedore.yaml, and bad shapes name the file', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'stevedore-kl-'));
    try {
      fs.mkdirSync(path.join(root, 'a/b'), { recursive: true });
      fs.writeFileSync(path.join(root, '.kube-linter.yaml'), 'checks:\n  exclude: [run-as-non-root]\n');
      assert.equal(ruleLevel(onRule, loadProjectConfig(path.join(root, 'a/b'))), 'off');
      fs.writeFileSync(path.join(root, 'a/.stevedore.yaml'), 'rules:\n  run-as-root: info\n');
      assert.equal(ruleLevel(onRule, loadProjectConfig(path.join(root, 'a/b'))), 'info');
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
    assert.throws(() => parseKubeLinterConfig('/p/.kube-linter.yaml', 'checks:\n  include: host-network\n'), /\/p\/\.kube-linter\.yaml: checks\.include: expected a list of check names/);
  });

  it("reads kube-linter's customChecks of the required-label/-annotation templates, keeps other templates' names, refuses broken ones", () => {
    const layer = parseKubeLinterConfig('/p/.kube-linter.yaml', 'customChecks:\n  - name: team\n    template: required-label\n    params:\n      key: team\n      value: "[a-z-]+"\n    scope:\n      objectKinds: [DeploymentLike]\n  - name: no-rwx\n    template: writable-host-mount\n');
    assert.deepEqual(configCustomChecks({ layers: [layer] }).map((c) => [c.name, c.template, c.key, c.value?.test('web-team'), c.value?.test('Web'), c.objectKinds]), [['team', 'required-label', 'team', true, false, ['DeploymentLike']]]);
    assert.deepEqual(layer.rules, [['kube-linter:team', 'on']]);
    assert.throws(() => parseKubeLinterConfig('/p/.kube-linter.yaml', 'customChecks:\n  - name: team\n    template: required-label\n'), /\/p\/\.kube-linter\.yaml: customChecks\[0\]\.params\.key: expected the label key/);
    assert.throws(() => parseStevedoreConfig('/p/.stevedore.yaml', 'kube-linter:\n  customChecks:\n    - name: x\n      template: required-annotation\n      params:\n        key: a\n        value: "("\n'), /kube-linter\.customChecks\[0\]\.params\.value: not a regular expression/);
    // A later layer's check of the same name replaces the earlier one.
    const later = parseStevedoreConfig('/p/.stevedore.yaml', 'kube-linter:\n  customChecks:\n    - name: team\n      template: required-annotation\n      params:\n        key: owner\n');
    assert.deepEqual(configCustomChecks({ layers: [layer, later] }).map((c) => [c.name, c.template, c.key]), [['team', 'required-annotation', 'owner']]);
  });
});

describe('suppression pragmas', () => {
  const lines = ['# hadolint global ignore=DL3007', 'FROM a', '# stevedore ignore=merge-run, DL3015', 'RUN x \\', '  y', 'RUN z'];
  const spans: Array<[number, number]> = [[1, 1], [3, 4], [5, 5]];
  const s = readSuppressions(lines, nextSpan(spans));

  it('applies a line pragma to every line of the next instruction only', () => {
    assert.ok(isSuppressed(s, ['merge-run', 'DL3059'], at(3)));
    assert.ok(isSuppressed(s, ['merge-run', 'DL3059'], at(4)));
    assert.ok(!isSuppressed(s, ['merge-run', 'DL3059'], at(5)));
    assert.ok(isSuppressed(s, ['apt-no-install-recommends', 'DL3015'], at(3)));
  });

  it('applies file pragmas everywhere', () => {
    assert.ok(isSuppressed(s, ['latest-tag', 'DL3007'], at(5)));
    assert.ok(!isSuppressed(s, ['untagged-image', 'DL3006'], at(1)));
  });
});

describe('kubernetes version', () => {
  it('reads kubernetes.version from .stevedore.yaml and normalises it', () => {
    assert.equal(configKubernetesVersion({ layers: [parseStevedoreConfig('s', 'kubernetes:\n  version: v1.29.3\n')] }), '1.29');
    assert.equal(configKubernetesVersion({ layers: [parseStevedoreConfig('s', 'kubernetes:\n  version: "1.30"\n')] }), '1.30');
    assert.throws(() => parseStevedoreConfig('s', 'kubernetes:\n  version: 1.30\n'), /quote the version/);
    assert.throws(() => parseStevedoreConfig('/p/.stevedore.yaml', 'kubernetes:\n  version: latest\n'), /\/p\/\.stevedore\.yaml: kubernetes\.version: expected a version like "1\.31", got "latest"/);
  });
});
