// BuildKit's UndefinedVar: an instruction BuildKit expands (COPY, ENV, LABEL, WORKDIR …; not RUN, CMD or
// ENTRYPOINT, whose shell does) uses a variable that no ARG or ENV before it in the stage defines.
// The base image's own ENV is not known here, so a name it could set is only reported when it cannot be one:
// the stage starts FROM scratch, the name has lower-case letters (images set upper-case ones), it looks like a
// typo of a name in scope, or it is an ARG of the global scope or a platform arg the stage forgot to declare.
import { modelOf } from '../../core/dockerfile/edits';
import type { DockerfileModel, Stage } from '../../core/dockerfile/model';
import { perModel } from '../../core/dockerfile/model';
import { declaredNames, expandedVariables, isBuildkitOwnArg, type VariableRef, PLATFORM_ARGS, suggestName } from '../../core/dockerfile/variables';
import type { DockerfileRule } from '../../core/rule';

const EXPANDED = new Set(['ADD', 'ARG', 'COPY', 'ENV', 'EXPOSE', 'LABEL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR']);

interface Undefined {
  v: VariableRef;
  stage: Stage;
  suggestion?: string;
  /** Declared before the first FROM, or one of BuildKit's platform args: the stage must declare it again. */
  outOfScope: boolean;
}

function fromScratch(stage: Stage): boolean {
  let root = stage;
  while (root.parent) root = root.parent;
  return root.image?.raw.toLowerCase() === 'scratch';
}

/** Every name a stage defines, with those of the stages it is built FROM (what a stage built on it starts with). */
function allNames(stage: Stage, memo: Map<Stage, Set<string>>): Set<string> {
  let names = memo.get(stage);
  if (!names) {
    names = new Set(stage.parent ? allNames(stage.parent, memo) : []);
    for (const ins of stage.instructions) for (const n of declaredNames(ins)) names.add(n);
    memo.set(stage, names);
  }
  return names;
}

const undefinedVars = perModel((model: DockerfileModel): Undefined[] => {
  const out: Undefined[] = [];
  const memo = new Map<Stage, Set<string>>();
  for (const stage of model.stages) {
    const scratch = fromScratch(stage);
    // The names defined before the instruction at hand: the parent stages', then this stage's so far.
    const scope = new Set(stage.parent ? allNames(stage.parent, memo) : []);
    scope.add('PATH');
    for (const ins of stage.instructions) {
      const vars = EXPANDED.has(ins.getKeyword()) ? expandedVariables(model, ins) : [];
      // `COPY <<EOF`: heredoc bodies are expanded by their own rules.
      const heredoc = vars.length > 0 && ins.getKeyword() !== 'ARG' && /<<-?["']?[A-Za-z_]/.test(ins.getTextContent());
      for (const v of heredoc ? [] : vars) {
        const name = v.name;
        if (scope.has(name) || isBuildkitOwnArg(name)) continue;
        const outOfScope = model.globalArgs.has(name) || PLATFORM_ARGS.includes(name);
        const suggestion = suggestName(name, scope);
        if (scratch || outOfScope || suggestion || /[a-z]/.test(name)) out.push({ v, stage, suggestion, outOfScope });
      }
      for (const n of declaredNames(ins)) scope.add(n);
    }
  }
  return out;
});

function messageOf(u: Undefined): string {
  const name = u.v.name;
  if (u.outOfScope) return `\`$${name}\` is not defined in this stage: an ARG before the first FROM (or a platform arg) is only seen by FROM lines until the stage declares \`ARG ${name}\``;
  return `Usage of undefined variable \`$${name}\`${u.suggestion ? ` (did you mean \`$${u.suggestion}\`?)` : `; define it with ARG or ENV before this line`}`;
}

export const undefinedVar: DockerfileRule = {
  id: 'undefined-var',
  aliases: ['UndefinedVar'],
  severity: 'warning',
  category: 'correctness',
  docs: {
    summary: 'A variable used in COPY, ENV, LABEL, WORKDIR … that nothing defines.',
    why: 'Docker expands an undefined variable to an empty string without complaint: `COPY $src .` copies the whole context, `ENV PATH=$PAHT:/app` loses the PATH. An ARG declared before the first FROM is only visible to FROM lines, so a stage must declare it again with `ARG NAME`. Names the base image may set in its ENV are only reported when they look like typos.',
    bad: 'ARG VERSION=1.2.3\nFROM alpine:3.20\nLABEL org.opencontainers.image.version=$VERSION',
    good: 'ARG VERSION=1.2.3\nFROM alpine:3.20\nARG VERSION\nLABEL org.opencontainers.image.version=$VERSION',
  },
  check({ model }) {
    return undefinedVars(model).map((u) => ({
      message: messageOf(u),
      range: u.v.range,
      data: { line: u.stage.from.getRange().start.line, name: u.v.name, ...(u.suggestion ? { suggestion: u.suggestion } : {}) },
    }));
  },
  fixes: [
    {
      id: 'use-suggestion',
      title: (f) => `Use $${String(f.data?.suggestion)}`,
      safe: false,
      apply(input, finding) {
        const hit = undefinedVars(modelOf(input)).find(({ v }) => v.range.start.line === finding.range.start.line && v.range.start.character === finding.range.start.character);
        return hit?.suggestion && hit.suggestion === finding.data?.suggestion ? { edits: [{ range: hit.v.nameRange, newText: hit.suggestion }] } : null;
      },
    },
    {
      id: 'declare-arg',
      title: (f) => `Declare ARG ${String(f.data?.name)} in this stage`,
      // Brings the global default into the stage: what was almost certainly meant, but it changes the image.
      safe: false,
      apply(input, finding) {
        const model = modelOf(input);
        const hit = undefinedVars(model).find(({ v }) => v.range.start.line === finding.range.start.line && v.range.start.character === finding.range.start.character);
        if (!hit?.outOfScope || hit.v.name !== finding.data?.name) return null;
        const at = hit.stage.from.getRange().end;
        return { edits: [{ range: { start: at, end: at }, newText: `${model.eol}ARG ${hit.v.name}` }] };
      },
    },
  ],
};
