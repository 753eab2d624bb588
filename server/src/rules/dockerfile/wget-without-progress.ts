// wget without --progress (hadolint DL3047): its default progress bar turns into thousands of log lines in a
// build. -q/--quiet, -nv/--no-verbose and a log file (-o/-a) count as chosen output, as hadolint has it.
import { imageFamily, rootImage } from '../../core/dockerfile/image-family';
import { perModel, type DockerfileModel, type RunInfo, type Stage } from '../../core/dockerfile/model';
import { packageCommand } from '../../core/dockerfile/package-managers';
import type { ShellCommand } from '../../core/dockerfile/shell';
import type { DockerfileRule } from '../../core/rule';
import { insertFlagFix } from '../../core/dockerfile/edits';
import { allRunCommands } from '../../core/dockerfile/commands';
import { wordRange } from '../../core/dockerfile/instructions';

const PROGRESS = '--progress=dot:giga';
const CHOSEN_LONG = /^--(progress|quiet|no-verbose|output-file|append-output)(=|$)/;
// Short options that take a value: the rest of a bundle (`-qO-`) is that value.
const SHORT_WITH_VALUE = 'OeiBtTwPUlARDIXQ';

/** True when the command already says how verbose it is. */
function choseOutput(cmd: ShellCommand): boolean {
  for (const { value: v } of cmd.args) {
    if (v === '--') return false;
    if (CHOSEN_LONG.test(v) || v === '-nv') return true;
    // `-nc`, `-nd`, `-nH`, `-np`: wget's two-letter -n options.
    if (!/^-[a-zA-Z]/.test(v) || v.startsWith('-n')) continue;
    for (const c of v.slice(1)) {
      if (c === 'q' || c === 'o' || c === 'a') return true;
      if (SHORT_WITH_VALUE.includes(c)) break;
    }
  }
  return false;
}

/** The offset of the first `apk add … wget` (GNU wget replacing BusyBox's) of each stage. */
function gnuWgetInstalls(model: DockerfileModel): Map<Stage, number> {
  const at = new Map<Stage, number>();
  for (const { run, cmd } of allRunCommands(model)) {
    const pkg = cmd.program === 'apk' ? packageCommand(cmd) : undefined;
    if (pkg?.action === 'add' && pkg.packages.some((p) => p.name === 'wget') && !at.has(run.stage)) at.set(run.stage, cmd.start);
  }
  return at;
}

/** BusyBox's wget (Alpine, busybox, unless `apk add wget` came first) has no --progress: it would fail the build. */
function busyboxWget(run: RunInfo, cmd: ShellCommand, gnu: Map<Stage, number>): boolean {
  if (!['alpine', 'busybox'].includes(imageFamily(rootImage(run.stage)))) return false;
  for (let s: Stage | undefined = run.stage; s; s = s.parent) if ((gnu.get(s) ?? Infinity) < cmd.start) return false;
  return true;
}

const findNoisy = perModel((model: DockerfileModel) => {
  const hits: { cmd: ShellCommand; busybox: boolean }[] = [];
  let gnu: Map<Stage, number> | undefined;
  for (const { run, cmd } of allRunCommands(model)) {
    if (cmd.program === 'wget' && !choseOutput(cmd)) hits.push({ cmd, busybox: busyboxWget(run, cmd, (gnu ??= gnuWgetInstalls(model))) });
  }
  return hits;
});

export const wgetWithoutProgress: DockerfileRule = {
  id: 'wget-without-progress',
  aliases: ['DL3047'],
  severity: 'info',
  category: 'reliability',
  docs: {
    summary: '`wget` without `--progress` (or `-q` / `-nv`).',
    why: 'Without a terminal, wget prints its progress as a line of dots per few kilobytes: a large download fills the build log with thousands of lines and can hit the log size limit of a CI system. `--progress=dot:giga` prints one dot per 64 KB (a line per 3 MB), and `-nv` or `-q` print only the result or nothing.',
    bad: 'FROM debian:12\nRUN wget https://example.com/tool.tar.gz',
    good: 'FROM debian:12\nRUN wget --progress=dot:giga https://example.com/tool.tar.gz',
  },
  check({ model }) {
    return findNoisy(model).map(({ cmd, busybox }) => ({
      message: busybox
        ? "`wget` without -q fills the build log with its progress output; BusyBox's wget has no --progress, add -q"
        : `\`wget\` without --progress fills the build log with its progress output; add ${PROGRESS} (or -nv / -q)`,
      range: wordRange(model, cmd.nameWord),
      data: { offset: cmd.nameWord.start },
    }));
  },
  fixes: [insertFlagFix('insert-progress', PROGRESS, (model) => findNoisy(model).filter((h) => !h.busybox).map((h) => h.cmd.nameWord))],
};
