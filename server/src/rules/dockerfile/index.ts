// The registry of Dockerfile rules. Adding a rule: one module beside this file, one line here, one test table.
import type { DockerfileRule } from '../../core/rule';
// BuildKit's checks (`docker build --check`)
import { copyIgnoredFile } from './copy-ignored-file';
import { emptyContinuationLine } from './empty-continuation-line';
import { exposeHostMapping } from './expose-host-mapping';
import { exposeProtoCasing } from './expose-proto-casing';
import { fromAsCasing } from './from-as-casing';
import { fromPlatformConstant } from './from-platform-constant';
import { inconsistentInstructionCasing } from './inconsistent-instruction-casing';
import { invalidDefaultArgInFrom } from './invalid-default-arg-in-from';
import { invalidDefinitionDescription } from './invalid-definition-description';
import { legacyKeyValueFormat } from './legacy-key-value-format';
import { redundantTargetPlatform } from './redundant-target-platform';
import { reservedStageName } from './reserved-stage-name';
import { stageNameCasing } from './stage-name-casing';
import { undefinedArgInFrom } from './undefined-arg-in-from';
import { undefinedVar } from './undefined-var';
import { addInsteadOfCopy } from './add-instead-of-copy';
import { apkNoCache } from './apk-no-cache';
import { aptListsNotCleaned } from './apt-lists-not-cleaned';
import { aptMissingYes } from './apt-missing-yes';
import { aptNoInstallRecommends } from './apt-no-install-recommends';
import { aptNotAptGet } from './apt-not-apt-get';
import { buildToolsInFinalStage } from './build-tools-in-final-stage';
import { cacheBustingCopy } from './cache-busting-copy';
import { cdInRun } from './cd-in-run';
import { cleanupInLaterLayer } from './cleanup-in-later-layer';
import { copyDestSlash } from './copy-dest-slash';
import { copyFromSelf } from './copy-from-self';
import { copyFromUnknownStage } from './copy-from-unknown-stage';
import { dnfMissingYes } from './dnf-missing-yes';
import { dockerignoreGap } from './dockerignore-gap';
import { duplicateStageName } from './duplicate-stage-name';
import { exposeInvalidPort } from './expose-invalid-port';
import { fullBaseImage } from './full-base-image';
import { jsonArgs } from './json-args';
import { inlineIgnorePragma } from './inline-ignore-pragma';
import { labelEmpty } from './label-empty';
import { labelFormatEmail } from './label-format-email';
import { labelFormatGitHash } from './label-format-hash';
import { labelFormatRfc3339 } from './label-format-rfc3339';
import { labelFormatSemver } from './label-format-semver';
import { labelFormatSpdx } from './label-format-spdx';
import { labelFormatUrl } from './label-format-url';
import { labelMissing } from './label-missing';
import { labelNotInSchema } from './label-not-in-schema';
import { untrustedRegistry } from './untrusted-registry';
import { latestTag } from './latest-tag';
import { maintainerDeprecated } from './maintainer-deprecated';
import { mergeRun } from './merge-run';
import { missingDockerignore } from './missing-dockerignore';
import { missingPipefail } from './missing-pipefail';
import { multipleCmd } from './multiple-cmd';
import { multipleEntrypoint } from './multiple-entrypoint';
import { multipleHealthcheck } from './multiple-healthcheck';
import { pipNoCacheDir } from './pip-no-cache-dir';
import { pipeToShell } from './pipe-to-shell';
import { pkgCacheNotCleaned } from './pkg-cache-not-cleaned';
import { rootUser } from './root-user';
import { secretInEnv } from './secret-in-env';
import { shellcheck } from './shellcheck';
import { sudo } from './sudo';
import { syntax } from './syntax';
import { untaggedImage } from './untagged-image';
import { wgetAndCurl } from './wget-and-curl';
import { wgetWithoutProgress } from './wget-without-progress';
import { workdirRelative } from './workdir-relative';
import { yumMissingYes } from './yum-missing-yes';
import { zypperDistUpgrade } from './zypper-dist-upgrade';
import { zypperMissingNonInteractive } from './zypper-missing-non-interactive';
// Instructions (hadolint DL3001, DL3010, DL3043-DL3048, DL3057, DL3066, DL3067, DL4005)
import { pointlessBuildCommand } from './pointless-build-command';
import { copyRelativeNoWorkdir } from './copy-relative-no-workdir';
import { copyWholeFilesystem } from './copy-whole-filesystem';
import { useraddHighUid } from './useradd-high-uid';
import { invalidLabelKey } from './invalid-label-key';
import { envSelfReference } from './env-self-reference';
import { binShRelinked } from './bin-sh-relinked';
import { copyArchiveThenExtract } from './copy-archive-then-extract';
import { missingHealthcheck } from './missing-healthcheck';
import { userNotNumeric } from './user-not-numeric';
import { onbuildInvalidTrigger } from './onbuild-invalid-trigger';

// Pinned package versions (hadolint DL3008, DL3013, DL3016, DL3018, DL3028, DL3033, DL3037, DL3041, DL3062)
import { apkUnpinned } from './apk-unpinned';
import { aptUnpinned } from './apt-unpinned';
import { dnfUnpinned } from './dnf-unpinned';
import { gemUnpinned } from './gem-unpinned';
import { goUnpinned } from './go-unpinned';
import { npmUnpinned } from './npm-unpinned';
import { pipUnpinned } from './pip-unpinned';
import { yumUnpinned } from './yum-unpinned';
import { zypperUnpinned } from './zypper-unpinned';
export const dockerfileRules: readonly DockerfileRule[] = [
  syntax,
  // Image size and build cache
  mergeRun,
  aptListsNotCleaned,
  aptNoInstallRecommends,
  pipNoCacheDir,
  apkNoCache,
  pkgCacheNotCleaned,
  cleanupInLaterLayer,
  fullBaseImage,
  cacheBustingCopy,
  buildToolsInFinalStage,
  missingDockerignore,
  dockerignoreGap,
  wgetAndCurl,
  // BuildKit's checks (`docker build --check`)
  stageNameCasing,
  fromAsCasing,
  reservedStageName,
  inconsistentInstructionCasing,
  emptyContinuationLine,
  exposeProtoCasing,
  exposeHostMapping,
  legacyKeyValueFormat,
  redundantTargetPlatform,
  fromPlatformConstant,
  undefinedArgInFrom,
  invalidDefaultArgInFrom,
  undefinedVar,
  copyIgnoredFile,
  invalidDefinitionDescription,
  // Security
  rootUser,
  secretInEnv,
  addInsteadOfCopy,
  pipeToShell,
  missingPipefail,
  sudo,
  // Correctness
  aptMissingYes,
  yumMissingYes,
  dnfMissingYes,
  zypperMissingNonInteractive,
  zypperDistUpgrade,
  wgetWithoutProgress,
  aptNotAptGet,
  latestTag,
  untaggedImage,
  jsonArgs,
  workdirRelative,
  cdInRun,
  shellcheck,
  multipleCmd,
  multipleEntrypoint,
  multipleHealthcheck,
  maintainerDeprecated,
  copyFromUnknownStage,
  copyFromSelf,
  duplicateStageName,
  exposeInvalidPort,
  copyDestSlash,
  // Project policy (hadolint's configuration keys: trustedRegistries, label-schema, strict-labels, disable-ignore-pragma)
  untrustedRegistry,
  labelMissing,
  labelNotInSchema,
  labelEmpty,
  labelFormatUrl,
  labelFormatRfc3339,
  labelFormatSpdx,
  labelFormatGitHash,
  labelFormatSemver,
  labelFormatEmail,
  inlineIgnorePragma,
  // Instructions (hadolint DL3001, DL3010, DL3043-DL3048, DL3057, DL3066, DL3067, DL4005)
  pointlessBuildCommand,
  copyRelativeNoWorkdir,
  copyWholeFilesystem,
  useraddHighUid,
  invalidLabelKey,
  envSelfReference,
  binShRelinked,
  copyArchiveThenExtract,
  missingHealthcheck,
  userNotNumeric,
  onbuildInvalidTrigger,
  // Reproducibility: package versions
  aptUnpinned,
  apkUnpinned,
  pipUnpinned,
  npmUnpinned,
  gemUnpinned,
  yumUnpinned,
  dnfUnpinned,
  zypperUnpinned,
  goUnpinned,
];
