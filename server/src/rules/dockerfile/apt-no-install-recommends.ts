// apt-get and aptitude installs that also install recommended packages (hadolint DL3015), unless the command or an
// earlier RUN's apt configuration turns recommends off.
import { perModel, type DockerfileModel, type Stage } from '../../core/dockerfile/model';
import { hasOption, type ShellCommand, type ShellWord } from '../../core/dockerfile/shell';
import type { DockerfileRule } from '../../core/rule';
import { insertFlagFix } from '../../core/dockerfile/edits';
import { finalImageCommands, runCommands } from '../../core/dockerfile/commands';
import { aptSubcommand } from '../../core/dockerfile/package-managers';

const OFF = /APT::Install-Recommends\s*[= ]\s*"?(false|0|no|off)"?/i;

/** True when the command turns recommends off: the flag, or `-o APT::Install-Recommends=false` (or `-oAPT::…`). */
function optedOut(cmd: ShellCommand): boolean {
  if (hasOption(cmd, '--no-install-recommends') || (cmd.program === 'aptitude' && hasOption(cmd, '-R', '--without-recommends'))) return true;
  return cmd.args.some((a, i) => OFF.test(a.value) && (a.value.startsWith('-o') || a.value.startsWith('--option') || ['-o', '--option'].includes(cmd.args[i - 1]?.value)));
}

/**
 * Per stage, where its first RUN that writes `APT::Install-Recommends "0"` into apt's config ends (stages
 * without one are left out). Worked out once per check instead of re-reading every earlier RUN per install.
 */
function configEnds(model: DockerfileModel): Map<Stage, number> {
  const ends = new Map<Stage, number>();
  for (const run of model.runs) {
    if (!runCommands(run).some((c) => c.args.some((a) => OFF.test(a.value)))) continue;
    ends.set(run.stage, Math.min(ends.get(run.stage) ?? Infinity, run.scriptEnd));
  }
  return ends;
}

/** True when an earlier RUN of the stage (or its parents) writes `APT::Install-Recommends "0"` into apt's config. */
function configuredOff(ends: Map<Stage, number>, stage: Stage, beforeOffset: number): boolean {
  for (let s: Stage | undefined = stage; s; s = s.parent) if ((ends.get(s) ?? Infinity) <= beforeOffset) return true;
  return false;
}

/** `apt-get install` and `aptitude install` words (final image) that would pull in recommended packages. */
const findMissing = perModel((model: DockerfileModel): { sub: ShellWord; program: string }[] => {
  const hits: { sub: ShellWord; program: string }[] = [];
  let ends: Map<Stage, number> | undefined;
  for (const { run, cmd } of finalImageCommands(model)) {
    const sub = aptSubcommand(cmd, ['apt-get', 'aptitude']);
    if (sub?.value !== 'install' || optedOut(cmd) || configuredOff((ends ??= configEnds(model)), run.stage, run.scriptStart)) continue;
    hits.push({ sub, program: cmd.program });
  }
  return hits;
});

// aptitude spells the option --without-recommends.
const flagFor = (program: string) => (program === 'aptitude' ? '--without-recommends' : '--no-install-recommends');

export const aptNoInstallRecommends: DockerfileRule = {
  id: 'apt-no-install-recommends',
  aliases: ['DL3015'],
  severity: 'info',
  category: 'size',
  docs: {
    summary: '`apt-get install` without `--no-install-recommends`.',
    why: 'By default apt also installs every "recommended" package, which often doubles the download (documentation, X11 libraries, compilers) for things the image never uses. `--no-install-recommends` installs only real dependencies.',
    bad: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl',
    good: 'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl',
  },
  check({ model }) {
    return findMissing(model).map(({ sub, program }) => ({
      message: `\`${program} install\` without ${flagFor(program)} pulls in recommended packages; add ${flagFor(program)}`,
      range: model.rangeOf(sub.start, sub.end),
      data: { offset: sub.start },
    }));
  },
  fixes: [
    insertFlagFix('insert-no-install-recommends', '--no-install-recommends', (model) => findMissing(model).filter((h) => h.program !== 'aptitude').map((h) => h.sub)),
    insertFlagFix('insert-without-recommends', '--without-recommends', (model) => findMissing(model).filter((h) => h.program === 'aptitude').map((h) => h.sub)),
  ],
};
