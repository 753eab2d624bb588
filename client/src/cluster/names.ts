// Kubernetes name checks, run before any name reaches a kubectl argument list.
// Argument arrays already rule out shell injection; these checks keep a name from being read as a flag
// (`--kubeconfig=…`) or from addressing something other than the object the user picked.

const LABEL = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const DNS1123_LABEL = new RegExp(`^${LABEL}$`);
const DNS1123_SUBDOMAIN = new RegExp(`^${LABEL}(\\.${LABEL})*$`);

/** Why `name` is not a valid object name (DNS-1123 subdomain), or undefined when it is. */
export function objectNameProblem(name: string): string | undefined {
  if (!name) return 'the name is empty';
  if (name.length > 253) return `"${shorten(name)}" is longer than 253 characters`;
  if (!DNS1123_SUBDOMAIN.test(name)) {
    return `"${shorten(name)}" is not a valid Kubernetes name (lower-case letters, digits, '-' and '.', starting and ending with a letter or digit)`;
  }
  return undefined;
}

/** Why `name` is not a valid namespace (DNS-1123 label), or undefined when it is. */
export function namespaceProblem(name: string): string | undefined {
  if (!name) return 'the namespace is empty';
  if (name.length > 63) return `namespace "${shorten(name)}" is longer than 63 characters`;
  if (!DNS1123_LABEL.test(name)) {
    return `"${shorten(name)}" is not a valid namespace (lower-case letters, digits and '-', starting and ending with a letter or digit)`;
  }
  return undefined;
}

/** Why `name` cannot be used as a kubeconfig context name, or undefined. Context names are free-form otherwise. */
export function contextProblem(name: string): string | undefined {
  if (!name) return 'no context is selected';
  if (name.startsWith('-')) return `context "${shorten(name)}" starts with '-'`;
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'the context name contains control characters';
  return undefined;
}

function shorten(s: string): string {
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}
