// Image references as FROM writes them: registry, repository, tag and digest, after substituting global ARG defaults.
import type { Range } from '../types';

export interface ImageRef {
  /** The image as written, e.g. `${BASE}:3.12` or `python:3.12-slim`. */
  raw: string;
  /** After substituting global ARG defaults. */
  resolved: string;
  registry?: string;
  /** Repository path without registry, e.g. `python`, `bitnami/redis`, `distroless/static-debian12`. */
  repository: string;
  /** Last path component of the repository, e.g. `python`, `static-debian12`. */
  name: string;
  tag?: string;
  digest?: string;
  /** True when the raw reference uses a variable that no ARG default resolves. */
  unresolved: boolean;
  range: Range;
}

const MAX_SUBSTITUTED = 1024;

/** Splits an image reference into registry, repository, tag and digest. */
export function parseImageRef(raw: string, range: Range, args: Map<string, string | undefined>): ImageRef {
  let unresolved = false;
  // Variables are only substituted in a reference of real length: the pattern below rescans to the end of the text
  // from every `${` without a `}` (32 KB of `${a:-` took 2 s). A longer one is left as written and unresolved.
  const resolved = raw.length > MAX_SUBSTITUTED ? ((unresolved = raw.includes('$')), raw) : raw.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)(?::?([-+])([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (_m, braced, op, word, bare) => {
    const name = braced ?? bare;
    const value = args.get(name);
    if (op === '-') return value ? value : word;
    if (op === '+') return value ? word : '';
    if (value === undefined) unresolved = true;
    return value ?? '';
  });
  let rest = resolved;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let tag: string | undefined;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  let registry: string | undefined;
  const slash = rest.indexOf('/');
  if (slash > 0) {
    const first = rest.slice(0, slash);
    if (first.includes('.') || first.includes(':') || first === 'localhost') {
      registry = first;
      rest = rest.slice(slash + 1);
    }
  }
  if (!registry && rest.startsWith('library/')) rest = rest.slice('library/'.length);
  if (registry === 'docker.io' || registry === 'index.docker.io') {
    registry = undefined;
    if (rest.startsWith('library/')) rest = rest.slice('library/'.length);
  }
  const name = rest.slice(rest.lastIndexOf('/') + 1);
  return { raw, resolved, registry, repository: rest, name, tag, digest, unresolved, range };
}
