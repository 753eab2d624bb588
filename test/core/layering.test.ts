// What may import what: the core is a library that knows no rule (rules are handed to it by the registry).
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';

const ROOT = path.resolve(__dirname, '../..');
const CORE = path.join(ROOT, 'server/src/core');
const RULES = path.join(ROOT, 'server/src/rules');
const REGISTRY = path.join(RULES, 'index');

/** Every .ts file below a folder. */
function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? sources(full) : e.name.endsWith('.ts') ? [full] : [];
  });
}

/** The relative module specifiers a file imports or re-exports, resolved to absolute paths. */
function importedPaths(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)|\brequire\(\s*['"]([^'"]+)['"]\s*\)/g)]
    .map((m) => m[1] ?? m[2] ?? m[3]);
  return specs.filter((s) => s.startsWith('.')).map((s) => path.resolve(path.dirname(file), s));
}

const inside = (file: string, dir: string) => file === dir || file.startsWith(dir + path.sep);

const relative = (f: string) => path.relative(ROOT, f).split(path.sep).join('/');

describe('layering', () => {
  it('finds the core sources', () => assert.ok(sources(CORE).length > 20));

  it('no file under server/src/core imports from server/src/rules', () => {
    const offenders = sources(CORE)
      .filter((f) => importedPaths(f).some((p) => inside(p, RULES)))
      .map(relative);
    assert.deepEqual(offenders, []);
  });

  it('no file under server/src/core imports anything outside it but packages (so not rules through a bridge)', () => {
    const offenders = sources(CORE)
      .filter((f) => importedPaths(f).some((p) => !inside(p, CORE) && !inside(p, RULES)))
      .map(relative);
    assert.deepEqual(offenders, []);
  });

  it('server/src/lsp and server/src/cli reach rules only through the registry (server/src/rules/index.ts)', () => {
    const glue = [...sources(path.join(ROOT, 'server/src/lsp')), ...sources(path.join(ROOT, 'server/src/cli'))];
    const offenders = glue.filter((f) => importedPaths(f).some((p) => inside(p, RULES) && p !== REGISTRY && p !== RULES)).map(relative);
    assert.deepEqual(offenders, []);
  });
});
