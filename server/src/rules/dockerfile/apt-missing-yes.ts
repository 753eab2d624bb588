import { buildModel } from '../../core/dockerfile/model';
import { packageCommand } from '../../core/dockerfile/package-managers';
import type { DockerfileRule } from '../../core/rule';
import { insertFlagFix } from '../../core/dockerfile/edits';
import { allCommands, wordRange } from '../../core/dockerfile/instructions';

const NEEDS_YES = new Set(['install', 'upgrade', 'dist-upgrade', 'full-upgrade', 'remove', 'purge', 'autoremove', 'build-dep']);

/** `apt-get install …` commands without -y / --yes / --assume-yes / -qq (or `-q -q`: apt's quiet level 2 implies -y). */
function findMissingYes(model: ReturnType<typeof buildModel>) {
  const hits = [];
  for (const { cmd } of allCommands(model)) {
    if (cmd.program !== 'apt-get') continue;
    const pkg = packageCommand(cmd);
    if (!pkg?.subcommand || !NEEDS_YES.has(pkg.subcommand.value) || pkg.yes) continue;
    hits.push({ cmd, sub: pkg.subcommand });
  }
  return hits;
}

export const aptMissingYes: DockerfileRule = {
  id: 'apt-missing-yes',
  aliases: ['DL3014'],
  severity: 'warning',
  category: 'correctness',
  docs: {
    summary: '`apt-get install` without `-y`.',
    why: 'A build has no terminal to answer apt\'s "Do you want to continue?" prompt; without `-y` the install aborts as soon as it needs confirmation.',
    bad: 'RUN apt-get install curl',
    good: 'RUN apt-get install -y curl',
  },
  check({ model }) {
    return findMissingYes(model).map(({ sub }) => ({
      message: `\`apt-get ${sub.value}\` without -y stops at the confirmation prompt; add -y`,
      range: wordRange(model, sub),
      data: { offset: sub.start },
    }));
  },
  fixes: [insertFlagFix('insert-y', '-y', (model) => findMissingYes(model).map((h) => h.sub))],
};
