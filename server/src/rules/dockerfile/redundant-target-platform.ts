// BuildKit's RedundantTargetPlatform (hadolint DL3065): `FROM --platform=$TARGETPLATFORM`, which is what FROM does
// without the flag. The fix removes the flag.
import type { Flag } from 'dockerfile-ast';
import { modelOf } from '../../core/dockerfile/edits';
import { perModel, type DockerfileModel } from '../../core/dockerfile/model';
import type { DockerfileRule } from '../../core/rule';

// `$TARGETPLATFORM`, `${TARGETPLATFORM}` and `${TARGETPLATFORM:-…}` (the variable is always set, so the default is unused).
const REDUNDANT = /^(?:\$TARGETPLATFORM|\$\{TARGETPLATFORM(?::?-[^}]*)?\})$/;

/** FROM platform flags that name the target platform, by the FROM's line. */
const redundantFlags = perModel((model: DockerfileModel): Array<{ line: number; flag: Flag }> => {
  const out: Array<{ line: number; flag: Flag }> = [];
  for (const stage of model.stages) {
    const flag = stage.from.getPlatformFlag();
    const value = flag?.getValue();
    // A global ARG that redefines TARGETPLATFORM would make the flag mean something else.
    if (flag && value && REDUNDANT.test(value) && !model.globalArgs.has('TARGETPLATFORM')) out.push({ line: stage.from.getRange().start.line, flag });
  }
  return out;
});

export const redundantTargetPlatform: DockerfileRule = {
  id: 'redundant-target-platform',
  aliases: ['RedundantTargetPlatform', 'DL3065'],
  severity: 'warning',
  category: 'correctness',
  scope: 'instruction',
  docs: {
    summary: '`FROM --platform=$TARGETPLATFORM`, which is the default.',
    why: 'A stage is built for the target platform unless told otherwise, so the flag changes nothing; it usually stands where `$BUILDPLATFORM` was meant (a build stage that should run natively and cross-compile).',
    bad: 'FROM --platform=$TARGETPLATFORM alpine:3.20\nRUN echo hi',
    good: 'FROM alpine:3.20\nRUN echo hi',
  },
  check({ model }) {
    return redundantFlags(model).map(({ line, flag }) => ({
      message: `\`--platform=${flag.getValue()}\` is redundant: FROM uses the target platform by default (did you mean \`$BUILDPLATFORM\`?)`,
      range: flag.getRange(),
      data: { line },
    }));
  },
  fixes: [
    {
      id: 'remove-flag',
      title: () => 'Remove --platform',
      safe: true,
      preferred: true,
      apply(input, finding) {
        const model = modelOf(input);
        const hit = redundantFlags(model).find((h) => h.line === finding.data?.line);
        if (!hit) return null;
        // The flag (its range starts at the dashes) and the whitespace after it.
        const start = model.offsetAt(hit.flag.getRange().start);
        let end = model.offsetAt(hit.flag.getRange().end);
        while (end < model.text.length && (model.text[end] === ' ' || model.text[end] === '\t')) end++;
        return { edits: [{ range: model.rangeOf(start, end), newText: '' }] };
      },
    },
  ],
};
