import type { DockerfileModel } from '../../core/dockerfile/model';
import { hasOption, type ShellWord } from '../../core/dockerfile/shell';
import type { DockerfileRule } from '../../core/rule';
import { insertFlagFix } from '../../core/dockerfile/edits';
import { finalImageCommands, hasCacheMountOn, removedLater } from '../../core/dockerfile/commands';
import { apkAdd } from '../../core/dockerfile/package-managers';

const CACHE = '/var/cache/apk';

function findMissing(model: DockerfileModel): ShellWord[] {
  const hits: ShellWord[] = [];
  for (const { run, cmd, cmds } of finalImageCommands(model)) {
    const add = apkAdd(cmd);
    if (!add || hasOption(cmd, '--no-cache')) continue;
    if (hasCacheMountOn(run, CACHE, '/etc/apk/cache') || removedLater(cmds, cmd, CACHE)) continue;
    hits.push(add);
  }
  return hits;
}

export const apkNoCache: DockerfileRule = {
  id: 'apk-no-cache',
  aliases: ['DL3019'],
  severity: 'warning',
  category: 'size',
  scope: 'instruction',
  docs: {
    summary: '`apk add` without `--no-cache`.',
    why: 'Without `--no-cache`, apk stores the package index (and, with a cache folder, the packages) under `/var/cache/apk` in the layer. `--no-cache` fetches a fresh index and leaves nothing behind, so no `apk update` or cleanup is needed.',
    bad: 'FROM alpine:3.20\nRUN apk update && apk add curl',
    good: 'FROM alpine:3.20\nRUN apk add --no-cache curl',
  },
  check({ model }) {
    return findMissing(model).map((add) => ({
      message: '`apk add` without --no-cache leaves the package index in /var/cache/apk; add --no-cache',
      range: model.rangeOf(add.start, add.end),
      data: { offset: add.start },
    }));
  },
  fixes: [insertFlagFix('insert-no-cache', '--no-cache', findMissing)],
};
