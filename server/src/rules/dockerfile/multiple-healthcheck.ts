import { overriddenInstructionRule } from '../../core/dockerfile/overridden-instructions';

export const multipleHealthcheck = overriddenInstructionRule({
  id: 'multiple-healthcheck',
  aliases: ['DL3012', 'MultipleInstructionsDisallowed'],
  severity: 'error',
  category: 'correctness',
  keyword: 'HEALTHCHECK',
  docs: {
    summary: 'More than one HEALTHCHECK in a stage.',
    why: 'A container has a single health check: only the last HEALTHCHECK of a stage is used and the earlier ones are silently ignored.',
    bad: 'FROM nginx:1.27\nHEALTHCHECK CMD curl -f http://localhost/ || exit 1\nHEALTHCHECK CMD curl -f http://localhost/health || exit 1',
    good: 'FROM nginx:1.27\nHEALTHCHECK CMD curl -f http://localhost/health || exit 1',
  },
});
