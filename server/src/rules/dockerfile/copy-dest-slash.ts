import type { Copy, Instruction } from 'dockerfile-ast';
import { perModel, type DockerfileModel } from '../../core/dockerfile/model';
import { modelOf } from '../../core/dockerfile/edits';
import type { DockerfileRule } from '../../core/rule';
import type { Position, Range } from '../../core/types';
import { instructionsOf } from '../../core/dockerfile/instructions';

interface BadDest {
  ins: Instruction;
  dest: string;
  range: Range;
  /** Where the `/` goes: before a closing quote, or at the end. */
  insertAt: Position;
}

/** COPY/ADD with several sources whose destination does not end with `/`. */
function badDestinations(model: DockerfileModel): BadDest[] {
  const out: BadDest[] = [];
  for (const ins of [...instructionsOf(model, 'COPY'), ...instructionsOf(model, 'ADD')]) {
    const copy = ins as Copy;
    if (copy.getHeredocs().length) continue;
    const json = copy.getOpeningBracket() && copy.getClosingBracket() ? copy.getJSONStrings() : [];
    let dest: string;
    let range: Range;
    let quoted: boolean;
    if (json.length) {
      if (json.length < 3) continue;
      const last = json[json.length - 1];
      [dest, range, quoted] = [last.getJSONValue(), last.getRange(), true];
    } else {
      const args = copy.getArguments();
      if (args.length < 3) continue;
      // Docker splits shell-form COPY at every blank, quotes or not (paths with spaces need JSON form), as dockerfile-ast does.
      const last = args[args.length - 1];
      const raw = last.getValue();
      quoted = raw.length >= 2 && (raw[0] === '"' || raw[0] === "'") && raw[raw.length - 1] === raw[0];
      // A quote cut in half by a space: the instruction is broken in other ways.
      if (!quoted && /["']/.test(raw)) continue;
      [dest, range] = [quoted ? raw.slice(1, -1) : raw, last.getRange()];
    }
    if (dest.endsWith('/') || dest.endsWith('\\')) continue;
    const end = model.offsetAt(range.end);
    out.push({ ins, dest, range, insertAt: model.positionAt(quoted ? end - 1 : end) });
  }
  return out.sort((a, b) => a.range.start.line - b.range.start.line);
}

// "Fix all" applies the fix once per finding of one model: the file is walked once for all of them.
const badDestinationsIn = perModel(badDestinations);

export const copyDestSlash: DockerfileRule = {
  id: 'copy-dest-slash',
  aliases: ['DL3021'],
  severity: 'error',
  category: 'correctness',
  scope: 'instruction',
  docs: {
    summary: 'COPY/ADD with several sources into a destination without a trailing `/`.',
    why: 'With more than one source, the destination must be a directory, and Docker only accepts that when it ends with `/`: otherwise the build fails with "When using COPY with more than one source file, the destination must be a directory and end with a /".',
    bad: 'FROM node:20-slim\nCOPY package.json package-lock.json /app',
    good: 'FROM node:20-slim\nCOPY package.json package-lock.json /app/',
  },
  check({ model }) {
    return badDestinations(model).map((b) => ({
      message: `${b.ins.getKeyword()} with several sources needs a directory destination ending in \`/\`; use \`${b.dest}/\``,
      range: b.range,
      data: { line: b.ins.getRange().start.line },
    }));
  },
  fixes: [
    {
      id: 'add-slash',
      title: () => 'Add a trailing / to the destination',
      safe: true,
      preferred: true,
      apply(input, finding) {
        const model = modelOf(input);
        const hit = badDestinationsIn(model).find((b) => b.ins.getRange().start.line === finding.data?.line);
        return hit ? { edits: [{ range: { start: hit.insertAt, end: hit.insertAt }, newText: '/' }] } : null;
      },
    },
  ],
};
