// Container paths are always POSIX, whatever the host running the extension, so node:path is not used.

/** `p` resolved against the directory `wd` and normalised (`.`, `..`, repeated and trailing slashes). */
export function resolvePath(wd: string, p: string): string {
  const parts: string[] = [];
  for (const seg of (p.startsWith('/') ? p : `${wd}/${p}`).split('/')) {
    if (seg === '..') parts.pop();
    else if (seg && seg !== '.') parts.push(seg);
  }
  return `/${parts.join('/')}`;
}

/** The last component of a path, ignoring trailing slashes. */
export function baseName(p: string): string {
  const t = p.replace(/(?<!\/)\/+$/, '');
  return t.slice(t.lastIndexOf('/') + 1);
}
