import { perModel, type DockerfileModel, type RunInfo } from '../../core/dockerfile/model';
import { modelOf } from '../../core/dockerfile/edits';
import type { DockerfileRule } from '../../core/rule';
import type { RuleHit } from '../../core/types';
import { keywordRange } from '../../core/dockerfile/instructions';

/** The line's text of a position's line. */
function lineText(model: DockerfileModel, line: number): string {
  return model.doc.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/\r?\n$/, '');
}

/**
 * Groups of consecutive RUNs in one stage (only comments or blank lines between) that can be merged. Only stages
 * that ship in the final image count: in a builder whose files are only copied from, a merge changes build caching,
 * not the image (as for the other layer-size rules).
 */
function mergeableGroups(model: DockerfileModel): RunInfo[][] {
  const groups: RunInfo[][] = [];
  for (const stage of model.stages) {
    if (!stage.inFinalImage) continue;
    let group: RunInfo[] = [];
    let groupFlags = '';
    for (const ins of stage.instructions) {
      const run = ins.getKeyword() === 'RUN' ? model.runOf(ins) : undefined;
      if (!run || run.execForm || run.heredoc || hasHeredocs(model, run) || !run.script.commands.length) {
        if (group.length > 1) groups.push(group);
        group = [];
        continue;
      }
      const flags = flagsText(model, run);
      if (group.length && groupFlags !== flags) {
        if (group.length > 1) groups.push(group);
        group = [];
      }
      if (!group.length) groupFlags = flags;
      group.push(run);
    }
    if (group.length > 1) groups.push(group);
  }
  return groups;
}

/** True when a RUN defines heredocs (`RUN cat <<EOF …`); dockerfile-ast re-parses the whole RUN to tell, so ask only when the text has a `<`. */
function hasHeredocs(model: DockerfileModel, run: RunInfo): boolean {
  const { start, end } = run.instruction.getRange();
  return model.text.slice(model.offsetAt(start), model.offsetAt(end)).includes('<') && run.instruction.getHeredocs().length > 0;
}

function flagsText(model: DockerfileModel, run: RunInfo): string {
  return run.instruction
    .getFlags()
    .map((f) => model.doc.getText(f.getRange()))
    .sort()
    .join(' ');
}

/** The script text of a RUN as written, without a trailing `;`. */
function scriptText(model: DockerfileModel, run: RunInfo): string {
  // (?<!…): a match starts only where the trailing run starts (retried inside a long run of spaces, it was quadratic).
  return model.text.slice(run.scriptStart, run.scriptEnd).replace(/(?<!\s)\s*;\s*$/, '');
}

// "Fix all" applies the fix once per finding of one model: the file is walked once for all of them.
const groupsIn = perModel(mergeableGroups);

export const mergeRun: DockerfileRule = {
  id: 'merge-run',
  aliases: ['DL3059'],
  severity: 'warning',
  category: 'size',
  docs: {
    summary: 'Consecutive RUN instructions in a stage that ships in the final image.',
    why: 'Every RUN adds a layer. Files created in one layer and deleted in a later one still ship in the image, and each layer adds pull and build overhead. Chaining the commands with `&&` in one RUN gives one layer and lets cleanup steps really reduce the size. Builder stages that the final image only copies files from are not flagged: their layers do not ship, and merging them would only change what the build cache can reuse.',
    bad: 'RUN apt-get update\nRUN apt-get install -y curl',
    good: 'RUN apt-get update && \\\n    apt-get install -y curl',
  },
  check({ model }) {
    return mergeableGroups(model).map((group): RuleHit => ({
      message: `${group.length} consecutive RUN instructions create ${group.length} layers; merge them into one RUN`,
      range: keywordRange(group[1].instruction),
      data: { line: group[0].instruction.getRange().start.line },
    }));
  },
  fixes: [
    {
      id: 'merge',
      title: () => 'Merge RUN instructions',
      safe: true,
      preferred: true,
      apply(input, finding) {
        const model = modelOf(input);
        const group = groupsIn(model).find((g) => g[0].instruction.getRange().start.line === finding.data?.line);
        if (!group) return null;
        const esc = model.escape;
        let text = scriptText(model, group[0]);
        for (let i = 1; i < group.length; i++) {
          text += ` && ${esc}${model.eol}`;
          // Comments between the RUNs become comment lines inside the merged instruction (Docker drops them).
          const prevEnd = group[i - 1].instruction.getRange().end.line;
          const start = group[i].instruction.getRange().start.line;
          for (let line = prevEnd + 1; line < start; line++) {
            const comment = lineText(model, line).trim();
            if (comment.startsWith('#')) text += `    ${comment}${model.eol}`;
          }
          text += `    ${scriptText(model, group[i])}`;
        }
        const last = group[group.length - 1].instruction;
        return {
          edits: [{ range: { start: model.positionAt(group[0].scriptStart), end: last.getRange().end }, newText: text }],
        };
      },
    },
  ],
};
