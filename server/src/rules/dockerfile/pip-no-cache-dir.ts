import type { DockerfileModel } from '../../core/dockerfile/model';
import type { ShellWord } from '../../core/dockerfile/shell';
import type { DockerfileRule } from '../../core/rule';
import { insertFlagFix } from '../../core/dockerfile/edits';
import { finalImageCommands, hasCacheMountOn } from '../../core/dockerfile/commands';
import { packageCommand } from '../../core/dockerfile/package-managers';
import { commandEnv } from '../../core/dockerfile/stage-env';

function findMissing(model: DockerfileModel): ShellWord[] {
  const hits: ShellWord[] = [];
  for (const { run, cmd } of finalImageCommands(model)) {
    // noCache: --no-cache-dir, or PIP_NO_CACHE_DIR on the command, exported earlier in the RUN or in the stage's ENV/ARG.
    const pip = packageCommand(cmd, commandEnv(run, cmd, model.text));
    if (pip?.manager !== 'pip' || pip.action !== 'install' || pip.noCache) continue;
    if (hasCacheMountOn(run, '/root/.cache/pip')) continue;
    hits.push(pip.subcommand!);
  }
  return hits;
}

export const pipNoCacheDir: DockerfileRule = {
  id: 'pip-no-cache-dir',
  aliases: ['DL3042'],
  severity: 'warning',
  category: 'size',
  scope: 'instruction',
  docs: {
    summary: '`pip install` without `--no-cache-dir`.',
    why: 'pip keeps every downloaded wheel in `~/.cache/pip`; in an image that cache is never reused and can add hundreds of MB (e.g. for torch or numpy). Pass `--no-cache-dir`, set `ENV PIP_NO_CACHE_DIR=1` (pip turns the cache off for any valid value, `0` and `false` too), export it earlier in the RUN, or use a cache mount.',
    bad: 'FROM python:3.12-slim\nRUN pip install -r requirements.txt',
    good: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir -r requirements.txt',
  },
  check({ model }) {
    return findMissing(model).map((install) => ({
      message: '`pip install` without --no-cache-dir keeps the download cache in the image; add --no-cache-dir',
      range: model.rangeOf(install.start, install.end),
      data: { offset: install.start },
    }));
  },
  fixes: [insertFlagFix('insert-no-cache-dir', '--no-cache-dir', findMissing)],
};
