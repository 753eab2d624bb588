// The registry of Dockerfile rules. Adding a rule: one module beside this file, one line here, one test table.
import type { DockerfileRule } from '../../core/rule';
import { addInsteadOfCopy } from './add-instead-of-copy';
import { aptMissingYes } from './apt-missing-yes';
import { latestTag } from './latest-tag';
import { mergeRun } from './merge-run';
import { missingPipefail } from './missing-pipefail';
import { pipeToShell } from './pipe-to-shell';
import { rootUser } from './root-user';
import { secretInEnv } from './secret-in-env';
import { sudo } from './sudo';
import { syntax } from './syntax';
import { untaggedImage } from './untagged-image';

export const dockerfileRules: readonly DockerfileRule[] = [
  syntax,
  // Image size and build cache
  mergeRun,
  // Security
  rootUser,
  secretInEnv,
  addInsteadOfCopy,
  pipeToShell,
  missingPipefail,
  sudo,
  // Correctness
  aptMissingYes,
  latestTag,
  untaggedImage,
];
