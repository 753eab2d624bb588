// Paths inside the image: always POSIX, whatever the host running the extension, so node:path is not used.

/** The last component of a path, ignoring trailing slashes (`/usr/bin/` → `bin`). */
export function basename(p: string): string {
  const t = p.replace(/(?<!\/)\/+$/, '');
  return t.slice(t.lastIndexOf('/') + 1);
}

/** The file name a download of `url` gets: the last component of its path, empty when the path ends with `/`. */
export function urlFileName(url: string): string {
  const path = url.replace(/[?#].*$/, '');
  return path.slice(path.lastIndexOf('/') + 1);
}

/** `p` resolved against the directory `wd` and normalised (`.`, `..`, repeated and trailing slashes). */
export function resolvePath(wd: string, p: string): string {
  const parts: string[] = [];
  for (const seg of (p.startsWith('/') ? p : `${wd}/${p}`).split('/')) {
    if (seg === '..') parts.pop();
    else if (seg && seg !== '.') parts.push(seg);
  }
  return `/${parts.join('/')}`;
}

/** The working folder and home folder paths resolve against (undefined when unknown). */
export interface PathScope {
  cwd?: string;
  home?: string;
}

const PLAIN_ABSOLUTE = /^(?:\/[^/.$`][^/$`]*)+$/;

/** An absolute, normalised path for `p`, or undefined when it uses variables or an unknown working folder. */
export function normalisePath(p: string, scope: PathScope): string | undefined {
  // Already absolute and normal (no empty, `.` or `..` segment, no trailing `/`, no variables): as is.
  if (PLAIN_ABSOLUTE.test(p)) return p;
  if (!p || /[$`]/.test(p)) return undefined;
  let abs: string | undefined = p;
  if (p === '~' || p.startsWith('~/')) abs = scope.home && scope.home + p.slice(1);
  else if (!p.startsWith('/')) abs = scope.cwd && `${scope.cwd}/${p}`;
  if (!abs) return undefined;
  const out: string[] = [];
  for (const seg of abs.split('/')) {
    if (seg === '..') out.pop();
    else if (seg && seg !== '.') out.push(seg);
  }
  return '/' + out.join('/');
}

/** True when `p` holds a glob character. */
export const GLOB = /[*?[]/;

/** A regex for a path glob (`*` and `?` within one segment), or undefined when `p` has no glob. */
export function globRegex(p: string): RegExp | undefined {
  if (!GLOB.test(p)) return undefined;
  const body = p.replace(/\[!/g, '[^').replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]');
  return new RegExp(`^${body}$`);
}

/**
 * True when deleting `target` deletes `path` (or all of it): equal, or `path` lies under `target`. A glob
 * target is compared by the part before its first glob character.
 */
export function pathCovers(target: string, path: string): boolean {
  const glob = target.search(/[*?[]/);
  if (glob >= 0) {
    const prefix = target.slice(0, glob);
    return prefix.length > 1 && (path.startsWith(prefix) || path === prefix.replace(/\/$/, ''));
  }
  const t = target.length > 1 ? target.replace(/(?<!\/)\/+$/, '') : target;
  return t !== '/' && (path === t || path.startsWith(t + '/'));
}
