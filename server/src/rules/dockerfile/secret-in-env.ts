import type { PropertyInstruction } from 'dockerfile-ast';
import type { DockerfileRule } from '../../core/rule';
import type { RuleHit } from '../../core/types';

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

export const secretInEnv: DockerfileRule = {
  id: 'secret-in-env',
  aliases: ['DL3064', 'SecretsUsedInArgOrEnv'],
  severity: 'warning',
  category: 'security',
  docs: {
    summary: 'ENV or ARG whose name says it holds a secret (password, token, API key …).',
    why: 'ENV values are stored in the image config and ARG values in the build history (`docker history`), so anyone who can pull the image can read them. Pass build secrets with `RUN --mount=type=secret,id=<name>` and runtime secrets through the orchestrator.',
    bad: 'ARG NPM_TOKEN\nRUN echo "//registry.npmjs.org/:_authToken=$NPM_TOKEN" > .npmrc && npm ci',
    good: 'RUN --mount=type=secret,id=npm_token,env=NPM_TOKEN npm ci',
  },
  check({ model }) {
    const hits: RuleHit[] = [];
    for (const ins of model.ast.getInstructions()) {
      const keyword = ins.getKeyword();
      if (keyword !== 'ENV' && keyword !== 'ARG') continue;
      for (const prop of (ins as PropertyInstruction).getProperties()) {
        const name = prop.getName();
        // `ENV TOKEN=` only clears the variable.
        if (!name || !looksLikeSecret(name) || (keyword === 'ENV' && !prop.getValue())) continue;
        const id = name.toLowerCase();
        const where = keyword === 'ENV' ? 'the image config' : 'the build history';
        hits.push({
          message: `\`${keyword} ${name}\` looks like a secret and ends up in ${where}; use \`RUN --mount=type=secret,id=${id}\` instead`,
          range: prop.getNameRange(),
          data: { name },
        });
      }
    }
    return hits;
  },
};
