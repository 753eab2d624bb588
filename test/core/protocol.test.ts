// The protocol module and package.json name the same commands: every contributed command is declared in
// server/src/protocol.ts and vice versa, and menus and activation events name only declared ones.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { APPLY_SNIPPET_EDIT_COMMAND, CLUSTER_COMMANDS, CONTRIBUTED_COMMANDS, IMAGE_COMMANDS, isRolloutCommand, ROLLOUT_COMMANDS, ROLLOUT_STATUS_COMMAND, ROLLOUT_UNDO_COMMAND } from '../../server/src/protocol';

const root = path.join(__dirname, '..', '..');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  activationEvents: string[];
  contributes: { commands: Array<{ command: string }>; menus: Record<string, Array<{ command: string }>> };
};
const sorted = (ids: readonly string[]) => [...new Set(ids)].sort();

describe('protocol', () => {
  it('declares exactly the commands package.json contributes', () => {
    const contributed = manifest.contributes.commands.map((c) => c.command);
    assert.equal(contributed.length, new Set(contributed).size, 'no command is contributed twice');
    assert.deepEqual(sorted(contributed), sorted(CONTRIBUTED_COMMANDS));
    assert.deepEqual(sorted(CONTRIBUTED_COMMANDS), sorted([...CLUSTER_COMMANDS, ...IMAGE_COMMANDS]));
  });

  it('menus and activation events name only declared commands, and every declared command activates the extension', () => {
    const inMenus = Object.values(manifest.contributes.menus).flatMap((items) => items.map((i) => i.command));
    assert.deepEqual(inMenus.filter((id) => !CONTRIBUTED_COMMANDS.includes(id)), []);
    const onCommand = manifest.activationEvents.filter((e) => e.startsWith('onCommand:')).map((e) => e.slice('onCommand:'.length));
    assert.deepEqual(sorted(onCommand), sorted(CONTRIBUTED_COMMANDS));
  });

  it('keeps the snippet command internal and the lens commands among the rollout commands', () => {
    assert.equal(APPLY_SNIPPET_EDIT_COMMAND, 'stevedore.applySnippetEdit');
    assert.ok(!CONTRIBUTED_COMMANDS.includes(APPLY_SNIPPET_EDIT_COMMAND));
    for (const id of [ROLLOUT_STATUS_COMMAND, ROLLOUT_UNDO_COMMAND]) assert.ok(isRolloutCommand(id), id);
    assert.deepEqual(ROLLOUT_COMMANDS.filter((id) => !id.startsWith('stevedore.rollout')), []);
    assert.ok(!isRolloutCommand('stevedore.applyFile'));
    assert.ok(!isRolloutCommand(undefined));
  });

  it('imports nothing but types, so both bundles can take it', () => {
    const source = fs.readFileSync(path.join(root, 'server', 'src', 'protocol.ts'), 'utf8');
    const imports = source.split('\n').filter((l) => /^\s*(import|export)\b.*\bfrom\b/.test(l) || /\brequire\(/.test(l));
    assert.deepEqual(imports.filter((l) => !/^\s*import type\b/.test(l)), []);
  });
});
