// The labels of a Dockerfile and the value formats of hadolint's `label-schema:` (DL3049–DL3058): which labels each
// stage sets, and whether a value is a URL, an RFC 3339 time, a semantic version, a git hash, an SPDX expression or
// an email address.
import type { Label } from 'dockerfile-ast';
import parseSpdx from 'spdx-expression-parse';
import type { LabelType } from '../config';
import type { Range } from '../types';
import { unquoted } from './instructions';
import type { DockerfileModel, Stage } from './model';

export interface LabelUse {
  stage: Stage;
  /** The key as Docker reads it (quotes removed). */
  name: string;
  nameRange: Range;
  /** The value as Docker reads it (quotes removed); '' for `LABEL a=` or `LABEL a=""`. */
  value: string;
  /** The value's range; the whole `key=` when the value is empty. */
  valueRange: Range;
}

/** Every key=value of every LABEL, in document order, with its stage. */
export function labelUses(model: DockerfileModel): LabelUse[] {
  const uses: LabelUse[] = [];
  for (const stage of model.stages) {
    for (const ins of stage.instructions) {
      if (ins.getKeyword() !== 'LABEL') continue;
      for (const p of (ins as Label).getProperties()) {
        const raw = p.getValue();
        // `LABEL a=` has an empty value range right after `=`: the whole `a=` is shown instead.
        uses.push({ stage, name: unquoted(p.getName()), nameRange: p.getNameRange(), value: unquoted(raw ?? ''), valueRange: raw ? (p.getValueRange() ?? p.getRange()) : p.getRange() });
      }
    }
  }
  return uses;
}

// RFC 3339 date-time (section 5.6), e.g. 2024-05-01T12:00:00Z or 2024-05-01T12:00:00.5+02:00.
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-](\d{2}):(\d{2}))$/;
// semver.org's regular expression for a version (no leading "v").
const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;
// A full (40 hex digits, SHA-1; 64 for SHA-256 repositories) or abbreviated (7 or more) git object name.
const GIT_HASH = /^[0-9a-f]{7,40}$|^[0-9a-f]{64}$/i;
// An addr-spec of RFC 5322 in the form people write: local part, @, a domain with a dot.
const EMAIL = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;

function isRfc3339(v: string): boolean {
  const m = RFC3339.exec(v);
  if (!m) return false;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number);
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const offsetOk = !m[9] || (Number(m[9]) <= 23 && Number(m[10]) <= 59);
  return month >= 1 && month <= 12 && day >= 1 && day <= days && hour <= 23 && minute <= 59 && second <= 60 && offsetOk;
}

function isUrl(v: string): boolean {
  // An absolute URI (RFC 3986): a scheme, a colon, and something after it that the WHATWG parser accepts.
  if (!/^[A-Za-z][A-Za-z0-9+.-]*:\S+$/.test(v)) return false;
  try {
    new URL(v);
    return true;
  } catch {
    return false;
  }
}

function isSpdx(v: string): boolean {
  try {
    parseSpdx(v);
    return true;
  } catch {
    return false;
  }
}

/** Whether `value` has the format `type`; `text` takes anything. */
export function matchesLabelType(type: LabelType, value: string): boolean {
  switch (type) {
    case 'text':
      return true;
    case 'url':
      return isUrl(value);
    case 'rfc3339':
      return isRfc3339(value);
    case 'semver':
      return SEMVER.test(value);
    case 'hash':
      return GIT_HASH.test(value);
    case 'spdx':
      return isSpdx(value);
    case 'email':
      return EMAIL.test(value);
  }
}

/** How to write a value of `type`, for messages. */
export const LABEL_TYPE_EXAMPLE: Record<LabelType, string> = {
  text: 'any text',
  url: 'an absolute URL such as https://example.com/docs',
  rfc3339: 'an RFC 3339 time such as 2024-05-01T12:00:00Z',
  semver: 'a semantic version such as 1.4.2',
  hash: 'a git commit hash (7 to 40 hex digits)',
  spdx: 'an SPDX license expression such as MIT or Apache-2.0 OR MIT',
  email: 'an email address such as team@example.com',
};

/** The labels of the schema whose value is not of their declared format (empty values are left to label-empty). */
export function labelsNotOfType(model: DockerfileModel, schema: Record<string, LabelType> | undefined, type: LabelType): LabelUse[] {
  if (!schema) return [];
  return labelUses(model).filter((u) => schema[u.name] === type && u.value !== '' && !matchesLabelType(type, u.value));
}
