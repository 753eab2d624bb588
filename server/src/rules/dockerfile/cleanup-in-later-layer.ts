import { blankContinuations, type DockerfileModel, type RunInfo, type Stage } from '../../core/dockerfile/model';
import type { ShellCommand, ShellWord } from '../../core/dockerfile/shell';
import type { DockerfileRule } from '../../core/rule';
import type { BuildContext } from '../../core/types';
import { deleteInstruction, modelOf } from '../../core/dockerfile/edits';
import { rmTargets, runCommands } from '../../core/dockerfile/commands';
import { createdBy, type Created } from '../../core/dockerfile/layer-paths';
import { globRegex, normalisePath, pathCovers, type PathScope } from '../../core/dockerfile/paths';
import { appendCommand } from '../../core/dockerfile/run-append';

interface LaterCleanup {
  run: RunInfo;
  cmd: ShellCommand;
  target: ShellWord;
  path: string;
  creator: Created;
}

const GLOB = /[*?[]/;

/** An `rm` target, with what deletesFrom needs of it worked out once. */
interface RmTarget {
  path: string;
  /** The target as a glob regex, when it has glob characters. */
  re?: RegExp;
  /** The part before the first glob character (the whole path without one). */
  fixed: string;
}

function rmTarget(path: string): RmTarget {
  const re = globRegex(path);
  return { path, re, fixed: re ? path.slice(0, path.search(GLOB)) : path };
}

/** True when deleting `t` deletes something `c` put into its layer. */
function deletesFrom(t: RmTarget, c: Created, context?: BuildContext): boolean {
  const { path: target, re, fixed } = t;
  // `target` names the created path or a folder above it (either side may be a glob).
  if (!re && !GLOB.test(c.path)) {
    // Without globs that is: `target` is the path or one of the prefixes that end before a `/`.
    if (c.path === target || c.path.startsWith(target + '/')) return true;
  } else {
    for (let p = c.path; p; p = p.slice(0, p.lastIndexOf('/'))) {
      if (p === target || re?.test(p) || globRegex(p)?.test(target)) return true;
    }
  }
  // `target` lies inside a created folder: only when that folder's contents came from the same instruction.
  if (c.path === '/' || !fixed.startsWith(c.path + '/')) return false;
  if (c.kind === 'tree') return true;
  // COPY of a folder: only when the build context shows the file comes from it (it may be built later instead).
  if (c.kind !== 'copy' || !context || c.srcRel === undefined) return false;
  const rest = (re ? fixed.slice(0, fixed.lastIndexOf('/')) : fixed).slice(c.path.length + 1);
  return rest !== '' && context.exists([c.srcRel, rest].filter(Boolean).join('/'));
}

function pushTo(map: Map<string, number[]>, key: string, i: number): void {
  const list = map.get(key);
  if (list) list.push(i);
  else map.set(key, [i]);
}

/**
 * What the instructions of a stage created (after what its parent stage created), indexed so that an `rm`
 * finds the latest item it deletes from without testing every earlier one. The answer, and the order in which
 * items with glob paths are tested (their regexes may throw), are those of a scan from the latest item back.
 */
class CreatedIndex {
  private readonly items: Created[] = [];
  /** Items without glob characters, under their path and each prefix of it that ends before a `/`. */
  private readonly byPrefix = new Map<string, number[]>();
  /** Items under their exact path. */
  private readonly byPath = new Map<string, number[]>();
  /** Items whose path has glob characters: always tested. */
  private readonly globs: number[] = [];

  constructor(private readonly parent?: CreatedIndex) {}

  get size(): number {
    return this.items.length + (this.parent?.size ?? 0);
  }

  add(c: Created): void {
    const i = this.items.push(c) - 1;
    const path = c.path;
    pushTo(this.byPath, path, i);
    if (GLOB.test(path)) {
      this.globs.push(i);
      return;
    }
    pushTo(this.byPrefix, path, i);
    for (let j = path.indexOf('/', 1); j > 0; j = path.indexOf('/', j + 1)) pushTo(this.byPrefix, path.slice(0, j), i);
  }

  /** The latest item (this stage's first, then its parents') that deleting `t` deletes from. */
  latest(t: RmTarget, context?: BuildContext): Created | undefined {
    const best = this.latestOwn(t, context);
    return best >= 0 ? this.items[best] : this.parent?.latest(t, context);
  }

  private latestOwn(t: RmTarget, context?: BuildContext): number {
    const { items } = this;
    let best = -1;
    // The latest item of `list` above `best` that `t` deletes from.
    const scan = (list: number[] | undefined) => {
      if (!list) return;
      for (let k = list.length - 1; k >= 0 && list[k] > best; k--) {
        if (deletesFrom(t, items[list[k]], context)) {
          best = list[k];
          return;
        }
      }
    };
    // Items without globs that `t` names or lies above: under the target path itself, or for a glob target
    // under the folder its fixed part is in (the glob only matches paths that start with the fixed part).
    if (!t.re) scan(this.byPrefix.get(t.path));
    else {
      const dir = t.fixed.slice(0, t.fixed.lastIndexOf('/'));
      if (!dir) {
        // `/foo*`: anything may match, test every item as the plain scan does.
        for (let i = items.length - 1; i >= 0; i--) if (deletesFrom(t, items[i], context)) return i;
        return -1;
      }
      scan(this.byPrefix.get(dir));
    }
    // Items whose path is a folder above the target's fixed part.
    for (let j = t.fixed.indexOf('/'); j >= 0; j = t.fixed.indexOf('/', j + 1)) scan(this.byPath.get(t.fixed.slice(0, j)));
    // Items with glob paths last, latest first, as the plain scan reaches them.
    scan(this.globs);
    return best;
  }
}

/** `rm` commands in final-image stages that delete files an earlier instruction of the stage (or its parents) created. */
function findLaterCleanups(model: DockerfileModel, context?: BuildContext): LaterCleanup[] {
  const hits: LaterCleanup[] = [];
  const scopes = new Map<Stage, { created: CreatedIndex; scope: PathScope }>();
  for (const stage of model.stages) {
    // Only final-image stages report, and they only build on final-image stages.
    if (!stage.inFinalImage) continue;
    const inherited = stage.parent && scopes.get(stage.parent);
    const created = new CreatedIndex(inherited?.created);
    const scope: PathScope = { ...(inherited?.scope ?? { home: '/root' }) };
    scopes.set(stage, { created, scope });
    for (const ins of stage.instructions) {
      const run = ins.getKeyword() === 'RUN' ? model.runOf(ins) : undefined;
      if (!run) {
        for (const c of createdBy(model, ins, scope, undefined, context)) created.add(c);
        continue;
      }
      const pending: Created[] = [];
      const runScope = { ...scope };
      const cmds = runCommands(run);
      for (let i = 0; i < cmds.length; i++) {
        const cmd = cmds[i];
        if (cmd.program === 'cd') runScope.cwd = normalisePath(cmd.args[0]?.value ?? '', runScope);
        let hit = false;
        for (const target of rmTargets(cmd)) {
          const path = normalisePath(target.value, runScope);
          if (!path) continue;
          const creator = !hit && created.size ? created.latest(rmTarget(path), context) : undefined;
          if (creator) {
            hits.push({ run, cmd, target, path, creator });
            hit = true;
          }
          for (let j = pending.length - 1; j >= 0; j--) if (pathCovers(path, pending[j].path)) pending.splice(j, 1);
        }
        for (const c of createdBy(model, ins, runScope, { run, cmd, next: cmds[i + 1], pending })) pending.push(c);
      }
      for (const c of pending) created.add(c);
    }
  }
  return hits;
}

function describe(c: Created): string {
  const line = c.ins.getRange().start.line + 1;
  return c.ins.getKeyword() === 'RUN' ? `\`${c.what}\` in the RUN on line ${line}` : `the ${c.ins.getKeyword()} on line ${line}`;
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
        const model = modelOf(input);
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
          return { edits: [append, deleteInstruction(model, run.instruction)] };
        }
        const between = blankContinuations(model.text.slice(cmd.end, next.start), model.escape, false).trim();
        if (between !== '&&' && between !== ';') return null;
        return { edits: [append, { range: model.rangeOf(cmd.start, next.start), newText: '' }] };
      },
    },
  ],
};
