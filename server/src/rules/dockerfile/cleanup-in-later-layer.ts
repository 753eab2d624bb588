import type { Instruction } from 'dockerfile-ast';
import { blankContinuations, buildModel, type DockerfileModel, type RunInfo, type Stage } from '../../core/dockerfile/model';
import type { ShellCommand, ShellWord } from '../../core/dockerfile/shell';
import type { DockerfileRule } from '../../core/rule';
import type { BuildContext, Position, TextEdit } from '../../core/types';
import { appendCommand, createdBy, globRegex, normalisePath, pathCovers, rmTargets, runCommands, type Created, type PathScope } from './pkg-shared';

interface LaterCleanup {
  run: RunInfo;
  cmd: ShellCommand;
  target: ShellWord;
  path: string;
  creator: Created;
}

/** True when deleting `target` deletes something `c` put into its layer. */
function deletesFrom(target: string, c: Created, context?: BuildContext): boolean {
  // `target` names the created path or a folder above it (either side may be a glob).
  const re = globRegex(target);
  for (let p = c.path; p; p = p.slice(0, p.lastIndexOf('/'))) {
    if (p === target || re?.test(p) || globRegex(p)?.test(target)) return true;
  }
  // `target` lies inside a created folder: only when that folder's contents came from the same instruction.
  const fixed = re ? target.slice(0, target.search(/[*?[]/)) : target;
  if (c.path === '/' || !fixed.startsWith(c.path + '/')) return false;
  if (c.kind === 'tree') return true;
  // COPY of a folder: only when the build context shows the file comes from it (it may be built later instead).
  if (c.kind !== 'copy' || !context || c.srcRel === undefined) return false;
  const rest = (re ? fixed.slice(0, fixed.lastIndexOf('/')) : fixed).slice(c.path.length + 1);
  return rest !== '' && context.exists([c.srcRel, rest].filter(Boolean).join('/'));
}

/** `rm` commands in final-image stages that delete files an earlier instruction of the stage (or its parents) created. */
function findLaterCleanups(model: DockerfileModel, context?: BuildContext): LaterCleanup[] {
  const hits: LaterCleanup[] = [];
  const scopes = new Map<Stage, { created: Created[]; scope: PathScope }>();
  for (const stage of model.stages) {
    const inherited = stage.parent && scopes.get(stage.parent);
    const created = [...(inherited?.created ?? [])];
    const scope: PathScope = { ...(inherited?.scope ?? { home: '/root' }) };
    scopes.set(stage, { created, scope });
    for (const ins of stage.instructions) {
      const run = ins.getKeyword() === 'RUN' ? model.runOf(ins) : undefined;
      if (!run) {
        created.push(...createdBy(model, ins, scope, undefined, context));
        continue;
      }
      const pending: Created[] = [];
      const runScope = { ...scope };
      const cmds = runCommands(run);
      for (const [i, cmd] of cmds.entries()) {
        if (cmd.program === 'cd') runScope.cwd = normalisePath(cmd.args[0]?.value ?? '', runScope);
        let hit = false;
        for (const target of rmTargets(cmd)) {
          const path = normalisePath(target.value, runScope);
          if (!path) continue;
          const creator = stage.inFinalImage && !hit ? [...created].reverse().find((c) => deletesFrom(path, c, context)) : undefined;
          if (creator) {
            hits.push({ run, cmd, target, path, creator });
            hit = true;
          }
          for (let j = pending.length - 1; j >= 0; j--) if (pathCovers(path, pending[j].path)) pending.splice(j, 1);
        }
        pending.push(...createdBy(model, ins, runScope, { run, cmd, next: cmds[i + 1], pending }));
      }
      created.push(...pending);
    }
  }
  return hits;
}

function describe(c: Created): string {
  const line = c.ins.getRange().start.line + 1;
  return c.ins.getKeyword() === 'RUN' ? `\`${c.what}\` in the RUN on line ${line}` : `the ${c.ins.getKeyword()} on line ${line}`;
}

/** Deletes the whole instruction's lines (with the line break before it when it is the last line). */
function deleteLines(model: DockerfileModel, ins: Instruction): TextEdit {
  const r = ins.getRange();
  let start = model.offsetAt({ line: r.start.line, character: 0 });
  const next: Position = { line: r.end.line + 1, character: 0 };
  let end = r.end.line + 1 < model.doc.lineCount ? model.offsetAt(next) : model.text.length;
  if (end === model.text.length && !/\n$/.test(model.text)) start = Math.max(0, start - model.eol.length);
  if (start === end) end = model.text.length;
  return { range: model.rangeOf(start, end), newText: '' };
}

export const cleanupInLaterLayer: DockerfileRule = {
  id: 'cleanup-in-later-layer',
  aliases: ['ID.20021'],
  severity: 'info',
  category: 'size',
  docs: {
    summary: '`rm` in a RUN that deletes files an earlier instruction created.',
    why: 'Each instruction is a layer, and a later layer can only hide files, not remove them from the image: deleting `/tmp/app.tgz` in the next RUN saves nothing. Delete files in the RUN that creates them (or use a bind/cache mount instead of COPY).',
    bad: 'FROM debian:12\nRUN curl -fsSL https://example.com/app.tgz -o /tmp/app.tgz && tar -xzf /tmp/app.tgz -C /opt\nRUN rm /tmp/app.tgz',
    good: 'FROM debian:12\nRUN curl -fsSL https://example.com/app.tgz -o /tmp/app.tgz && tar -xzf /tmp/app.tgz -C /opt \\\n    && rm /tmp/app.tgz',
  },
  check({ model, context }) {
    return findLaterCleanups(model, context).map(({ cmd, target, path, creator }) => ({
      message:
        `\`rm\` of ${path} saves no space: ${describe(creator)} created it and it stays in that layer; ` +
        (creator.ins.getKeyword() === 'RUN' ? 'delete it in that RUN' : 'exclude it in .dockerignore, or use RUN --mount=type=bind for files only the build needs'),
      range: model.rangeOf(target.start, target.end),
      data: { offset: cmd.start, line: creator.ins.getRange().start.line },
    }));
  },
  fixes: [
    {
      id: 'move-into-previous-run',
      title: () => 'Move the cleanup into the RUN that creates the files',
      // Merging changes the layers and the build cache; review before applying.
      safe: false,
      apply(input, finding) {
        const model = buildModel(input.text);
        const hit = findLaterCleanups(model, input.context).find((h) => h.cmd.start === finding.data?.offset);
        if (!hit || hit.run.heredoc || hit.cmd.pipeline) return null;
        const { run, cmd } = hit;
        const stage = run.stage;
        const prev = model.runOf(stage.instructions[stage.instructions.indexOf(run.instruction) - 1] ?? run.instruction);
        if (!prev || prev === run || prev.instruction !== hit.creator.ins) return null;
        // Only a leading rm with absolute targets can move: nothing before it in its RUN, and no `cd` of the earlier RUN applies.
        const cmds = runCommands(run);
        if (cmds[0]?.start !== cmd.start || model.text.slice(run.scriptStart, cmd.start).trim()) return null;
        if (rmTargets(cmd).some((t) => !t.value.startsWith('/'))) return null;
        const append = appendCommand(model, prev, model.text.slice(cmd.start, cmd.end));
        if (!append) return null;
        const next = cmds[1];
        if (!next) {
          if (model.text.slice(cmd.end, run.scriptEnd).trim()) return null;
          return { edits: [append, deleteLines(model, run.instruction)] };
        }
        const between = blankContinuations(model.text.slice(cmd.end, next.start), model.escape, false).trim();
        if (between !== '&&' && between !== ';') return null;
        return { edits: [append, { range: model.rangeOf(cmd.start, next.start), newText: '' }] };
      },
    },
  ],
};
