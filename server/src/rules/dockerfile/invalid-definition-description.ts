// BuildKit's InvalidDefinitionDescription (experimental in BuildKit, so off unless `# check=experimental=…` or the
// configuration turns it on): the comment right above a named FROM or an ARG is read as its description by
// `docker build --call=outline`, and should then start with the stage or ARG name.
import type { Instruction, PropertyInstruction } from 'dockerfile-ast';
import { modelOf } from '../../core/dockerfile/edits';
import type { DockerfileModel } from '../../core/dockerfile/model';
import { perModel } from '../../core/dockerfile/model';
import type { DockerfileRule } from '../../core/rule';
import { splitLines } from '../../core/text';

interface BadDescription {
  ins: Instruction;
  /** The comment line right above the instruction. */
  line: number;
  /** The name the comment should start with (`<arg_key>` for an ARG with several). */
  expected: string;
}

const DIRECTIVE = /^#\s*[A-Za-z][A-Za-z0-9_]*\s*=/;

const badDescriptions = perModel((model: DockerfileModel): BadDescription[] => {
  const lines = splitLines(model.text);
  // Parser directives at the top are not comments.
  let firstComment = 0;
  while (firstComment < lines.length && DIRECTIVE.test(lines[firstComment].trim())) firstComment++;
  const out: BadDescription[] = [];
  for (const ins of model.ast.getInstructions()) {
    const keyword = ins.getKeyword();
    const names = keyword === 'FROM' ? [model.stageOf(ins)?.from.getBuildStage()].filter((n): n is string => !!n) : keyword === 'ARG' ? (ins as PropertyInstruction).getProperties().map((p) => p.getName()) : [];
    const line = ins.getRange().start.line - 1;
    if (!names.length || line < firstComment || !lines[line].trim().startsWith('#')) continue;
    const first = lines[line].trim().replace(/^#\s*/, '').split(' ')[0];
    if (!names.includes(first)) out.push({ ins, line, expected: names.length > 1 ? '<arg_key>' : names[0] });
  }
  return out;
});

export const invalidDefinitionDescription: DockerfileRule = {
  id: 'invalid-definition-description',
  aliases: ['InvalidDefinitionDescription'],
  severity: 'warning',
  category: 'correctness',
  offByDefault: true,
  docs: {
    summary: 'A comment right above a named FROM or an ARG that does not start with its name (BuildKit experimental check; off by default, on with `# check=experimental=InvalidDefinitionDescription`).',
    why: '`docker build --call=outline` and `--call=targets` show the comment directly above a stage or ARG as its description, when it starts with the name (`# VERSION is the release to build`). Any other comment there becomes a misleading description; start it with the name, or put an empty line between it and the instruction.',
    bad: '# check=experimental=InvalidDefinitionDescription\n# install the toolchain\nFROM golang:1.22 AS build',
    good: '# check=experimental=InvalidDefinitionDescription\n# build compiles the server\nFROM golang:1.22 AS build\n\n# a note that is not a description\n\nARG VERSION=1',
  },
  check({ model }) {
    return badDescriptions(model).map(({ ins, line, expected }) => ({
      message: `The comment above this ${ins.getKeyword()} is read as its description: start it with the name (\`# ${expected} <description>\`) or add an empty line between them`,
      range: { start: { line, character: 0 }, end: { line, character: splitLines(model.text)[line].length } },
    }));
  },
  fixes: [
    {
      id: 'separate',
      title: () => 'Add an empty line after the comment',
      // The comment may have been meant as a description that only needs rewording.
      safe: false,
      apply(input, finding) {
        const model = modelOf(input);
        if (!badDescriptions(model).some((b) => b.line === finding.range.start.line)) return null;
        const at = { line: finding.range.start.line + 1, character: 0 };
        return { edits: [{ range: { start: at, end: at }, newText: model.eol }] };
      },
    },
  ],
};
