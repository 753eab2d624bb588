import { overriddenInstructionRule } from '../../core/dockerfile/overridden-instructions';

export const multipleCmd = overriddenInstructionRule({
  id: 'multiple-cmd',
  aliases: ['DL4003', 'MultipleInstructionsDisallowed'],
  severity: 'warning',
  category: 'correctness',
  keyword: 'CMD',
  docs: {
    summary: 'More than one CMD in a stage.',
    why: 'Only the last CMD of a stage is kept in the image; the earlier ones are silently dropped, which usually means the image does not start what the author expected.',
    bad: 'FROM node:20-slim\nCMD ["node", "migrate.js"]\nCMD ["node", "server.js"]',
    good: 'FROM node:20-slim\nCMD ["node", "server.js"]',
  },
});
