import { overriddenInstructionRule } from '../../core/dockerfile/overridden-instructions';

export const multipleEntrypoint = overriddenInstructionRule({
  id: 'multiple-entrypoint',
  aliases: ['DL4004', 'MultipleInstructionsDisallowed'],
  severity: 'error',
  category: 'correctness',
  keyword: 'ENTRYPOINT',
  docs: {
    summary: 'More than one ENTRYPOINT in a stage.',
    why: 'Only the last ENTRYPOINT of a stage takes effect; the earlier ones are dropped without a warning, so the container does not run what the first ENTRYPOINT suggests.',
    bad: 'FROM python:3.12-slim\nENTRYPOINT ["/entrypoint.sh"]\nENTRYPOINT ["python", "app.py"]',
    good: 'FROM python:3.12-slim\nENTRYPOINT ["/entrypoint.sh"]\nCMD ["python", "app.py"]',
  },
});
