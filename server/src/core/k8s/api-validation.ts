// The API server's syntax rules for names, label and annotation keys and values, as apimachinery's
// util/validation implements them, each returning the API server's own error texts (empty when valid) so a finding
// reads like the `kubectl apply` error a user would search for.

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

const maxLen = (n: number) => `must be no more than ${n} characters`;

export function dns1123Label(value: string): string[] {
  const errors: string[] = [];
  if (value.length > 63) errors.push(maxLen(63));
  if (!DNS1123_LABEL.test(value)) errors.push("a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name', or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')");
  return errors;
}

export function dns1123Subdomain(value: string): string[] {
  const errors: string[] = [];
  if (value.length > 253) errors.push(maxLen(253));
  if (!DNS1123_SUBDOMAIN.test(value)) errors.push("a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')");
  return errors;
}

export function dns1035Label(value: string): string[] {
  const errors: string[] = [];
  if (value.length > 63) errors.push(maxLen(63));
  if (!DNS1035_LABEL.test(value)) errors.push("a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name', or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')");
  return errors;
}

/** A port name (IANA_SVC_NAME): what container port names must be. */
export function ianaSvcName(value: string): string[] {
  const errors: string[] = [];
  if (value.length > 15) errors.push(maxLen(15));
  if (!/^[-a-z0-9]*$/.test(value)) errors.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
  if (value.includes('--')) errors.push('must not contain consecutive hyphens');
  if (/[a-z]/.test(value) === false) errors.push('must contain at least one letter (a-z)');
  if (value.startsWith('-') || value.endsWith('-')) errors.push('must not begin or end with a hyphen');
  return errors;
}

/** A label or annotation key: an optional DNS subdomain prefix and `/`, then a name of at most 63 characters. */
export function qualifiedName(value: string): string[] {
  const parts = value.split('/');
  let name = value;
  const errors: string[] = [];
  if (parts.length === 2) {
    const [prefix] = parts;
    name = parts[1];
    if (prefix.length === 0) errors.push('prefix part must be non-empty');
    else errors.push(...dns1123Subdomain(prefix).map((e) => `prefix part ${e}`));
  } else if (parts.length > 2) {
    return ["a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName', or 'my.name', or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')"];
  }
  if (name.length === 0) errors.push('name part must be non-empty');
  else {
    if (name.length > 63) errors.push(`name part ${maxLen(63)}`);
    if (!QUALIFIED_NAME.test(name)) errors.push("name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName', or 'my.name', or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')");
  }
  return errors;
}

export function labelValue(value: string): string[] {
  const errors: string[] = [];
  if (value.length > 63) errors.push(maxLen(63));
  if (!LABEL_VALUE.test(value)) errors.push("a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue', or 'my_value', or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')");
  return errors;
}

/** The total size the API server allows for one object's annotations (keys and values), in bytes. */
export const TOTAL_ANNOTATION_SIZE_LIMIT = 256 * 1024;

/** How a kind's metadata.name is validated (apiserver's per-kind name functions; most kinds take a DNS subdomain). */
export function nameValidatorFor(kind: string): { check: (v: string) => string[]; what: string } {
  if (kind === 'Service') return { check: dns1035Label, what: 'a DNS-1035 label' };
  if (kind === 'Namespace') return { check: dns1123Label, what: 'an RFC 1123 label' };
  return { check: dns1123Subdomain, what: 'an RFC 1123 subdomain' };
}

/** generateName is a prefix: a trailing `-` is allowed (the API server appends random characters). */
export function generateNamePrefix(value: string): string {
  return value.endsWith('-') ? value.slice(0, -1) : value;
}

/** Text a template engine (Helm, envsubst, kustomize vars) fills in later: not checked. */
export function isTemplated(value: string): boolean {
  return value.includes('{{') || value.includes('${') || value.includes('$(');
}

/** `path: Invalid value: "value": error` — how the API server words a field error. */
export function invalidValue(path: string, value: string, error: string): string {
  return `${path}: Invalid value: ${JSON.stringify(value)}: ${error}`;
}

/** A field path as the API server prints it: `spec.containers[0].ports[1].name`. */
export function fieldPath(path: ReadonlyArray<string | number>): string {
  return path.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? k : `.${k}`)).join('');
}

const ENV_VAR_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;

/**
 * An environment variable name (env[].name, envFrom[].prefix) as the API server checks it: before 1.32 the strict
 * form (letters, digits, `_`, `-`, `.`, not starting with a digit, not `.`/`..`/`..x`); from 1.32 on
 * (RelaxedEnvironmentVariableValidation, beta and on by default) any printable ASCII but `=`.
 */
export function envVarName(value: string, relaxed: boolean): string[] {
  if (relaxed) {
    if (value.length === 0) return ['environment variable name must be non-empty'];
    return /^[\x20-\x3c\x3e-\x7e]+$/.test(value) ? [] : ["a valid environment variable name must consist only of printable ASCII characters other than '='"];
  }
  const errors: string[] = [];
  if (!ENV_VAR_NAME.test(value)) errors.push("a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name', or 'MY_ENV.NAME', or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')");
  if (value === '.') errors.push("must not be '.'");
  else if (value === '..') errors.push("must not be '..'");
  else if (value.startsWith('..')) errors.push("must not start with '..'");
  return errors;
}

/** `1.31` → 1031, for comparing `stevedore.kubernetes.version` with the release a validation changed in. */
export function kubernetesMinor(version: string): number {
  const v = /^v?(\d+)\.(\d+)/.exec(version.trim());
  return v ? Number(v[1]) * 1000 + Number(v[2]) : Infinity;
}
