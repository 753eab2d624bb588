// README stays true to package.json: every command a user can run from the palette or a menu is named in README
// (by its title), and every setting has a row in README's settings table.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';

const ROOT = path.resolve(__dirname, '../..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');

describe('README and package.json contributions', () => {
  it('names every contributed command by its title', () => {
    const missing = (pkg.contributes.commands as Array<{ command: string; title: string }>).filter((c) => !readme.includes(c.title.replace(/…$/, ''))).map((c) => `${c.command}: ${c.title}`);
    assert.deepEqual(missing, []);
  });

  it('has a settings-table row for every setting', () => {
    const props = Object.keys(pkg.contributes.configuration.properties ?? Object.assign({}, ...pkg.contributes.configuration.map((c: any) => c.properties)));
    const table = readme.slice(readme.indexOf('### Settings'), readme.indexOf('\n## ', readme.indexOf('### Settings')));
    // A row may name sibling settings together: `stevedore.build.dockerPath` / `podmanPath` / `buildahPath`.
    const missing = props.filter((p) => !table.includes(`\`${p}\``) && !table.includes(`\`${p.split('.').pop()}\``));
    assert.deepEqual(missing, []);
  });
});
