// BuildKit's UndefinedArgInFrom: a FROM (image or --platform) uses a variable that no ARG before the first FROM
// declares and that is not one of BuildKit's platform args. It expands to nothing, usually a typo.
import { modelOf } from '../../core/dockerfile/edits';
import { perModel, type DockerfileModel } from '../../core/dockerfile/model';
import { expandedVariables, PLATFORM_ARGS, suggestName, type VariableRef } from '../../core/dockerfile/variables';
import type { DockerfileRule } from '../../core/rule';

/** Variables of FROM lines that nothing declares, each with BuildKit's suggestion. */
const undeclared = perModel((model: DockerfileModel): Array<{ v: VariableRef; suggestion?: string }> => {
  const declared = [...model.globalArgs.keys(), ...PLATFORM_ARGS];
  const out: Array<{ v: VariableRef; suggestion?: string }> = [];
  for (const stage of model.stages) {
    for (const v of expandedVariables(model, stage.from)) {
      if (!declared.includes(v.name)) out.push({ v, suggestion: suggestName(v.name, declared) });
    }
  }
  return out;
});

export const undefinedArgInFrom: DockerfileRule = {
  id: 'undefined-arg-in-from',
  aliases: ['UndefinedArgInFrom'],
  severity: 'warning',
  category: 'correctness',
  scope: 'instruction',
  docs: {
    summary: 'FROM uses a variable that no ARG before the first FROM declares.',
    why: 'Only ARGs declared before the first FROM (and BuildKit\'s `BUILDPLATFORM`, `TARGETARCH` …) can be used in FROM. Anything else expands to an empty string: `FROM node:22${VARIANT}` silently becomes `node:22`, and a misspelt `$BUILDPLATFROM` drops the platform.',
    bad: 'ARG VARIANT=-alpine3.20\nFROM node:22${VARAINT} AS build',
    good: 'ARG VARIANT=-alpine3.20\nFROM node:22${VARIANT} AS build',
  },
  check({ model }) {
    return undeclared(model).map(({ v, suggestion }) => ({
      message: `FROM uses \`$${v.name}\`, which no ARG before the first FROM declares${suggestion ? ` (did you mean \`$${suggestion}\`?)` : `; add \`ARG ${v.name}=…\` above it`}`,
      range: v.range,
      ...(suggestion ? { data: { suggestion } } : {}),
    }));
  },
  fixes: [
    {
      id: 'use-suggestion',
      title: (f) => `Use $${String(f.data?.suggestion)}`,
      // A guess at what was meant: offered, never applied unattended.
      safe: false,
      apply(input, finding) {
        const suggestion = finding.data?.suggestion;
        if (typeof suggestion !== 'string') return null;
        const hit = undeclared(modelOf(input)).find(({ v }) => v.range.start.line === finding.range.start.line && v.range.start.character === finding.range.start.character);
        return hit?.suggestion === suggestion ? { edits: [{ range: hit.v.nameRange, newText: suggestion }] } : null;
      },
    },
  ],
};
