// apt-get (and aptitude) commands that stop at apt's "Do you want to continue?" prompt: no -y, and for apt-get no
// quiet level 2 (`-qq`, `-q -q`, `-q=2`, `--quiet --quiet`), which implies -y.
import { perModel, type DockerfileModel } from '../../core/dockerfile/model';
import { promptingCommands } from '../../core/dockerfile/package-managers';
import type { DockerfileRule } from '../../core/rule';
import { insertFlagFix } from '../../core/dockerfile/edits';
import { allRunCommands } from '../../core/dockerfile/commands';
import { wordRange } from '../../core/dockerfile/instructions';

const NEEDS_YES = new Set(['install', 'upgrade', 'dist-upgrade', 'full-upgrade', 'safe-upgrade', 'reinstall', 'remove', 'purge', 'autoremove', 'build-dep']);

const findMissingYes = perModel((model: DockerfileModel) => promptingCommands(allRunCommands(model), ['apt-get', 'aptitude'], NEEDS_YES));

export const aptMissingYes: DockerfileRule = {
  id: 'apt-missing-yes',
  aliases: ['DL3014'],
  severity: 'warning',
  category: 'correctness',
  scope: 'instruction',
  docs: {
    summary: '`apt-get install` without `-y`.',
    why: 'A build has no terminal to answer apt\'s "Do you want to continue?" prompt; without `-y` the install aborts as soon as it needs confirmation. `aptitude install` asks the same way.',
    bad: 'RUN apt-get install curl',
    good: 'RUN apt-get install -y curl',
  },
  check({ model }) {
    return findMissingYes(model).map(({ cmd, action }) => ({
      message: `\`${cmd.program} ${action.value}\` without -y stops at the confirmation prompt; add -y`,
      range: wordRange(model, action),
      data: { offset: action.start },
    }));
  },
  fixes: [insertFlagFix('insert-y', '-y', (model) => findMissingYes(model).map((h) => h.action))],
};
