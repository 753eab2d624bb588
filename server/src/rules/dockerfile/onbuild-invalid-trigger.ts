// DL3043: `ONBUILD ONBUILD …`, `ONBUILD FROM …` and `ONBUILD MAINTAINER …`, which Docker refuses. dockerfile-utils
// reports the same two problems; the syntax rule leaves them to this rule so each is reported once, under DL3043.
import type { Onbuild } from 'dockerfile-ast';
import type { DockerfileRule } from '../../core/rule';
import type { RuleHit } from '../../core/types';

const DISALLOWED = new Set(['ONBUILD', 'FROM', 'MAINTAINER']);

export const onbuildInvalidTrigger: DockerfileRule = {
  id: 'onbuild-invalid-trigger',
  aliases: ['DL3043'],
  severity: 'error',
  category: 'correctness',
  scope: 'instruction',
  docs: {
    summary: '`ONBUILD` triggers `ONBUILD`, `FROM` or `MAINTAINER`.',
    why: 'ONBUILD instructions run at the start of a build that uses this image as its base, as if written right after that FROM. Docker rejects triggers that make no sense there: a FROM (the base is already chosen), another ONBUILD (no chaining) and MAINTAINER. The image fails to build at this line.',
    bad: 'FROM node:20\nONBUILD FROM node:20-slim',
    good: 'FROM node:20\nONBUILD COPY package.json /app/',
  },
  check({ model }) {
    const hits: RuleHit[] = [];
    for (const ins of model.ast.getInstructions()) {
      if (ins.getKeyword() !== 'ONBUILD') continue;
      const onbuild = ins as Onbuild;
      const trigger = onbuild.getTrigger()?.toUpperCase();
      const range = onbuild.getTriggerRange();
      if (!trigger || !range || !DISALLOWED.has(trigger)) continue;
      const message =
        trigger === 'ONBUILD'
          ? 'ONBUILD cannot trigger another ONBUILD (Docker refuses chaining); write the trigger directly'
          : `${trigger} is not allowed as an ONBUILD trigger; Docker refuses to build this image`;
      hits.push({ message, range });
    }
    return hits;
  },
};
