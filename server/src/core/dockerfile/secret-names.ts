// Whether an ENV/ARG variable name says it holds a secret: used by the secret-in-env rule and by the multi-stage
// converter (which keeps such variables out of the runtime stage).

// Name parts that mean "this holds a secret" on their own, and pairs that do together (`API_KEY`, not `GPG_KEY`).
const SECRET_PARTS = new Set([
  'PASSWORD', 'PASSWORDS', 'PASSWD', 'PASSPHRASE', 'PWORD', 'SECRET', 'SECRETS', 'TOKEN', 'APIKEY',
  'CREDENTIAL', 'CREDENTIALS', 'CREDS', 'AUTH',
]);
const KEY_QUALIFIERS = new Set(['API', 'PRIVATE', 'ACCESS', 'SECRET', 'SIGNING', 'ENCRYPTION', 'MASTER']);
// A last part that makes the variable describe a secret rather than hold it: `TOKEN_FILE`, `AUTH_URL`.
const NOT_A_VALUE = new Set([
  'FILE', 'FILES', 'PATH', 'DIR', 'URL', 'URI', 'ENDPOINT', 'HOST', 'PORT', 'TYPE', 'METHOD', 'MODE', 'ENABLED',
  'DISABLED', 'NAME', 'LENGTH', 'TTL', 'EXPIRY', 'HEADER', 'PROVIDER', 'REGION', 'SOCK', 'SOCKET',
]);

/** Splits a variable name into upper-case parts on `_`, `-`, `.` and camelCase humps. */
export function nameParts(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .split(/[_.-]+/)
    .filter(Boolean)
    .map((p) => p.toUpperCase());
}

/** True when a variable name says it holds a secret (`DB_PASSWORD`, `githubToken`), not `AUTHOR` or `GPG_KEY`. */
export function looksLikeSecret(name: string): boolean {
  const parts = nameParts(name);
  if (!parts.length || parts.includes('PUBLIC') || NOT_A_VALUE.has(parts[parts.length - 1])) return false;
  return parts.some((p, i) => SECRET_PARTS.has(p) || ((p === 'KEY' || p === 'KEYS') && KEY_QUALIFIERS.has(parts[i - 1] ?? '')));
}
