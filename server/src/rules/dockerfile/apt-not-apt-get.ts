import { perModel, type DockerfileModel } from '../../core/dockerfile/model';
import { modelOf } from '../../core/dockerfile/edits';
import type { ShellCommand } from '../../core/dockerfile/shell';
import type { DockerfileRule } from '../../core/rule';
import { runCommands } from '../../core/dockerfile/commands';
import { aptSubcommand } from '../../core/dockerfile/package-managers';

// Subcommands that apt-get has with the same meaning; `apt search/show/list` map to apt-cache instead.
const APT_GET_SUBCOMMANDS = new Set([
  'install', 'reinstall', 'remove', 'purge', 'update', 'upgrade', 'dist-upgrade', 'full-upgrade', 'autoremove',
  'autopurge', 'autoclean', 'clean', 'build-dep', 'source', 'download', 'changelog', 'satisfy', 'check',
]);

function findApt(model: DockerfileModel): ShellCommand[] {
  return model.runs.flatMap((run) => runCommands(run).filter((cmd) => cmd.program === 'apt'));
}

// "Fix all" applies the fix once per finding of one model: the file is walked once for all of them.
const aptIn = perModel(findApt);

export const aptNotAptGet: DockerfileRule = {
  id: 'apt-not-apt-get',
  aliases: ['DL3027'],
  severity: 'warning',
  category: 'correctness',
  scope: 'instruction',
  docs: {
    summary: '`apt` used in a RUN instead of `apt-get`.',
    why: '`apt` is meant for people at a terminal: its output and behaviour may change between releases and it warns "apt does not have a stable CLI interface" when scripted. `apt-get` (and `apt-cache`) are the stable interfaces for scripts.',
    bad: 'FROM debian:12\nRUN apt update && apt install -y curl',
    good: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl',
  },
  check({ model }) {
    return findApt(model).map((cmd) => {
      const sub = aptSubcommand(cmd)?.value;
      const instead = !sub || APT_GET_SUBCOMMANDS.has(sub) ? 'apt-get' : 'apt-get or apt-cache';
      return {
        message: `\`apt${sub ? ` ${sub}` : ''}\` has no stable command-line interface for scripts; use ${instead}`,
        range: model.rangeOf(cmd.nameWord.start, cmd.nameWord.end),
        data: { offset: cmd.nameWord.start },
      };
    });
  },
  fixes: [
    {
      id: 'use-apt-get',
      title: () => 'Use apt-get',
      safe: true,
      preferred: true,
      apply(input, finding) {
        const model = modelOf(input);
        const cmd = aptIn(model).find((c) => c.nameWord.start === finding.data?.offset);
        const sub = cmd && aptSubcommand(cmd)?.value;
        if (!cmd || !sub || !APT_GET_SUBCOMMANDS.has(sub)) return null;
        // Insert `-get` after the `apt` of the word as written (`apt`, `/usr/bin/apt`, `"apt"`).
        const at = model.positionAt(cmd.nameWord.start + cmd.nameWord.raw.lastIndexOf('apt') + 3);
        return { edits: [{ range: { start: at, end: at }, newText: '-get' }] };
      },
    },
  ],
};
