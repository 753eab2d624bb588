// BuildKit's NoEmptyContinuation: an empty line inside an instruction continued with `\`. Docker drops it today
// (so the fix, deleting it, builds the same image), but it has announced that such lines will become errors.
import type { Instruction } from 'dockerfile-ast';
import { modelOf } from '../../core/dockerfile/edits';
import type { DockerfileModel } from '../../core/dockerfile/model';
import { perModel } from '../../core/dockerfile/model';
import type { DockerfileRule } from '../../core/rule';
import type { TextEdit } from '../../core/types';

/** Per instruction, its empty lines that more of the instruction follows (heredoc bodies keep theirs). */
const emptyLines = perModel((model: DockerfileModel): Array<{ ins: Instruction; lines: number[] }> => {
  const out: Array<{ ins: Instruction; lines: number[] }> = [];
  for (const ins of model.ast.getInstructions()) {
    const { start, end } = ins.getRange();
    if (start.line === end.line) continue;
    const text = model.text.slice(model.offsetAt(start), model.offsetAt(end));
    if (text.includes('<<') && /^<<|\s<<-?["']?[A-Za-z_]/m.test(text)) continue;
    const lines = text.split(/\r\n|\r|\n/);
    const empty: number[] = [];
    let pending: number[] = [];
    for (let i = 1; i < lines.length; i++) {
      const line = lines[i].trim();
      if (!line) pending.push(start.line + i);
      else if (!line.startsWith('#')) {
        empty.push(...pending);
        pending = [];
      }
    }
    if (empty.length) out.push({ ins, lines: empty });
  }
  return out;
});

export const emptyContinuationLine: DockerfileRule = {
  id: 'empty-continuation-line',
  aliases: ['NoEmptyContinuation'],
  severity: 'warning',
  category: 'correctness',
  docs: {
    summary: 'An empty line inside an instruction continued with `\\`.',
    why: 'Docker skips an empty line in the middle of a continued instruction, which hides mistakes: the line after it may have been meant as a new instruction, or the `\\` before it as the last one. BuildKit warns that these lines will become errors in a future release.',
    bad: 'FROM debian:12\nRUN apt-get update \\\n\n    && apt-get install -y --no-install-recommends curl',
    good: 'FROM debian:12\nRUN apt-get update \\\n    && apt-get install -y --no-install-recommends curl',
  },
  check({ model }) {
    // The range spans the empty lines (their whitespace, not the final line break).
    const lineLength = (line: number) => model.doc.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/\r?\n$|\r$/, '').length;
    return emptyLines(model).map(({ ins, lines }) => {
      const last = lines[lines.length - 1];
      const n = lines.length;
      return {
        message: `${n === 1 ? 'An empty line continues' : `${n} empty lines continue`} the ${ins.getKeyword()} instruction on line ${ins.getRange().start.line + 1}; remove ${n === 1 ? 'it' : 'them'} (BuildKit will reject empty continuation lines)`,
        range: { start: { line: lines[0], character: 0 }, end: { line: last, character: lineLength(last) } },
        data: { line: ins.getRange().start.line },
      };
    });
  },
  fixes: [
    {
      id: 'remove',
      title: () => 'Remove the empty continuation lines',
      safe: true,
      preferred: true,
      apply(input, finding) {
        const hit = emptyLines(modelOf(input)).find(({ ins }) => ins.getRange().start.line === finding.data?.line);
        if (!hit) return null;
        const edits: TextEdit[] = hit.lines.map((line) => ({ range: { start: { line, character: 0 }, end: { line: line + 1, character: 0 } }, newText: '' }));
        return { edits };
      },
    },
  ],
};
