import type { JSONInstruction } from 'dockerfile-ast';
import { perModel, type DockerfileModel, type RunInfo, type Stage } from '../../core/dockerfile/model';
import { modelOf } from '../../core/dockerfile/edits';
import type { ShellCommand } from '../../core/dockerfile/shell';
import type { DockerfileRule } from '../../core/rule';
import type { Range } from '../../core/types';
import { imageFamily, rootImage } from '../../core/dockerfile/image-family';
import { basename } from '../../core/dockerfile/paths';

/** The SHELL in effect: undefined means Docker's default `/bin/sh -c`. */
type ShellWords = string[] | undefined;

interface PipeHit {
  run: RunInfo;
  range: Range;
  /** The RUN before which one SHELL line covers this hit (the stage's first unprotected piped RUN). */
  anchor: RunInfo;
  /** The SHELL instruction to insert, and whether it is known to work in this image. */
  shell: string;
  known: boolean;
}

const NON_POSIX = /^(cmd|powershell|pwsh)(\.exe)?$/i;

function shellOf(ins: JSONInstruction): string[] {
  return ins.getJSONStrings().map((s) => s.getJSONValue());
}

/** The SHELL in effect at the end of a stage (inherited by stages built FROM it). */
function shellAtEnd(stage: Stage | undefined): ShellWords {
  if (!stage) return undefined;
  const shells = stage.instructions.filter((i) => i.getKeyword() === 'SHELL');
  return shells.length ? shellOf(shells[shells.length - 1] as JSONInstruction) : shellAtEnd(stage.parent);
}

/** True when `set -o pipefail` (or `set -euo pipefail` …) runs before the script's first pipe. */
function setsPipefail(commands: ShellCommand[]): boolean {
  const firstPipe = commands.find((c) => c.pipeline)?.start ?? Infinity;
  return commands.some((c) => c.program === 'set' && c.start < firstPipe && c.args.some((a, i) => a.value === 'pipefail' && /^-[a-zA-Z]*o$/.test(c.args[i - 1]?.value ?? '')));
}

/** The `|` of the RUN's first pipeline, or the RUN keyword when the pipe joins compound commands. */
function pipeRange(model: DockerfileModel, run: RunInfo): Range {
  const second = run.script.commands.find((c) => c.pipeline && c.pipeline.index > 0);
  const at = second ? model.text.lastIndexOf('|', second.start - 1) : -1;
  return at >= run.scriptStart ? model.rangeOf(at, at + 1) : run.instruction.getInstructionRange();
}

/** The SHELL line that adds pipefail, fitted to the current SHELL or the base image. */
function pipefailShell(stage: Stage, current: ShellWords): { shell: string; known: boolean } | undefined {
  const json = (...w: string[]) => `SHELL [${w.map((x) => JSON.stringify(x)).join(', ')}]`;
  const custom = current && basename(current[0] ?? '');
  if (custom === 'bash' || custom === 'zsh' || custom === 'ksh') return { shell: json(current![0], '-o', 'pipefail', '-c'), known: true };
  switch (imageFamily(rootImage(stage))) {
    case 'debian':
      return { shell: json('/bin/bash', '-o', 'pipefail', '-c'), known: true };
    case 'alpine':
      return { shell: json('/bin/ash', '-eo', 'pipefail', '-c'), known: true };
    case 'busybox':
      return { shell: json('/bin/sh', '-eo', 'pipefail', '-c'), known: true };
    case 'unknown':
    // A RUN in a `FROM scratch` stage runs the shell copied into it (`COPY --from=busybox / /`): which one is not known.
    case 'scratch':
      return { shell: json('/bin/bash', '-o', 'pipefail', '-c'), known: false };
    default:
      return undefined; // no shell (distroless) or cmd.exe (Windows)
  }
}

function findMissing(model: DockerfileModel): PipeHit[] {
  const hits: PipeHit[] = [];
  for (const stage of model.stages) {
    let current = shellAtEnd(stage.parent);
    let anchor: RunInfo | undefined;
    // pipefailShell depends only on the stage and the SHELL in effect: work it out once per SHELL.
    let fixFor: { fix: ReturnType<typeof pipefailShell> } | undefined;
    for (const ins of stage.instructions) {
      if (ins.getKeyword() === 'SHELL') {
        current = shellOf(ins as JSONInstruction);
        anchor = undefined;
        fixFor = undefined;
        continue;
      }
      const run = ins.getKeyword() === 'RUN' ? model.runOf(ins) : undefined;
      if (!run || run.execForm || !run.script.hasPipe) continue;
      if (current && (current.includes('pipefail') || NON_POSIX.test(basename(current[0] ?? '')))) continue;
      // A heredoc with its own `#!` interpreter is not run by SHELL.
      if ((run.heredoc && model.text.startsWith('#!', run.scriptStart)) || setsPipefail(run.script.commands)) continue;
      const fix = (fixFor ??= { fix: pipefailShell(stage, current) }).fix;
      if (!fix) continue;
      anchor ??= run;
      hits.push({ run, range: pipeRange(model, run), anchor, ...fix });
    }
  }
  return hits;
}

// "Fix all" applies the fix once per finding of one model: the file is walked once for all of them.
const missingIn = perModel(findMissing);

function applyShell(input: { text: string }, line: unknown, known: boolean) {
  const model = modelOf(input);
  const hit = missingIn(model).find((h) => h.run.instruction.getRange().start.line === line);
  if (!hit || hit.known !== known) return null;
  const at = { line: hit.anchor.instruction.getRange().start.line, character: 0 };
  return { edits: [{ range: { start: at, end: at }, newText: hit.shell + model.eol }] };
}

export const missingPipefail: DockerfileRule = {
  id: 'missing-pipefail',
  aliases: ['DL4006'],
  severity: 'warning',
  category: 'correctness',
  scope: 'instruction',
  docs: {
    summary: 'RUN with a pipe under a shell without `pipefail`.',
    why: 'A pipeline\'s exit status is that of its last command, so in `RUN curl -fsSL $URL | tar -xz` a failed download still "succeeds" and the build goes on with missing files. `SHELL ["/bin/bash", "-o", "pipefail", "-c"]` makes any failing stage fail the RUN.',
    bad: 'FROM debian:12\nRUN curl -fsSL https://example.com/app.tgz | tar -xz -C /opt',
    good: 'FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN curl -fsSL https://example.com/app.tgz | tar -xz -C /opt',
  },
  check({ model }) {
    return findMissing(model).map((h) => ({
      message: `A failing command before this \`|\` does not fail the build without pipefail; add \`${h.shell}\` before the RUN${h.known ? '' : ' (if the image has bash)'}`,
      range: h.range,
      data: { line: h.run.instruction.getRange().start.line },
    }));
  },
  fixes: [
    {
      id: 'add-shell',
      title: () => 'Set SHELL with pipefail',
      safe: true,
      preferred: true,
      apply: (input, finding) => applyShell(input, finding.data?.line, true),
    },
    {
      id: 'add-bash-shell',
      title: () => 'Set SHELL to bash with pipefail (the image must have bash)',
      safe: false,
      apply: (input, finding) => applyShell(input, finding.data?.line, false),
    },
  ],
};
