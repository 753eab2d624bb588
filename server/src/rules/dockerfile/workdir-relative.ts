import type { Instruction } from 'dockerfile-ast';
import { perModel, type DockerfileModel } from '../../core/dockerfile/model';
import { modelOf } from '../../core/dockerfile/edits';
import type { DockerfileRule } from '../../core/rule';
import type { Range } from '../../core/types';
import { instructionsBefore } from '../../core/dockerfile/instructions';

interface RelativeWorkdir {
  ins: Instruction;
  range: Range;
  /** The path without surrounding quotes, and its document offset. */
  path: string;
  pathStart: number;
}

function isRelative(path: string): boolean {
  // `/abs`, `\abs` and `C:\x` / `C:/x` (Windows) are absolute; `$HOME`, `${APP_DIR}` are unknown until build time.
  return !/^[/\\$]/.test(path) && !/^[A-Za-z]:([\\/$]|$)/.test(path);
}

/**
 * The first WORKDIR of a stage chain when it is relative. Like BuildKit's WorkdirRelativePath, later relative
 * WORKDIRs are fine: they build on a directory this Dockerfile already chose.
 */
function relativeWorkdirs(model: DockerfileModel): RelativeWorkdir[] {
  const out: RelativeWorkdir[] = [];
  for (const stage of model.stages) {
    const first = stage.instructions.find((i) => i.getKeyword() === 'WORKDIR');
    const range = first?.getArgumentsRange();
    if (!first || !range || instructionsBefore(stage, first).some((i) => i.getKeyword() === 'WORKDIR')) continue;
    const start = model.offsetAt(range.start);
    const raw = model.text.slice(start, model.offsetAt(range.end));
    const quoted = raw.length >= 2 && (raw[0] === '"' || raw[0] === "'") && raw[raw.length - 1] === raw[0];
    // Continuation lines joined, for messages.
    const joined = (first.getArgumentsContent() ?? raw).trim();
    const path = quoted ? joined.slice(1, -1) : joined;
    if (path && isRelative(path)) out.push({ ins: first, range, path, pathStart: start + (quoted ? 1 : 0) });
  }
  return out;
}

/** The absolute path a fix proposes, assuming the base image works in `/` (Docker's default). */
function absolute(path: string): string | undefined {
  if (path.startsWith('./') && path.length > 2) return '/' + path.slice(2);
  return /^[A-Za-z0-9_@]/.test(path) ? '/' + path : undefined;
}

// "Fix all" applies the fix once per finding of one model: the file is walked once for all of them.
const relativeWorkdirsIn = perModel(relativeWorkdirs);

export const workdirRelative: DockerfileRule = {
  id: 'workdir-relative',
  aliases: ['DL3000', 'WorkdirRelativePath'],
  severity: 'warning',
  category: 'correctness',
  docs: {
    summary: 'WORKDIR with a relative path.',
    why: "A relative WORKDIR is resolved against the base image's working directory, which this Dockerfile does not control: a new base image version that sets its own WORKDIR moves your files somewhere else. Use an absolute path.",
    bad: 'FROM node:20-slim\nWORKDIR app',
    good: 'FROM node:20-slim\nWORKDIR /app',
  },
  check({ model }) {
    return relativeWorkdirs(model).map(({ ins, range, path }) => {
      const abs = absolute(path);
      return {
        message: `WORKDIR \`${path}\` is relative to the base image's working directory; use an absolute path${abs ? ` such as \`${abs}\`` : ''}`,
        range,
        data: { line: ins.getRange().start.line, ...(abs ? { abs } : {}) },
      };
    });
  },
  fixes: [
    {
      id: 'make-absolute',
      title: (f) => `Use ${typeof f.data?.abs === 'string' ? f.data.abs : 'an absolute path'} (assumes the base image works in /)`,
      safe: false,
      apply(input, finding) {
        const model = modelOf(input);
        const hit = relativeWorkdirsIn(model).find((h) => h.ins.getRange().start.line === finding.data?.line);
        const abs = hit && absolute(hit.path);
        if (!hit || !abs) return null;
        const replaced = hit.path.startsWith('./') ? 2 : 0;
        return { edits: [{ range: model.rangeOf(hit.pathStart, hit.pathStart + replaced), newText: '/' }] };
      },
    },
  ],
};
