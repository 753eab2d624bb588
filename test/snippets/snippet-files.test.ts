// The snippet files themselves: valid, uniquely and consistently prefixed, well-formed bodies, contributed in
// package.json and listed in the README; and the expander the snippet tests insert them with. What the expanded
// snippets contain and how they lint is in k8s-snippets.test.ts and dockerfile-snippets.test.ts.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { DOCKERIGNORE_LANGUAGE, prefixesOf, snippetContributions, snippetTable, SNIPPET_FILES } from '../../scripts/snippets-doc';
import { snippets } from '../helpers/snippet-expansion';
import { conflictingDefaults, expandSnippet, tabStops } from './expand';

describe('snippet files', () => {
  it('are valid JSON objects whose snippets have a prefix, a body and a description', () => {
    assert.equal(SNIPPET_FILES.length, 3);
    for (const file of SNIPPET_FILES) {
      const parsed = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../..', file.path), 'utf8'));
      assert.ok(parsed && typeof parsed === 'object' && !Array.isArray(parsed), `${file.path}: an object of snippets`);
      assert.ok(Object.keys(parsed).length, `${file.path} has snippets`);
    }
    for (const { name, snippet: s } of snippets) {
      assert.deepEqual(Object.keys(s).sort(), ['body', 'description', 'prefix'], `${name}: keys`);
      assert.ok(prefixesOf(s).length && prefixesOf(s).every((p) => typeof p === 'string' && /^[a-z0-9][a-z0-9-]*$/.test(p)), `${name}: prefixes ${s.prefix}`);
      assert.ok(typeof s.body === 'string' || (Array.isArray(s.body) && s.body.every((l) => typeof l === 'string')), `${name}: body`);
      assert.ok(typeof s.description === 'string' && s.description.length > 20, `${name}: description`);
    }
  });

  it('use unique, namespaced prefixes', () => {
    const all = snippets.flatMap((s) => prefixesOf(s.snippet));
    assert.deepEqual(all.filter((p, i) => all.indexOf(p) !== i), [], 'duplicate prefixes');
    const namespace: Record<string, RegExp> = { yaml: /^k8s-/, dockerfile: /^docker-/, ignore: /^dockerignore$/ };
    for (const { name, file, snippet: s } of snippets) assert.match(prefixesOf(s)[0], namespace[file.language], `${name} (${file.language})`);
  });

  it('have tab-free, space-indented bodies with consistent tab stops ending in $0', () => {
    for (const { name, file, snippet: s } of snippets) {
      const lines = Array.isArray(s.body) ? s.body : s.body.split('\n');
      assert.deepEqual(lines.filter((l) => l.includes('\t')), [], `${name}: tabs`);
      assert.deepEqual(lines.filter((l) => /\s$/.test(l)), [], `${name}: trailing spaces`);
      if (file.language === 'yaml') assert.deepEqual(lines.filter((l) => /^ */.exec(l)![0].length % 2), [], `${name}: odd indentation`);
      const stops = [...tabStops(s.body).keys()].sort((a, b) => a - b);
      assert.equal(lines[lines.length - 1], '$0', `${name}: ends with $0`);
      assert.deepEqual(stops, stops.map((_, i) => i), `${name}: tab stops 0..n without gaps`);
      assert.deepEqual(conflictingDefaults(s.body), [], `${name}: a tab stop with two different defaults`);
    }
  });

  it('are all contributed in package.json, and .dockerignore is mapped to the ignore language', () => {
    const pkg = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../package.json'), 'utf8'));
    assert.deepEqual(pkg.contributes.snippets, snippetContributions(), 'contributes.snippets');
    const ignoreLang = (pkg.contributes.languages ?? []).find((l: { id: string }) => l.id === DOCKERIGNORE_LANGUAGE.id);
    assert.deepEqual(ignoreLang?.filenames, DOCKERIGNORE_LANGUAGE.filenames, 'contributes.languages maps .dockerignore to ignore');
  });

  it('are listed in the README table with prefix, language and description', () => {
    const rows = snippetTable().split('\n');
    assert.equal(rows[0], '| Prefix | Language | What it inserts |');
    assert.equal(rows.length, 2 + snippets.length);
    for (const { file, snippet: s } of snippets) {
      const row = rows.find((r) => r.startsWith(`| \`${prefixesOf(s)[0]}\``));
      assert.ok(row, `row for ${prefixesOf(s)[0]}`);
      assert.equal(row, `| ${prefixesOf(s).map((p) => `\`${p}\``).join(', ')} | ${file.label} | ${s.description} |`);
    }
  });
});

describe('snippet expander', () => {
  it('fills placeholders, first choices, mirrors (also before their definition), nested stops and escapes', () => {
    assert.equal(expandSnippet(['a: $1', 'b: ${1:x}', 'c: ${2|p,q|}', 'd: ${3:$1.y}', 'e: \\$1 \\} $', '$0']), 'a: x\nb: x\nc: p\nd: x.y\ne: $1 } $\n');
    assert.equal(expandSnippet('${1:x} ${2:${1}-z} $2', { 1: 'w' }), 'w w-z w-z');
    assert.equal(expandSnippet("q: '${1:f{a=\"$2\"\\}}' ${2:b}"), 'q: \'f{a="b"}\' b');
    assert.throws(() => expandSnippet('${1/a/b/}'), /transforms/);
    assert.throws(() => expandSnippet('$TM_FILENAME'), /variable/);
    assert.throws(() => expandSnippet('${1:open'), /unclosed/);
  });
});
