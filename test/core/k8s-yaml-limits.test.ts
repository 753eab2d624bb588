// Pathological YAML: nesting deep enough to overflow the composer's recursion (which aborts the process inside a
// RegExp compile rather than throwing), brace runs that made the Helm-template regex quadratic, and the parse cache's
// memory bound.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeManifest } from '../../server/src/core/k8s/analyze';
import { isHelmTemplate, parseManifest } from '../../server/src/core/k8s/parse';
import { MAX_CACHED_CHARS, parseCacheSize } from '../../server/src/core/k8s/parse-cache';
import { MAX_DOCUMENT_TOKENS, MAX_NESTING, nestingCut, parseYamlDocument } from '../../server/src/core/k8s/yaml-parse';
import { parseDocument, visit, type Document } from 'yaml';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { splitDocuments } from '../../server/src/core/k8s/parse';
import { manifestRules } from '../../server/src/rules';

const CONFIG_MAP = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: deep\ndata:\n  x: ';
const SERVICE = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n    - port: 80\n';

const DEEP: Record<string, (n: number) => string> = {
  'block sequences (- - - …)': (n) => `apiVersion: v1\nkind: List\nitems:\n${'- '.repeat(n)}x\n`,
  'flow sequences ([[[…]]])': (n) => `${CONFIG_MAP}${'['.repeat(n)}${']'.repeat(n)}\n`,
  'unclosed flow sequences ([[[…)': (n) => `${CONFIG_MAP}${'['.repeat(n)}\n`,
  'flow maps ({a: {a: …}})': (n) => `${CONFIG_MAP}${'{a: '.repeat(n)}${'}'.repeat(n)}\n`,
};

/** Block maps nested by indentation, one space per level (1,400 levels is about 1 MB). */
function indentedMaps(n: number): string {
  const lines = ['apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: deep', 'data:'];
  for (let i = 0; i < n; i++) lines.push(`${' '.repeat(i + 1)}k${i}:`);
  return `${lines.join('\n')} v\n`;
}

function tooDeep(text: string) {
  const a = analyzeManifest(`${text}---\n${SERVICE}`, { rules: manifestRules, path: '/ws/deep.yaml' });
  const deep = a.findings.filter((f) => f.ruleId === 'yaml-syntax' && /^Nesting deeper than 500 levels/.test(f.message));
  return { a, deep };
}

describe('deeply nested YAML', () => {
  for (const [name, make] of Object.entries(DEEP)) {
    for (const n of [10_000, 100_000]) {
      it(`${name}, ${n.toLocaleString('en')} deep: one yaml-syntax finding, the next document still analyzed`, () => {
        const { a, deep } = tooDeep(make(n));
        assert.equal(deep.length, 1, JSON.stringify(a.findings.map((f) => f.message)));
        assert.equal(deep[0].severity, 'error');
        assert.equal(deep[0].range.start.line, name.startsWith('block') ? 3 : 5);
        // The outer levels are kept: the deep document is still a Kubernetes object, and the Service after it is one.
        assert.deepEqual(a.file.objects.map((o) => o.kind), [name.startsWith('block') ? 'List' : 'ConfigMap', 'Service']);
        assert.ok(a.findings.some((f) => f.ruleId === 'service-selects-nothing'), 'the Service is still checked');
      });
    }
  }

  for (const n of [600, 1400]) {
    it(`block maps nested by indentation, ${n} deep`, () => {
      const { a, deep } = tooDeep(indentedMaps(n));
      assert.equal(deep.length, 1, JSON.stringify(a.findings.map((f) => f.message)));
      // Line 5 holds the map of level 2 (data's value); the map of level MAX_NESTING + 1 is cut.
      assert.equal(deep[0].range.start.line, 5 + MAX_NESTING - 1);
    });
  }

  it(`nesting up to ${MAX_NESTING} levels is analyzed as before`, () => {
    const { a, deep } = tooDeep(`${CONFIG_MAP}${'['.repeat(MAX_NESTING - 2)}${']'.repeat(MAX_NESTING - 2)}\n`);
    assert.deepEqual(deep, []);
    assert.deepEqual(a.findings.filter((f) => f.ruleId === 'yaml-syntax'), []);
    assert.ok(a.findings.some((f) => f.ruleId === 'k8s-schema' && /data\.x: expected string, got array/.test(f.message)));
  });

  it('2,000 keys on one line before a dedent (the CST parser recursed once per key and overflowed the stack)', () => {
    const { a, deep } = tooDeep('spec:\n' + '        app: web'.repeat(2000) + '\n    spec:\n');
    assert.equal(deep.length, 1, JSON.stringify(a.findings.map((f) => f.message)));
    assert.ok(a.findings.filter((f) => f.ruleId === 'yaml-syntax').length <= 11);
    assert.ok(a.findings.some((f) => f.ruleId === 'service-selects-nothing'), 'the Service is still checked');
  });

  it('the same with lone CR line endings (old Mac files: the cut missed them and the parser overflowed the stack)', () => {
    const { a, deep } = tooDeep(('spec:\n' + '        app: web'.repeat(2000) + '\n    spec:\n').replace(/\n/g, '\r'));
    assert.equal(deep.length, 1, JSON.stringify(a.findings.map((f) => f.message)));
  });

  it('": " inside quotes, comments and flow maps does not count as nesting', () => {
    const json = `{${Array.from({ length: 3000 }, (_, i) => `"k${i}": ${i}`).join(', ')}}`;
    // Quoted, escaped in double quotes, in a comment, and as a one-line flow map (JSON as Python writes it).
    const text = `${CONFIG_MAP}'${json}'\n  y: "${json.replace(/"/g, '\\"')}" # ${'a: '.repeat(3000)}\nlabels: ${json.replace(/\d+(?=[,}])/g, '"v"')}\n`;
    assert.equal(nestingCut(text, 1000), -1);
    const { a, deep } = tooDeep(text);
    assert.deepEqual(deep, []);
    assert.deepEqual(a.findings.filter((f) => f.ruleId === 'yaml-syntax'), []);
  });

  it('the pre-parse cut bounds nesting from above and ignores ordinary files', () => {
    assert.equal(nestingCut(`${CONFIG_MAP}${'['.repeat(30)}${']'.repeat(30)}\n${SERVICE}`, 40), -1);
    assert.equal(nestingCut('a: ' + '['.repeat(50), 40), 3 + 39);
    assert.equal(nestingCut('- '.repeat(50), 40), 2 * 40 + 1);
  });
});

describe('Helm template detection', () => {
  it('is linear in runs of {{ without }}', () => {
    const text = `${CONFIG_MAP}"${'{{'.repeat(160_000)}"\n`;
    const start = performance.now();
    assert.equal(isHelmTemplate(text), false);
    const file = parseManifest(text);
    assert.equal(file.templated, false);
    assert.ok(performance.now() - start < 1000, `${performance.now() - start} ms`);
  });

  it('still recognises templates', () => {
    assert.equal(isHelmTemplate('name: {{ .Release.Name }}'), true);
    assert.equal(isHelmTemplate('a: "{{}"\nb: "}}"'), true);
    assert.equal(isHelmTemplate('a: "}} {{"'), false);
    assert.equal(isHelmTemplate('a: "{{}"'), false);
  });
});

describe('parse cache', () => {
  it('keeps one version per file: edits of a 120 KB document leave one copy', () => {
    const lines = ['apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: big', 'data:'];
    for (let i = 0; lines.length < 4000; i++) lines.push(`  key-${i}: value-${i}-abcdefghijklmnop`);
    let text = lines.join('\n');
    const before = parseCacheSize();
    for (let i = 0; i < 6; i++) {
      text += `\n  edit-${i}: x`;
      parseManifest(text, '/ws/big.yaml');
    }
    const after = parseCacheSize();
    assert.ok(after.owners <= before.owners + 1, JSON.stringify({ before, after }));
    assert.ok(after.chars <= before.chars + text.length, JSON.stringify({ before, after, text: text.length }));
  });

  it(`bounds the text kept over many files to ${MAX_CACHED_CHARS.toLocaleString('en')} characters`, () => {
    const doc = `${SERVICE}# ${'x'.repeat(100_000)}\n`;
    for (let i = 0; i < 100; i++) parseManifest(`${doc}# ${i}\n`, `/ws/file-${i}.yaml`);
    const size = parseCacheSize();
    assert.ok(size.chars <= MAX_CACHED_CHARS, JSON.stringify(size));
    assert.ok(size.owners < 100, JSON.stringify(size));
  });

  it('re-parses only the documents an edit touched', () => {
    const docs = Array.from({ length: 20 }, (_, i) => SERVICE.replace('name: web', `name: web-${i}`));
    const first = parseManifest(docs.join('---\n'), '/ws/stream.yaml');
    docs[7] = docs[7].replace('port: 80', 'port: 81');
    const second = parseManifest(docs.join('---\n'), '/ws/stream.yaml');
    const same = second.docs.filter((d, i) => d.doc === first.docs[i].doc).length;
    assert.equal(same, 19);
  });
});

describe('a document with tens of thousands of syntax errors', () => {
  it('keeps its errors without a stack trace each, and leaves the stack trace limit as it was', () => {
    // Found by `npm run fuzz` (seed 386071105 #2379): a 76 KB line of `{}` pairs, 76,000 errors; capturing a stack
    // trace for each was 0.6 s of a 0.7 s parse and kept ~150 MB until they were collected.
    const before = Error.stackTraceLimit;
    const doc = parseYamlDocument('apiVersion: v1\n{} ' + '{}'.repeat(38_000) + '\n');
    assert.equal(Error.stackTraceLimit, before);
    assert.ok(doc.errors.length > 30_000, `${doc.errors.length} errors`);
    assert.deepEqual(doc.errors[0].stack?.split('\n').filter((l) => l.trim().startsWith('at ')), []);
    assert.ok(doc.errors[0].message.length > 0 && doc.errors[0].pos[0] >= 0);
  });
});

describe('a YAML document over 1 MB', () => {
  it('is not parsed: one yaml-syntax error at its start says why, and the next document is still checked', async () => {
    const { analyzeManifest } = await import('../../server/src/core/k8s/analyze');
    const big = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n' + Array.from({ length: 40000 }, (_, i) => `  key${i}: "value ${i} lorem ipsum"`).join('\n') + '\n';
    const service = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n    - port: 80\n      targetPort: 8080\n  selectr: {}\n';
    const started = performance.now();
    const { findings } = analyzeManifest(`${big}---\n${service}`, { rules: manifestRules, path: '/tmp/big.yaml' });
    const ms = performance.now() - started;
    const syntax = findings.filter((f) => f.ruleId === 'yaml-syntax');
    assert.deepEqual(syntax.map((f) => [f.message, f.range.start.line]), [['YAML document too large to analyze (1.4 MB; the limit is 1 MB): the API server refuses objects over 1.5 MB', 0]]);
    assert.ok(findings.some((f) => f.ruleId === 'k8s-schema' && f.range.start.line > 40000), 'the Service after it is still validated');
    assert.ok(ms < 1000, `${Math.round(ms)} ms`);
  });
});

/** A ConfigMap of `n` keys, `  k<i>: v`: 8 YAML tokens a line with its line break, 0.55 MB at 50,000. */
function shortKeys(n: number): string {
  return 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: wide\ndata:\n' + Array.from({ length: n }, (_, i) => `  k${i}: v`).join('\n') + '\n';
}

describe(`a YAML document of more than ${MAX_DOCUMENT_TOKENS.toLocaleString('en-US')} tokens`, () => {
  it('is not parsed (50,000 short keys in 0.55 MB): one yaml-syntax error says why, and the next document is still checked', () => {
    const big = shortKeys(50_000);
    assert.ok(big.length < 1024 * 1024);
    const { findings } = analyzeManifest(`${big}---\n${SERVICE}  selectr: {}\n`, { rules: manifestRules, path: '/tmp/wide.yaml' });
    const syntax = findings.filter((f) => f.ruleId === 'yaml-syntax');
    assert.deepEqual(syntax.map((f) => [f.message, f.range.start.line]), [
      ['YAML document too large to analyze (50,006 lines, over 200,000 YAML tokens): parsing it would take about a second', 0],
    ]);
    assert.ok(findings.some((f) => f.ruleId === 'k8s-schema' && f.range.start.line > 50_000), 'the Service after it is still validated');
  });

  it('counts tokens, not lines: 100,000 numbers in one flow sequence on one line are refused the same way', () => {
    const doc = parseYamlDocument(`${CONFIG_MAP}[${Array.from({ length: 100_000 }, (_, i) => i % 10).join(', ')}]\n`);
    assert.deepEqual(doc.errors.map((e) => e.message), [
      'YAML document too large to analyze (7 lines, over 200,000 YAML tokens): parsing it would take about a second',
    ]);
  });

  it('a document just under the bound (24,000 keys) is parsed whole', () => {
    const doc = parseYamlDocument(shortKeys(24_000));
    assert.deepEqual(doc.errors, []);
    const data = (doc.toJS() as { data: Record<string, string> }).data;
    assert.equal(Object.keys(data).length, 24_000);
    assert.equal(data.k23999, 'v');
  });

  it('is not an error for YAML that is not a Kubernetes object (nothing reported, as for other YAML)', () => {
    const doc = parseYamlDocument(Array.from({ length: 30_000 }, (_, i) => `k${i}: v`).join('\n'));
    assert.deepEqual(doc.errors, []);
    assert.equal(doc.contents, null);
  });
});

describe('parseYamlDocument', () => {
  // It drives yaml's Lexer and Parser itself (to count tokens); the documents must be those of parseDocument.
  const root = path.join(__dirname, '..', '..');
  const walk = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : /\.ya?ml$/.test(e.name) ? [path.join(dir, e.name)] : []));
  const files = [path.join(root, 'examples'), path.join(root, 'test', 'fixtures')].flatMap(walk);
  const odd = [
    'a: 1\r\nb: [1, 2\r\n',
    'key: "unclosed\nnext: 1\n',
    '- &a {x: 1}\n- *a\n- ? complex\n  : value\n',
    'a: |\n  block\n  text\nb: >-\n  folded\n# comment\n',
    '\ufeffapiVersion: v1\nkind: List\n\titems: []\n',
    'a:\n  b: c\n d: e\n',
    '%YAML 1.2\n---\na: 1\n',
    'a: 1\na: 2\n',
    '',
  ];
  const texts = [...files.flatMap((f) => {
    const text = fs.readFileSync(f, 'utf8');
    return splitDocuments(text).map(([s, e]) => text.slice(s, e));
  }), ...odd];

  /** Every node's kind, range and comments, in document order. */
  const nodes = (doc: Document) => {
    const out: unknown[] = [];
    visit(doc, (_key, node) => {
      const n = node as { range?: unknown; commentBefore?: string; comment?: string } | null;
      out.push(n && [n.constructor.name, n.range, n.commentBefore, n.comment]);
    });
    return out;
  };

  it(`gives parseDocument's document and errors (${files.length} fixture files and ${odd.length} odd texts)`, () => {
    assert.ok(files.length >= 10, files.join(', '));
    for (const text of texts) {
      const ours = parseYamlDocument(text);
      const theirs = parseDocument(text, { prettyErrors: false, uniqueKeys: false });
      assert.deepEqual(ours.toJS(), theirs.toJS(), JSON.stringify(text.slice(0, 80)));
      assert.deepEqual(nodes(ours), nodes(theirs), JSON.stringify(text.slice(0, 80)));
      if (!theirs.errors.length) assert.equal(String(ours), String(theirs), JSON.stringify(text.slice(0, 80)));
      assert.deepEqual(ours.errors.map((e) => [e.code, e.pos]), theirs.errors.map((e) => [e.code, e.pos]), JSON.stringify(text.slice(0, 80)));
      assert.deepEqual(ours.warnings.map((e) => [e.code, e.pos]), theirs.warnings.map((e) => [e.code, e.pos]), JSON.stringify(text.slice(0, 80)));
    }
  });
});
