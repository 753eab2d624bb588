import { type DockerfileModel, type RunInfo } from '../../core/dockerfile/model';
import { hasOption, type ShellCommand, type ShellWord } from '../../core/dockerfile/shell';
import type { DockerfileRule } from '../../core/rule';
import { insertFlagFix } from '../../core/dockerfile/edits';
import { finalImageCommands, hasCacheMountOn } from '../../core/dockerfile/commands';
import { pipInstall } from '../../core/dockerfile/package-managers';
import { stageEnvValue } from '../../core/dockerfile/stage-env';

const VAR = 'PIP_NO_CACHE_DIR';
const ASSIGN = new RegExp(`^${VAR}=.`);

// pip disables its cache for any valid PIP_NO_CACHE_DIR value, even "0"/"false" (kept for backwards
// compatibility), so any non-empty value counts as set.
function envDisablesCache(run: RunInfo, cmd: ShellCommand, cmds: ShellCommand[]): boolean {
  if ((stageEnvValue(run.stage, run.instruction.getRange().start.line, VAR) ?? '') !== '') return true;
  if (cmd.assignments.some((a) => ASSIGN.test(a.value))) return true;
  // `export PIP_NO_CACHE_DIR=1 && pip install …` in the same RUN.
  return cmds.some((c) => c.start < cmd.start && (c.program === 'export' || c.program === 'declare') && c.args.some((a) => ASSIGN.test(a.value)));
}

function findMissing(model: DockerfileModel): ShellWord[] {
  const hits: ShellWord[] = [];
  for (const { run, cmd, cmds } of finalImageCommands(model)) {
    const install = pipInstall(cmd);
    if (!install || hasOption(cmd, '--no-cache-dir')) continue;
    if (hasCacheMountOn(run, '/root/.cache/pip') || envDisablesCache(run, cmd, cmds)) continue;
    hits.push(install);
  }
  return hits;
}

export const pipNoCacheDir: DockerfileRule = {
  id: 'pip-no-cache-dir',
  aliases: ['DL3042'],
  severity: 'warning',
  category: 'size',
  docs: {
    summary: '`pip install` without `--no-cache-dir`.',
    why: 'pip keeps every downloaded wheel in `~/.cache/pip`; in an image that cache is never reused and can add hundreds of MB (e.g. for torch or numpy). Pass `--no-cache-dir`, set `ENV PIP_NO_CACHE_DIR=1`, or use a cache mount.',
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
