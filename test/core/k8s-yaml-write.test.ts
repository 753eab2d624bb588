// The one quoting rule, the file's style and the add-entry helper of core/k8s/yaml-{write,edit}.ts.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { applyEdits } from '../../server/src/core/fixes';
import { mapAt } from '../../server/src/core/k8s/object';
import { parseManifest } from '../../server/src/core/k8s/parse';
import { addEntries, addToMap, yamlStyle } from '../../server/src/core/k8s/yaml-edit';
import { quoteStyle, yamlScalar, type Tree } from '../../server/src/core/k8s/yaml-write';

// [string, written with single quotes by default]: each must read back as the same string in YAML 1.2 and 1.1.
const SCALARS: Array<[string, string]> = [
  ['web', 'web'],
  ['app.kubernetes.io/name', 'app.kubernetes.io/name'],
  ['v1.2.3', 'v1.2.3'],
  ['http://prometheus:80', 'http://prometheus:80'],
  ['sum(rate(x{app="a"}[2m]))', 'sum(rate(x{app="a"}[2m]))'],
  ['100', "'100'"],
  ['1.0', "'1.0'"],
  ['0x1F', "'0x1F'"],
  ['1e3', "'1e3'"],
  ['.inf', "'.inf'"],
  ['1_000', "'1_000'"],
  ['0777', "'0777'"],
  ['true', "'true'"],
  ['False', "'False'"],
  ['yes', "'yes'"],
  ['off', "'off'"],
  ['Y', "'Y'"],
  ['ON', "'ON'"],
  ['Null', "'Null'"],
  ['nan', 'nan'],
  ['.nan', "'.nan'"],
  ['_x', '_x'],
  ['null', "'null'"],
  ['~', "'~'"],
  ['', "''"],
  ['a: b', "'a: b'"],
  ['a #b', "'a #b'"],
  ['- x', "'- x'"],
  ['*ref', "'*ref'"],
  ['&anchor', "'&anchor'"],
  ['!tag', "'!tag'"],
  ['%x', "'%x'"],
  ['@x', "'@x'"],
  ['`x', "'`x'"],
  ['{a}', "'{a}'"],
  ['[a]', "'[a]'"],
  ['|', "'|'"],
  ['>', "'>'"],
  ["it's: x", "'it''s: x'"],
  [' lead', "' lead'"],
  ['trail ', "'trail '"],
  ['two\nlines', '"two\\nlines"'],
  ['tab\there', 'tab\there'],
  ['bell\x07', '"bell\\u0007"'],
];

describe('yamlScalar', () => {
  for (const [s, written] of SCALARS) {
    it(`${JSON.stringify(s)} → ${written}`, () => {
      assert.equal(yamlScalar(s), written);
      for (const quote of ['"', "'"] as const) {
        const out = yamlScalar(s, quote);
        assert.equal(parse(`k: ${out}`, { version: '1.2' }).k, s, `1.2 reads back ${out}`);
        assert.equal(parse(`k: ${out}`, { version: '1.1' }).k, s, `1.1 reads back ${out}`);
      }
    });
  }

  it('quotes with double quotes when asked', () => {
    assert.equal(yamlScalar('1.0', '"'), '"1.0"');
    assert.equal(yamlScalar('web', '"'), 'web');
  });
});

describe('quoteStyle', () => {
  it('follows the first quoted value of the file, single quotes by default', () => {
    assert.equal(quoteStyle('a: 1\nb: "x"\nc: \'y\'\n'), '"');
    assert.equal(quoteStyle("a:\n  - 'x'\nb: \"y\"\n"), "'");
    assert.equal(quoteStyle('# it\'s "quoted"\na: b\n'), "'");
    assert.equal(quoteStyle('a: b\n'), "'");
  });
});

const PORTS: Tree = [{ name: 'http', containerPort: 80 }];
const ADD: Array<[string, Tree]> = [['resources', { requests: { cpu: '100m' } }], ['ports', PORTS]];

/** The file with `ports`/`resources` appended to its first container. */
function added(text: string): string {
  const file = parseManifest(text);
  const obj = file.objects[0];
  const container = mapAt(obj.root, ['spec', 'containers', 0])!;
  return applyEdits(text, [addEntries(file, obj.doc, container, ADD)!]);
}

describe('addEntries follows the file', () => {
  it('2 spaces, sequences indented under their key', () => {
    const text = 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: web\n      image: nginx\n';
    assert.equal(added(text), text + '      resources:\n        requests:\n          cpu: 100m\n      ports:\n        - name: http\n          containerPort: 80\n');
  });

  it('2 spaces, sequences flush with their key', () => {
    const text = 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: web\n    image: nginx\n';
    assert.equal(added(text), text + '    resources:\n      requests:\n        cpu: 100m\n    ports:\n    - name: http\n      containerPort: 80\n');
  });

  it('4 spaces, sequences indented under their key', () => {
    const text = 'apiVersion: v1\nkind: Pod\nspec:\n    containers:\n        - name: web\n          image: nginx\n';
    assert.equal(added(text), text + '          resources:\n              requests:\n                  cpu: 100m\n          ports:\n              - name: http\n                containerPort: 80\n');
  });

  it('4 spaces, sequences flush with their key', () => {
    const text = 'apiVersion: v1\nkind: Pod\nspec:\n    containers:\n    - name: web\n      image: nginx\n';
    assert.equal(added(text), text + '      resources:\n          requests:\n              cpu: 100m\n      ports:\n      - name: http\n        containerPort: 80\n');
  });

  it('reads the style of the document', () => {
    const file = parseManifest('apiVersion: v1\nkind: Pod\nmetadata:\n    name: "web"\nspec:\n    containers:\n    - name: web\n');
    assert.deepEqual(yamlStyle(file, file.docs[0]), { step: 4, seqIndent: false, quote: '"' });
  });

  it('addToMap nests a copied snippet one step of the file under its key', () => {
    const text = 'apiVersion: v1\nkind: Pod\nspec:\n    containers:\n    - name: web\n';
    const file = parseManifest(text);
    const obj = file.objects[0];
    const edit = addToMap(file, obj.doc, mapAt(obj.root, ['spec'])!, 'nodeSelector', 'disk: ssd\nzone: a');
    assert.equal(applyEdits(text, [edit!]), text + '    nodeSelector:\n        disk: ssd\n        zone: a\n');
  });
});
