// The registry of Dockerfile rules. Adding a rule: one module beside this file, one line here, one test table.
import type { DockerfileRule } from '../../core/rule';
import { aptMissingYes } from './apt-missing-yes';
import { latestTag } from './latest-tag';
import { mergeRun } from './merge-run';
import { syntax } from './syntax';

export const dockerfileRules: readonly DockerfileRule[] = [
  syntax,
  mergeRun,
  aptMissingYes,
  latestTag,
];
