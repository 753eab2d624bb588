import { perModel, type DockerfileModel, type RunInfo, type Stage } from '../../core/dockerfile/model';
import { modelOf } from '../../core/dockerfile/edits';
import type { ShellCommand, ShellWord } from '../../core/dockerfile/shell';
import type { DockerfileRule } from '../../core/rule';
import { finalImageCommands, hasCacheMountOn, removedLater } from '../../core/dockerfile/commands';
import { aptSubcommand } from '../../core/dockerfile/package-managers';
import { appendCommand } from '../../core/dockerfile/run-append';

const LISTS = '/var/lib/apt/lists';
// `aptitude update` downloads the same lists.
const APT_PROGRAMS = ['apt-get', 'apt', 'aptitude'];
const CLEANUP = 'rm -rf /var/lib/apt/lists/*';

/**
 * `apt-get update` commands (in final-image stages) whose package lists no later `rm` in the same RUN deletes.
 * Only `update` downloads the lists; an `install` on its own leaves nothing there to clean.
 */
function findUncleaned(model: DockerfileModel): { run: RunInfo; cmd: ShellCommand; sub: ShellWord; laterInstall?: RunInfo }[] {
  const hits = [];
  let needing: Map<Stage, { lines: number[]; runs: RunInfo[] }> | undefined;
  for (const { run, cmd, cmds } of finalImageCommands(model)) {
    const sub = aptSubcommand(cmd, APT_PROGRAMS);
    if (sub?.value !== 'update') continue;
    if (hasCacheMountOn(run, LISTS) || removedLater(cmds, cmd, LISTS)) continue;
    hits.push({ run, cmd, sub, laterInstall: laterInstallNeedingLists((needing ??= runsNeedingLists(model)), run) });
  }
  return hits;
}

/** True when the RUN installs with apt before (or without) updating: it relies on lists an earlier RUN downloaded. */
function needsLists(r: RunInfo): boolean {
  for (const cmd of r.script.commands) {
    const sub = aptSubcommand(cmd, APT_PROGRAMS)?.value;
    if (sub === 'update') return false;
    if (sub === 'install' || sub === 'upgrade' || sub === 'dist-upgrade') return true;
  }
  return false;
}

/** Per stage, its RUNs that need the apt lists, in document order with their start lines. */
function runsNeedingLists(model: DockerfileModel): Map<Stage, { lines: number[]; runs: RunInfo[] }> {
  const byStage = new Map<Stage, { lines: number[]; runs: RunInfo[] }>();
  for (const r of model.runs) {
    if (!needsLists(r)) continue;
    let entry = byStage.get(r.stage);
    if (!entry) byStage.set(r.stage, (entry = { lines: [], runs: [] }));
    entry.lines.push(r.instruction.getRange().start.line);
    entry.runs.push(r);
  }
  return byStage;
}

/**
 * A later RUN of the same stage that installs with apt without updating first: it relies on these lists, so
 * deleting them here would break it (the fix is to merge the RUNs first; merge-run offers that).
 */
function laterInstallNeedingLists(needing: Map<Stage, { lines: number[]; runs: RunInfo[] }>, run: RunInfo): RunInfo | undefined {
  const entry = needing.get(run.stage);
  if (!entry) return undefined;
  const line = run.instruction.getRange().start.line;
  // The first one that starts on a later line.
  let lo = 0;
  let hi = entry.lines.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (entry.lines[mid] <= line) lo = mid + 1;
    else hi = mid;
  }
  return entry.runs[lo];
}

// "Fix all" applies the fix once per finding of one model: the file is walked once for all of them.
const uncleanedIn = perModel(findUncleaned);

export const aptListsNotCleaned: DockerfileRule = {
  id: 'apt-lists-not-cleaned',
  aliases: ['DL3009'],
  severity: 'warning',
  category: 'size',
  docs: {
    summary: '`apt-get update` without deleting `/var/lib/apt/lists` in the same RUN.',
    why: 'The package lists `apt-get update` downloads (often 20–50 MB) are useless at run time. Deleting them in a later RUN does not help: they stay in the earlier layer. Remove them in the same RUN, or use a cache mount.',
    bad: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl',
    good: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl \\\n    && rm -rf /var/lib/apt/lists/*',
  },
  check({ model }) {
    return findUncleaned(model).map(({ cmd, sub, laterInstall }) => ({
      message: laterInstall
        ? `\`${cmd.program} update\` leaves the package lists in the layer; merge this RUN with the install on line ${laterInstall.instruction.getRange().start.line + 1} and end it with \`&& ${CLEANUP}\``
        : `\`${cmd.program} update\` leaves the package lists in the layer; add \`&& ${CLEANUP}\` to the same RUN`,
      range: model.rangeOf(cmd.nameWord.start, sub.end),
      data: { offset: sub.start },
    }));
  },
  fixes: [
    {
      id: 'append-cleanup',
      title: () => `Append \`&& ${CLEANUP}\` to the RUN`,
      safe: true,
      preferred: true,
      apply(input, finding) {
        const model = modelOf(input);
        const hit = uncleanedIn(model).find((h) => h.sub.start === finding.data?.offset);
        const edit = hit && !hit.laterInstall && appendCommand(model, hit.run, CLEANUP);
        return edit ? { edits: [edit] } : null;
      },
    },
  ],
};
