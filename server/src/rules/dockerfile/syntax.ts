import { ValidationCode, ValidationSeverity, type ValidatorSettings } from 'dockerfile-utils';
import { incrementalValidator } from '../../core/dockerfile/validation';
import type { DockerfileRule } from '../../core/rule';
import type { Severity } from '../../core/types';

// Checks our own rules cover are turned off in the library so nothing is reported twice.
const SETTINGS: ValidatorSettings = {
  deprecatedMaintainer: ValidationSeverity.IGNORE,
  instructionCmdMultiple: ValidationSeverity.IGNORE,
  instructionEntrypointMultiple: ValidationSeverity.IGNORE,
  instructionHealthcheckMultiple: ValidationSeverity.IGNORE,
  instructionWorkdirRelative: ValidationSeverity.IGNORE,
  // inconsistent-instruction-casing (BuildKit's rule: an all-lower-case file is fine) and empty-continuation-line.
  instructionCasing: ValidationSeverity.IGNORE,
  emptyContinuationLine: ValidationSeverity.IGNORE,
};

// Codes reported by our own rules (duplicate-stage-name, expose-invalid-port, copy-dest-slash, onbuild-invalid-trigger) instead.
const COVERED = new Set<number>([
  ValidationCode.DUPLICATE_BUILD_STAGE_NAME,
  ValidationCode.INVALID_PORT,
  ValidationCode.INVALID_DESTINATION,
  // onbuild-invalid-trigger (DL3043)
  ValidationCode.ONBUILD_CHAINING_DISALLOWED,
  ValidationCode.ONBUILD_TRIGGER_DISALLOWED,
]);

/** validate(text, SETTINGS), reusing the problems of instructions unchanged since the previous validation. */
const validate = incrementalValidator(SETTINGS);

const SEVERITY: Record<number, Severity> = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' };

export const syntax: DockerfileRule = {
  id: 'syntax',
  // hadolint's DL3061 (an instruction other than ARG before the first FROM) is dockerfile-utils' "No source image".
  aliases: ['DL3061'],
  severity: 'error',
  severityNote: 'warning, info or hint when dockerfile-utils reports the problem at that level',
  category: 'syntax',
  docs: {
    summary: 'Dockerfile syntax and semantic errors (from dockerfile-utils).',
    why: 'Docker refuses to build a Dockerfile with these errors, or builds something other than intended. The check is the one the Docker extension uses (dockerfile-utils `validate()`); the library\'s code is in the diagnostic\'s data.',
    bad: 'FROM node:20\nEXPOSE port',
    good: 'FROM node:20\nEXPOSE 8080',
  },
  check({ model }) {
    return validate(model.doc, model.ast).filter((d) => !COVERED.has(Number(d.code))).map((d) => ({
      message: d.message,
      range: d.range,
      severity: SEVERITY[d.severity ?? 1] ?? 'error',
      data: { code: d.code },
    }));
  },
};
