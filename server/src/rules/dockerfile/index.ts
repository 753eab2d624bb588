// The registry of Dockerfile rules. Adding a rule: one module beside this file, one line here, one test table.
import type { DockerfileRule } from '../../core/rule';
import { addInsteadOfCopy } from './add-instead-of-copy';
import { aptMissingYes } from './apt-missing-yes';
import { cdInRun } from './cd-in-run';
import { copyDestSlash } from './copy-dest-slash';
import { copyFromSelf } from './copy-from-self';
import { copyFromUnknownStage } from './copy-from-unknown-stage';
import { duplicateStageName } from './duplicate-stage-name';
import { exposeInvalidPort } from './expose-invalid-port';
import { jsonArgs } from './json-args';
import { latestTag } from './latest-tag';
import { maintainerDeprecated } from './maintainer-deprecated';
import { mergeRun } from './merge-run';
import { missingPipefail } from './missing-pipefail';
import { multipleCmd } from './multiple-cmd';
import { multipleEntrypoint } from './multiple-entrypoint';
import { multipleHealthcheck } from './multiple-healthcheck';
import { pipeToShell } from './pipe-to-shell';
import { rootUser } from './root-user';
import { secretInEnv } from './secret-in-env';
import { sudo } from './sudo';
import { syntax } from './syntax';
import { untaggedImage } from './untagged-image';
import { workdirRelative } from './workdir-relative';

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
  jsonArgs,
  workdirRelative,
  cdInRun,
  multipleCmd,
  multipleEntrypoint,
  multipleHealthcheck,
  maintainerDeprecated,
  copyFromUnknownStage,
  copyFromSelf,
  duplicateStageName,
  exposeInvalidPort,
  copyDestSlash,
];
